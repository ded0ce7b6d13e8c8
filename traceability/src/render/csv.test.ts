import { describe, expect, it } from "vitest"
import { csvField, csvStream } from "./csv.js"

describe("CSV", () => {
  it("quotes only fields that need it, doubling quotes", () => {
    expect(csvField("https://tem.example.vn/s/ABC")).toBe("https://tem.example.vn/s/ABC")
    expect(csvField(42)).toBe("42")
    expect(csvField('Lô "A", 5 kg')).toBe('"Lô ""A"", 5 kg"')
    expect(csvField("line\nbreak")).toBe('"line\nbreak"')
  })

  it("streams a header and the rows of every page, pulling pages only as it is read", async () => {
    const pulled: number[] = []
    async function* pages() {
      for (let page = 0; page < 3; page++) {
        pulled.push(page)
        yield [{ serial: `S${page}`, seq: page }]
      }
    }
    const stream = csvStream(["serial", "seq"], pages())
    expect(pulled).toEqual([])
    let text = ""
    for await (const chunk of stream) text += chunk
    expect(text).toBe("serial,seq\r\nS0,0\r\nS1,1\r\nS2,2\r\n")
    expect(pulled).toEqual([0, 1, 2])
  })
})
