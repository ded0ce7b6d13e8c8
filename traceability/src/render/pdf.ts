import { readFileSync } from "node:fs"
import { createRequire } from "node:module"
import PDFDocument from "pdfkit"
import { type LabelPlan, labelPlan, labelsPerPage, type SheetLayout } from "./layout.js"
import { QUIET_ZONE } from "./qr.js"
import { type QrCode, QrPool } from "./qr-pool.js"

/**
 * Printable A4 sheets of stamps. Each QR code is drawn as vector rectangles from the same matrix
 * the PNG and SVG outputs use: sharper than an embedded image at any printer resolution, and
 * cheaper to produce. The text uses Be Vietnam Pro (SIL Open Font License, shipped through npm
 * in @expo-google-fonts/be-vietnam-pro), embedded as a subset, so Vietnamese diacritics print
 * the same on every machine.
 */

const require = createRequire(import.meta.url)
const fontFile = (name: string) =>
  require.resolve(`@expo-google-fonts/be-vietnam-pro/${name}/BeVietnamPro_${name}.ttf`)
// Read once: a sheet embeds a subset of each, parsed per document.
const FONTS = {
  regular: readFileSync(fontFile("400Regular")),
  bold: readFileSync(fontFile("700Bold")),
}

const INLINE = new QrPool(0)

export const SCAN_PROMPT = "Quét để xem nguồn gốc"
const MM = 72 / 25.4

export interface SheetStamp {
  serial: string
  uri: string
}

export interface SheetText {
  productTitle: string
  lotCode: string
}

interface TextLine {
  text: string
  font: "regular" | "bold"
  size: number
  /** Baseline-independent top of the line, in points from the label's top. */
  y: number
}

/**
 * Starts a PDF of `stamps` (read in chunks of any size) and returns its stream at once; pages
 * are produced as the reader consumes them, so a 100,000-stamp sheet never sits in memory.
 * A failure of `stamps` destroys the stream with that error.
 */
export function renderSheet(
  stamps: AsyncIterable<SheetStamp[]>,
  text: SheetText,
  layout: SheetLayout,
  { qrPool = INLINE }: { qrPool?: QrPool } = {},
): PDFKit.PDFDocument {
  const doc = new PDFDocument({
    size: "A4",
    margin: 0,
    autoFirstPage: false,
    info: { Title: `${text.productTitle} - ${text.lotCode}`, Creator: "coop traceability" },
  })
  doc.registerFont("regular", FONTS.regular)
  doc.registerFont("bold", FONTS.bold)
  void fill(doc, stamps, text, layout, qrPool).catch((error: Error) => doc.destroy(error))
  return doc
}

async function fill(
  doc: PDFKit.PDFDocument,
  stamps: AsyncIterable<SheetStamp[]>,
  text: SheetText,
  layout: SheetLayout,
  pool: QrPool,
): Promise<void> {
  const perPage = labelsPerPage(layout)
  const painter = new LabelPainter(doc, layout, planText(doc, labelPlan(layout), text))
  const waitForReader = readerWaiter(doc)
  // Pages whose codes the pool is computing while earlier pages are drawn, in order.
  const queue: { stamps: SheetStamp[]; codes: Promise<QrCode[]> }[] = []
  const ahead = Math.max(2, pool.threads * 2)
  let pages = 0

  async function drawPage(page: { stamps: SheetStamp[]; codes: Promise<QrCode[]> }) {
    const codes = await page.codes
    if (doc.destroyed) return
    // Adding a page flushes the finished one into the stream: let the reader catch up first.
    await waitForReader()
    doc.addPage({ size: "A4", margin: 0 })
    pages++
    painter.newPage()
    for (const [i, stamp] of page.stamps.entries()) painter.draw(stamp, codes[i]!, i)
  }

  function enqueue(page: SheetStamp[]) {
    const codes = pool.codes(page.map((stamp) => stamp.uri))
    codes.catch(() => {}) // awaited in order by drawPage; this only marks it as handled meanwhile
    queue.push({ stamps: page, codes })
  }

  let page: SheetStamp[] = []
  for await (const chunk of stamps) {
    for (const stamp of chunk) {
      page.push(stamp)
      if (page.length < perPage) continue
      enqueue(page)
      page = []
      while (queue.length >= ahead) {
        await drawPage(queue.shift()!)
        if (doc.destroyed) return
      }
    }
  }
  if (page.length > 0) enqueue(page)
  while (queue.length > 0) await drawPage(queue.shift()!)
  if (doc.destroyed) return
  if (pages === 0) doc.addPage({ size: "A4", margin: 0 }) // a PDF needs a page, even with no stamps
  doc.end()
}

/** What LabelPainter uses of pdfkit's embedded font (not in pdfkit's public types). */
interface EmbeddedFont {
  id: string
  ascender: number
  /** Subset glyph ids (4 hex digits each) and their advances in 1/1000 em. */
  encode(text: string): [string[], { xAdvance: number }[]]
}

/**
 * Draws labels. Only the QR code and the serial differ between labels, so the operators of the
 * other lines are recorded from the first label of a page (which also registers the fonts with
 * that page) and replayed, shifted, for the rest; the serial is written from glyphs encoded once
 * per character. pdfkit's own text layout of every line costs more than the QR code.
 */
class LabelPainter {
  private recorded: { ops: string; x: number; y: number } | null = null
  private readonly plan: LabelPlan
  private readonly textX: number
  private readonly width: number
  private readonly align: "left" | "center"
  private readonly fixedLines: TextLine[]
  private readonly serialLine: TextLine
  private readonly serialFont: EmbeddedFont
  private readonly glyphs = new Map<string, { hex: string; advance: number }>()

  constructor(
    private readonly doc: PDFKit.PDFDocument,
    private readonly layout: SheetLayout,
    lines: TextLine[],
  ) {
    this.plan = labelPlan(layout)
    this.textX = this.plan.textXMm * MM
    this.width = this.plan.textWidthMm * MM
    this.align = this.plan.arrangement === "stacked" ? "center" : "left"
    this.serialLine = lines.find((line) => line.text === SERIAL_MARK)!
    this.fixedLines = lines.filter((line) => line !== this.serialLine)
    // The serial's font must also be one of the fixed lines', so each page registers it.
    if (!this.fixedLines.some((line) => line.font === this.serialLine.font)) {
      throw new Error("the serial's font is used by no other line")
    }
    doc.font(this.serialLine.font)
    this.serialFont = (doc as unknown as { _font: EmbeddedFont })._font
  }

  newPage(): void {
    this.recorded = null
  }

  /** Draws the stamp as the `index`th label of the page. */
  draw(stamp: SheetStamp, code: QrCode, index: number): void {
    const { doc, plan, layout } = this
    const column = index % layout.columns
    const row = Math.floor(index / layout.columns)
    const x = (layout.margin_left_mm + column * (layout.label_width_mm + layout.gap_x_mm)) * MM
    const y = (layout.margin_top_mm + row * (layout.label_height_mm + layout.gap_y_mm)) * MM
    const scale = (plan.qrSideMm * MM) / (code.size + 2 * QUIET_ZONE)
    doc.addContent(
      `q ${num(scale)} 0 0 ${num(scale)} ${num(x + plan.qrXMm * MM)} ${num(y + plan.qrYMm * MM)} cm\n${code.operators}\nf\nQ`,
    )
    if (this.recorded) {
      const { ops, x: x0, y: y0 } = this.recorded
      doc.addContent(`q 1 0 0 1 ${num(x - x0)} ${num(y - y0)} cm\n${ops}\nQ`)
    } else {
      const ops: string[] = []
      const addContent = doc.addContent
      doc.addContent = (data: string) => {
        ops.push(data)
        return addContent.call(doc, data)
      }
      try {
        for (const line of this.fixedLines) this.text(line, x, y)
      } finally {
        doc.addContent = addContent
      }
      this.recorded = { ops: ops.join("\n"), x, y }
    }
    doc.addContent(this.serialOperators(stamp.serial, x, y))
  }

  /**
   * The serial as pdfkit would write it (baseline one ascender below the line's top, in PDF's
   * bottom-up coordinates), squeezed horizontally (Tz) when wide letters would overflow.
   */
  private serialOperators(serial: string, x: number, y: number): string {
    const font = this.serialFont
    const { size } = this.serialLine
    let hex = ""
    let advance = 0
    for (const c of serial) {
      let glyph = this.glyphs.get(c)
      if (!glyph) {
        const [ids, positions] = font.encode(c)
        glyph = { hex: ids.join(""), advance: positions.reduce((sum, p) => sum + p.xAdvance, 0) }
        this.glyphs.set(c, glyph)
      }
      hex += glyph.hex
      advance += glyph.advance
    }
    const natural = (advance * size) / 1000
    const scaling = natural > this.width ? Math.floor((100 * this.width) / natural) : 100
    const rendered = (natural * scaling) / 100
    const left = x + this.textX + (this.align === "center" ? (this.width - rendered) / 2 : 0)
    const height = this.doc.page.height
    const baseline = height - (y + this.serialLine.y) - (font.ascender / 1000) * size
    const squeeze = scaling === 100 ? "" : `${scaling} Tz `
    return `q 1 0 0 -1 0 ${num(height)} cm BT 1 0 0 1 ${num(left)} ${num(baseline)} Tm /${font.id} ${num(size)} Tf ${squeeze}[<${hex}> 0] TJ ET Q`
  }

  private text(line: TextLine, x: number, y: number): void {
    this.doc
      .font(line.font)
      .fontSize(line.size)
      .text(line.text, x + this.textX, y + line.y, {
        lineBreak: false,
        width: this.width,
        align: this.align,
      })
  }
}

const SERIAL_MARK = "{serial}"

/** The lines of every label, measured once per sheet; SERIAL_MARK marks where the serial goes. */
function planText(doc: PDFKit.PDFDocument, plan: LabelPlan, text: SheetText): TextLine[] {
  const width = plan.textWidthMm * MM
  const stacked = plan.arrangement === "stacked"
  const titleSize = stacked ? 6.5 : 8
  const bodySize = stacked ? 5.5 : 6.5
  const titleLines = wrap(
    doc,
    "bold",
    titleSize,
    text.productTitle.normalize("NFC"),
    width,
    stacked ? 1 : 2,
  )
  const lines: TextLine[] = []
  let y = plan.textYMm * MM
  for (const title of titleLines) {
    lines.push({ text: title, font: "bold", size: titleSize, y })
    y += titleSize * 1.25
  }
  y += stacked ? 0 : 2
  const lot = fitLine(doc, "regular", bodySize, `Lô: ${text.lotCode}`, width)
  lines.push({ text: lot, font: "regular", size: bodySize, y })
  y += bodySize * 1.3
  lines.push({ text: SERIAL_MARK, font: "regular", size: bodySize, y })
  y += bodySize * 1.3 + (stacked ? 0 : 2)
  lines.push({ text: SCAN_PROMPT, font: "bold", size: bodySize, y })
  return lines
}

/** Up to `maxLines` lines of `value` within `width`; the last one ends in "…" when cut. */
function wrap(
  doc: PDFKit.PDFDocument,
  font: "regular" | "bold",
  size: number,
  value: string,
  width: number,
  maxLines: number,
): string[] {
  doc.font(font).fontSize(size)
  const lines: string[] = []
  let current = ""
  const words = value.split(/\s+/).filter(Boolean)
  for (let i = 0; i < words.length; i++) {
    const candidate = current ? `${current} ${words[i]}` : words[i]!
    if (doc.widthOfString(candidate) <= width || !current) {
      current = candidate
      continue
    }
    if (lines.length === maxLines - 1) {
      lines.push(fitLine(doc, font, size, `${current} ${words.slice(i).join(" ")}`, width))
      return lines
    }
    lines.push(fitLine(doc, font, size, current, width))
    current = words[i]!
  }
  if (current) lines.push(fitLine(doc, font, size, current, width))
  return lines
}

/** `value`, cut with "…" when wider than `width`. */
function fitLine(
  doc: PDFKit.PDFDocument,
  font: "regular" | "bold",
  size: number,
  value: string,
  width: number,
): string {
  doc.font(font).fontSize(size)
  if (doc.widthOfString(value) <= width) return value
  let cut = value
  while (cut.length > 1 && doc.widthOfString(`${cut}…`) > width) cut = cut.slice(0, -1)
  return `${cut.trimEnd()}…`
}

/**
 * Between pages: waits while the reader is behind (pdfkit pushes into its stream without looking
 * at the reader, so a slow client would let pages pile up in memory; Readable calls `_read` when
 * it wants more), and otherwise still lets the event loop run, so the resolver on the same
 * instance answers between pages of a long sheet instead of after it.
 */
function readerWaiter(doc: PDFKit.PDFDocument): () => Promise<void> {
  let wake: (() => void) | null = null
  const stream = doc as unknown as { _read: () => void; readableLength: number }
  stream._read = () => {
    wake?.()
    wake = null
  }
  doc.once("close", () => stream._read())
  return () =>
    new Promise<void>((resolve) => {
      if (stream.readableLength < doc.readableHighWaterMark || doc.destroyed) setImmediate(resolve)
      else wake = resolve
    })
}

const num = (n: number) => (Math.round(n * 1000) / 1000).toString()
