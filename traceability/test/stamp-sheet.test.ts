import jsQRModule from "jsqr"
import { PDFParse } from "pdf-parse"
import { PNG } from "pngjs"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { DEFAULT_LAYOUT, labelPlan, labelsPerPage } from "../src/render/layout.js"
import { SCAN_PROMPT } from "../src/render/pdf.js"
import { createBatch, issue, RICE, type StampService, startStampService } from "./stamp-service.js"

// The print path end to end: 1,000 stamps -> PDF sheet -> QR codes read back by an independent
// decoder (jsqr) from the rasterised PDF and from the PNG outputs -> URIs that resolve.

// jsqr is CommonJS with an ES-style `export default` in its types: Node hands us module.exports.
const jsQR = jsQRModule as unknown as typeof jsQRModule.default

const COUNT = 1000
/** Pixels per PDF point when rasterising: about 6 pixels per QR module. */
const SCALE = 3
const MM = (72 / 25.4) * SCALE

let service: StampService
interface Stamp {
  serial: string
  uri: string
  seq: number
}
let stamps: Stamp[]
let pdf: Buffer

beforeAll(async () => {
  service = await startStampService()
  const batchId = await createBatch(service)
  const issued = await issue(service, batchId, { count: COUNT }, { key: "sheet-1000" })
  expect(issued.status).toBe(201)
  stamps = issued.body.stamps
  const response = await fetch(`${service.base}${issued.body.job.links.sheet_pdf}`, {
    headers: { authorization: `Bearer ${service.tokens.member}` },
  })
  expect(response.status).toBe(200)
  pdf = Buffer.from(await response.arrayBuffer())
})

afterAll(() => service?.close())

function decode(png: PNG, x: number, y: number, size: number): string | null {
  const crop = new PNG({ width: size, height: size })
  PNG.bitblt(png, crop, x, y, size, size, 0, 0)
  return jsQR(new Uint8ClampedArray(crop.data), size, size)?.data ?? null
}

async function resolves(uri: string, serial: string) {
  const response = await fetch(uri, { headers: { accept: "application/json" } })
  expect(response.status, uri).toBe(200)
  const body = (await response.json()) as { stamp: { serial: string } }
  expect(body.stamp.serial).toBe(serial)
}

describe("a sheet of 1,000 stamps", () => {
  it("has one label per stamp, each with the product, lot, serial and the scan prompt", async () => {
    const parser = new PDFParse({ data: new Uint8Array(pdf) })
    try {
      const perPage = labelsPerPage(DEFAULT_LAYOUT)
      expect((await parser.getInfo()).total).toBe(Math.ceil(COUNT / perPage))
      const { text } = await parser.getText()
      expect(text.split(SCAN_PROMPT)).toHaveLength(COUNT + 1)
      // Vietnamese diacritics come back as written (the embedded font maps every glyph).
      expect(text.split("Gạo Séng Cù Gia Phú")).toHaveLength(COUNT + 1)
      expect(text.match(/Lô: LOT-\d+/g)).toHaveLength(COUNT)
      const serials = new Set(text.match(/\b[0-9A-Z]{20}\b/g))
      for (const stamp of stamps) expect(serials.has(stamp.serial)).toBe(true)
    } finally {
      await parser.destroy()
    }
  })

  it("prints QR codes that decode to the stamps' URIs, in issue order, and resolve", async () => {
    const perPage = labelsPerPage(DEFAULT_LAYOUT)
    const pages = [1, 21, Math.ceil(COUNT / perPage)]
    const parser = new PDFParse({ data: new Uint8Array(pdf) })
    const shots = await parser
      .getScreenshot({ partial: pages, scale: SCALE })
      .finally(() => parser.destroy())
    const layout = DEFAULT_LAYOUT
    const plan = labelPlan(layout)
    let decoded = 0
    for (const shot of shots.pages) {
      const png = PNG.sync.read(Buffer.from(shot.data))
      const first = (shot.pageNumber - 1) * perPage
      for (let i = 0; i < perPage && first + i < COUNT; i++) {
        const column = i % layout.columns
        const row = Math.floor(i / layout.columns)
        const x =
          layout.margin_left_mm + column * (layout.label_width_mm + layout.gap_x_mm) + plan.qrXMm
        const y =
          layout.margin_top_mm + row * (layout.label_height_mm + layout.gap_y_mm) + plan.qrYMm
        const uri = decode(
          png,
          Math.floor((x - 1) * MM),
          Math.floor((y - 1) * MM),
          Math.ceil((plan.qrSideMm + 2) * MM),
        )
        const stamp = stamps[first + i]!
        expect(uri, `label ${first + i + 1}`).toBe(stamp.uri)
        await resolves(uri!, stamp.serial)
        decoded++
      }
    }
    expect(decoded).toBe(2 * perPage + (COUNT - (pages[2]! - 1) * perPage))
  })

  it("serves PNG codes that decode to the same URIs, and they resolve", async () => {
    const sample = stamps.filter((_, i) => i % 50 === 7)
    expect(sample).toHaveLength(20)
    for (const stamp of sample) {
      const response = await fetch(`${service.base}/stamps/${stamp.serial}.png`)
      const png = PNG.sync.read(Buffer.from(await response.arrayBuffer()))
      const uri = jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data
      expect(uri).toBe(stamp.uri)
      expect(uri).toContain(`/01/${RICE.variants[0]!.ean!.padStart(14, "0")}/10/`)
      await resolves(uri!, stamp.serial)
    }
  })
})
