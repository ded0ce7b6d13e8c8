/**
 * A small RFC 4180 reader for the files operators export from spreadsheets: UTF-8 with or without
 * a byte-order mark, CRLF or LF line ends, quoted fields holding commas, quotes ("") or line
 * breaks. Lines starting with "#" are comments; blank lines (or lines of bare commas, which
 * spreadsheets leave behind) are skipped. Each record remembers the line it starts on, so errors
 * can point at the line the operator sees in a text editor.
 */

export interface CsvRecord {
  line: number
  fields: string[]
}

export interface CsvError {
  line: number
  message: { vi: string; en: string }
}

export function parseCsv(text: string): { records: CsvRecord[]; errors: CsvError[] } {
  const input = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
  const records: CsvRecord[] = []
  const errors: CsvError[] = []
  let line = 1
  let i = 0

  const atLineEnd = () => i >= input.length || input[i] === "\n" || input[i] === "\r"
  const skipLineEnd = () => {
    if (input[i] === "\r" && input[i + 1] === "\n") i += 2
    else i += 1
    line += 1
  }

  while (i < input.length) {
    const start = line
    if (input[i] === "#") {
      while (!atLineEnd()) i += 1
      if (i < input.length) skipLineEnd()
      continue
    }
    const fields: string[] = []
    let broken = false
    for (;;) {
      let field = ""
      if (input[i] === '"') {
        const quoteLine = line
        i += 1
        let closed = false
        while (i < input.length) {
          const c = input[i]
          if (c === '"') {
            if (input[i + 1] === '"') {
              field += '"'
              i += 2
              continue
            }
            i += 1
            closed = true
            break
          }
          if (c === "\r" || c === "\n") {
            field += "\n"
            skipLineEnd()
            continue
          }
          field += c
          i += 1
        }
        if (!closed) {
          errors.push({
            line: quoteLine,
            message: {
              vi: "Dấu ngoặc kép mở nhưng không đóng",
              en: "A quoted field is never closed",
            },
          })
          return { records, errors }
        }
        if (!atLineEnd() && input[i] !== ",") {
          errors.push({
            line,
            message: {
              vi: "Có ký tự sau dấu ngoặc kép đóng; hãy đặt cả trường trong ngoặc kép",
              en: "Characters follow a closing quote; quote the whole field",
            },
          })
          broken = true
          while (!atLineEnd()) i += 1
        }
      } else {
        while (!atLineEnd() && input[i] !== ",") {
          field += input[i]
          i += 1
        }
      }
      fields.push(field)
      if (broken || atLineEnd()) break
      i += 1 // the comma
    }
    if (i < input.length) skipLineEnd()
    if (!broken && fields.some((f) => f.trim() !== "")) records.push({ line: start, fields })
  }
  return { records, errors }
}
