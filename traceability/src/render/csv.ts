import { Readable } from "node:stream"

/** One CSV field (RFC 4180): quoted only when it holds a comma, a quote or a line break. */
export function csvField(value: string | number): string {
  const text = String(value)
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text
}

/**
 * A CSV stream with a header row, pulling rows page by page as the reader consumes them
 * (Readable.from stops pulling while the reader is behind), so 100,000 stamps never sit in memory.
 */
export function csvStream<T>(
  columns: readonly (keyof T & string)[],
  pages: AsyncIterable<T[]>,
): Readable {
  async function* lines() {
    yield `${columns.join(",")}\r\n`
    for await (const page of pages) {
      let chunk = ""
      for (const row of page) {
        chunk += `${columns.map((column) => csvField(row[column] as string | number)).join(",")}\r\n`
      }
      yield chunk
    }
  }
  return Readable.from(lines(), { objectMode: false })
}
