import { PDFParse } from "pdf-parse"
import { describe, expect, it } from "vitest"
import { createSerial } from "../domain/serial.js"
import { DEFAULT_LAYOUT, withDefaults } from "./layout.js"
import { renderSheet, SCAN_PROMPT, type SheetStamp } from "./pdf.js"

async function read(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = []
  for await (const chunk of stream) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks)
}

async function* pages(...chunks: SheetStamp[][]) {
  for (const chunk of chunks) yield chunk
}

const stamp = (): SheetStamp => {
  const serial = createSerial("s".repeat(32))
  return { serial, uri: `https://tem.example.vn/s/${serial}` }
}

async function textOf(pdf: Buffer) {
  const parser = new PDFParse({ data: new Uint8Array(pdf) })
  try {
    return { total: (await parser.getInfo()).total, text: (await parser.getText()).text }
  } finally {
    await parser.destroy()
  }
}

describe("PDF sheet", () => {
  const text = { productTitle: "Mật ong bạc hà Mèo Vạc", lotCode: "MO-2026-04" }

  it("fills pages in order across chunks of any size, one label per stamp", async () => {
    const stamps = Array.from({ length: 30 }, stamp)
    const layout = withDefaults({ columns: 2, rows: 4, label_width_mm: 95, label_height_mm: 60 })
    const pdf = await read(renderSheet(pages(stamps.slice(0, 3), stamps.slice(3)), text, layout))
    const { total, text: content } = await textOf(pdf)
    expect(total).toBe(4)
    expect(content.split(SCAN_PROMPT)).toHaveLength(31)
    const order = stamps.map((s) => content.indexOf(s.serial))
    expect(order.every((position, i) => position > (order[i - 1] ?? -1))).toBe(true)
  })

  it("shortens a product name too long for two lines with an ellipsis", async () => {
    const long = { ...text, productTitle: `${"Gạo thơm đặc sản vùng cao ".repeat(6)}5 kg` }
    const { text: content } = await textOf(
      await read(renderSheet(pages([stamp()]), long, DEFAULT_LAYOUT)),
    )
    expect(content).toContain("…")
    expect(content).not.toContain("5 kg")
  })

  it("is a valid one-page PDF even without stamps", async () => {
    const pdf = await read(renderSheet(pages(), text, DEFAULT_LAYOUT))
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-")
    expect((await textOf(pdf)).total).toBe(1)
  })

  it("ends the stream with the error when reading stamps fails", async () => {
    async function* failing(): AsyncGenerator<SheetStamp[]> {
      yield [stamp()]
      throw new Error("database went away")
    }
    await expect(read(renderSheet(failing(), text, DEFAULT_LAYOUT))).rejects.toThrow(
      "database went away",
    )
  })
})
