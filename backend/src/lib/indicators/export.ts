/**
 * A quarter's digital-economy report ("báo cáo chỉ tiêu kinh tế số") as files officers download:
 * CSV for machines (strictly tabular, plain numbers) and XLSX for people (title, formats, widths).
 * Pure apart from building the workbook; no database, no clock (the caller passes generated_at).
 *
 * A province export is one table: the province totals first (`Xã` = "Toàn tỉnh"), then one block
 * of rows per commune (`Xã` = "02923 - Xã Gia Phú"), in the order the caller gives. The XLSX holds
 * that table on the worksheet "Chỉ tiêu", so it filters and sorts like the CSV. Each indicator row
 * ends with what its numerator and denominator count, in words (codes.ts INDICATOR_FORMULAS).
 *
 * When the caller gives the counted lists (what `GET /commune/indicators/counted` answers, for
 * every indicator), a second table lists them, one row per counted item (registry entry, seller,
 * listing, order part) with its seller and, for an order, its reference, date, value and payment:
 * the XLSX's second worksheet "Danh sách đã đếm", and in the CSV a second section after one empty
 * record, its title record and its own header. A province export lists each commune's items with
 * the commune in a leading `Xã` column (the province totals have no list of their own).
 */

import { QUARTER_PATTERN, VIETNAM_OFFSET_MS } from "@coop/contracts/quarters"
import { asciiSlug } from "@coop/contracts/text"
import ExcelJS from "exceljs"
import { INDICATORS, type IndicatorCode } from "./codes"
import type { CountedOrder } from "./counted-details"
import type { CountedItem } from "./read"
import type { ReportRow } from "./report"

/** Each indicator's counted items (the indicators left out have none). */
export type CountedLists = Partial<Record<IndicatorCode, CountedItem[]>>

export interface ReportExport {
  scope: "commune" | "province"
  /** e.g. { code: "02923", name: "Xã Gia Phú" } or { code: "15", name: "Tỉnh Lào Cai" } */
  area: { code: string; name: string }
  /** For a commune export, its province's name (shown in the XLSX title), or null. */
  province_name?: string | null
  quarter: string
  previous_quarter: string
  rows: ReportRow[]
  /** When the quarter was closed (frozen), or null while it is open. */
  closed_at: string | null
  generated_at: Date
  /** Commune exports: what each indicator counted; without it there is no second table. */
  counted?: CountedLists
  /** Province exports: one block of rows per commune, after the province totals. */
  communes?: { code: string; name: string; rows: ReportRow[]; counted?: CountedLists }[]
}

export const REPORT_CONTENT_TYPES = {
  csv: "text/csv; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
} as const

export const PROVINCE_TOTAL_LABEL = "Toàn tỉnh"
const SHEET_NAME = "Chỉ tiêu"
export const COUNTED_SHEET_NAME = "Danh sách đã đếm"
const COUNTED_SUBTITLE =
  "Những gì mỗi chỉ tiêu đã đếm, để kiểm tra: Được tính = Có nếu góp vào tử số; đơn hàng kèm mã, ngày đặt, giá trị và thanh toán"
const CREATOR = "Chợ số HTX"

type Kind = "text" | "integer" | "percent"
type Cell = string | number | null
/** One table line: the commune label (province exports only) and the indicator row. */
interface Line {
  commune: string | null
  row: ReportRow
}
interface Column {
  header: string
  kind: Kind
  value: (line: Line) => Cell
}

const COMMUNE_COLUMN: Column = { header: "Xã", kind: "text", value: (l) => l.commune }
const COLUMNS: Column[] = [
  { header: "Mã", kind: "text", value: (l) => l.row.code },
  { header: "Chỉ tiêu", kind: "text", value: (l) => l.row.name_vi },
  { header: "Tử số", kind: "integer", value: (l) => l.row.numerator },
  { header: "Mẫu số", kind: "integer", value: (l) => l.row.denominator },
  { header: "Tỷ lệ (%)", kind: "percent", value: (l) => l.row.percent },
  { header: "Quý trước", kind: "integer", value: (l) => l.row.previous_numerator },
  { header: "Thay đổi", kind: "integer", value: (l) => l.row.change },
  { header: "Tử số là", kind: "text", value: (l) => l.row.numerator_words },
  { header: "Mẫu số là", kind: "text", value: (l) => l.row.denominator_words },
]

/** Vietnamese names of what an indicator counts, payment and why an order is cashless or not. */
const SUBJECT_TYPES: Record<string, string> = {
  ocop_entry: "Sản phẩm OCOP",
  seller: "Người bán",
  product: "Sản phẩm đang bán",
  order_part: "Đơn hàng",
}
// The same words as the portal's (storefront/messages/vi.json Portal.indicators).
const PAYMENT_METHODS: Record<CountedOrder["payment_method"], string> = {
  cod: "COD (tiền mặt khi nhận hàng)",
  vietqr: "VietQR",
  card: "Thẻ",
  other: "Cách khác",
}
const PAYMENT_STATUSES: Record<CountedOrder["payment_status"], string> = {
  awaiting: "chưa thanh toán",
  captured: "đã thanh toán",
  canceled: "thanh toán đã hủy",
  refunded: "đã hoàn tiền",
}
const CASHLESS_REASONS: Record<CountedOrder["cashless_reason"], string> = {
  vietqr_paid: "Tính: thanh toán VietQR đã xác nhận",
  card_paid: "Tính: thanh toán thẻ đã xác nhận",
  cash_on_delivery: "Không tính: COD — tiền mặt",
  other_method: "Không tính: thanh toán cách khác, không phải VietQR hay thẻ",
  awaiting_payment: "Chưa thanh toán",
  payment_canceled: "Thanh toán đã hủy",
  payment_refunded: "Đã hoàn tiền",
  order_canceled: "Đơn đã hủy",
}
const CASHLESS_CODES: IndicatorCode[] = ["CASHLESS", "CASHLESS_VALUE"]

/** One counted item: the commune label (province exports only), its indicator and the item. */
interface CountedLine {
  commune: string | null
  code: IndicatorCode
  item: CountedItem
}
interface CountedColumn {
  header: string
  kind: Kind
  value: (line: CountedLine) => Cell
}

const COUNTED_COMMUNE_COLUMN: CountedColumn = {
  header: "Xã",
  kind: "text",
  value: (l) => l.commune,
}
const COUNTED_COLUMNS: CountedColumn[] = [
  { header: "Mã", kind: "text", value: (l) => l.code },
  { header: "Chỉ tiêu", kind: "text", value: (l) => INDICATORS[l.code].vi },
  { header: "Được tính", kind: "text", value: (l) => (l.item.counted ? "Có" : "Không") },
  {
    header: "Loại",
    kind: "text",
    value: (l) => SUBJECT_TYPES[l.item.subject_type] ?? l.item.subject_type,
  },
  { header: "Tên", kind: "text", value: (l) => l.item.label },
  { header: "Mã đối tượng", kind: "text", value: (l) => l.item.subject_id },
  { header: "Tử số", kind: "integer", value: (l) => l.item.numerator },
  { header: "Mẫu số", kind: "integer", value: (l) => l.item.denominator },
  {
    header: "Người bán",
    kind: "text",
    value: (l) => l.item.seller?.name ?? l.item.seller?.id ?? null,
  },
  { header: "Mã đơn", kind: "text", value: (l) => l.item.order?.reference ?? null },
  {
    header: "Ngày đặt",
    kind: "text",
    value: (l) => (l.item.order ? vietnamTime(l.item.order.placed_at) : null),
  },
  { header: "Giá trị (đồng)", kind: "integer", value: (l) => l.item.order?.amount ?? null },
  {
    header: "Thanh toán",
    kind: "text",
    value: (l) => (l.item.order ? PAYMENT_METHODS[l.item.order.payment_method] : null),
  },
  {
    header: "Trạng thái thanh toán",
    kind: "text",
    value: (l) => (l.item.order ? PAYMENT_STATUSES[l.item.order.payment_status] : null),
  },
  {
    header: "Lý do tính hay không",
    kind: "text",
    value: (l) =>
      l.item.order && CASHLESS_CODES.includes(l.code)
        ? CASHLESS_REASONS[l.item.order.cashless_reason]
        : null,
  },
]

const NUMBER_FORMATS: Record<Exclude<Kind, "text">, string> = { integer: "#,##0", percent: "0.0" }

function columnsOf(report: ReportExport): Column[] {
  return report.scope === "province" ? [COMMUNE_COLUMN, ...COLUMNS] : COLUMNS
}

function countedColumnsOf(report: ReportExport): CountedColumn[] {
  return report.scope === "province"
    ? [COUNTED_COMMUNE_COLUMN, ...COUNTED_COLUMNS]
    : COUNTED_COLUMNS
}

/** Whether the export has the second table: the caller gave the counted lists. */
function hasCounted(report: ReportExport): boolean {
  return report.scope === "province"
    ? (report.communes ?? []).some((c) => c.counted)
    : Boolean(report.counted)
}

/** The counted items, commune by commune, indicator by indicator (codes.ts's order). */
function countedLinesOf(report: ReportExport): CountedLine[] {
  const blocks =
    report.scope === "province"
      ? (report.communes ?? []).map((c) => ({
          commune: `${c.code} - ${c.name}`,
          counted: c.counted ?? {},
        }))
      : [{ commune: null, counted: report.counted ?? {} }]
  return blocks.flatMap(({ commune, counted }) =>
    (Object.keys(INDICATORS) as IndicatorCode[]).flatMap((code) =>
      (counted[code] ?? []).map((item) => ({ commune, code, item })),
    ),
  )
}

function linesOf(report: ReportExport): Line[] {
  if (report.scope !== "province") return report.rows.map((row) => ({ commune: null, row }))
  return [
    ...report.rows.map((row) => ({ commune: PROVINCE_TOTAL_LABEL, row })),
    ...(report.communes ?? []).flatMap((c) =>
      c.rows.map((row) => ({ commune: `${c.code} - ${c.name}`, row })),
    ),
  ]
}

/** "2026-Q4" -> "Quý 4/2026"; anything else as given. */
function quarterLabel(quarter: string): string {
  const match = QUARTER_PATTERN.exec(quarter)
  return match ? `Quý ${match[2]}/${match[1]}` : quarter
}

/** dd/mm/yyyy HH:mm in Vietnam's time (UTC+7 all year); an unreadable string as given. */
function vietnamTime(at: Date | string): string {
  const time = new Date(at).getTime()
  if (Number.isNaN(time)) return String(at)
  const d = new Date(time + VIETNAM_OFFSET_MS)
  const pad = (n: number) => String(n).padStart(2, "0")
  return `${pad(d.getUTCDate())}/${pad(d.getUTCMonth() + 1)}/${d.getUTCFullYear()} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`
}

// ---------------------------------------------------------------------------------------------
// CSV

/** Plain digits, dot decimal, leading minus; no grouping, no exponent for large integers. */
function plainNumber(n: number): string {
  if (!Number.isFinite(n)) return ""
  if (Number.isInteger(n) && Math.abs(n) >= 1e21) return BigInt(n).toString()
  return String(n)
}

/**
 * A text cell that a spreadsheet would read as a formula (=, +, -, @, tab, CR) gets a leading
 * apostrophe. Only text cells: numbers keep their minus sign.
 */
function neutralised(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text
}

/** RFC 4180: quote a field holding a comma, quote, CR or LF, doubling inner quotes. */
function csvField(cell: Cell, kind: Kind): string {
  if (cell === null || cell === undefined) return ""
  const text =
    typeof cell === "number" ? plainNumber(cell) : kind === "text" ? neutralised(cell) : cell
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

/**
 * UTF-8 text with a byte-order mark, CRLF after every record, header then rows; then, with the
 * counted lists, one empty record, the title record "Danh sách đã đếm", its header and its rows.
 */
export function reportCsv(report: ReportExport): string {
  const columns = columnsOf(report)
  const records = [
    columns.map((c) => csvField(c.header, "text")),
    ...linesOf(report).map((line) => columns.map((c) => csvField(c.value(line), c.kind))),
  ]
  if (hasCounted(report)) {
    const counted = countedColumnsOf(report)
    records.push(
      [""],
      [csvField(COUNTED_SHEET_NAME, "text")],
      counted.map((c) => csvField(c.header, "text")),
      ...countedLinesOf(report).map((line) => counted.map((c) => csvField(c.value(line), c.kind))),
    )
  }
  return `\uFEFF${records.map((r) => `${r.join(",")}\r\n`).join("")}`
}

// ---------------------------------------------------------------------------------------------
// XLSX

/** Characters a cell shows, to size its column. */
function shownLength(cell: Cell, kind: Kind): number {
  if (cell === null || cell === undefined) return 0
  if (typeof cell === "string") return cell.normalize("NFC").length
  if (kind === "percent") return cell.toFixed(1).length
  return Math.round(cell).toLocaleString("en-US").length
}

export function reportTitle(report: ReportExport): string {
  const area =
    report.scope === "commune" && report.province_name
      ? `${report.area.name}, ${report.province_name}`
      : report.area.name
  return `Báo cáo chỉ tiêu kinh tế số — ${area} — ${quarterLabel(report.quarter)}`
}

export function reportSubtitle(report: ReportExport): string {
  return [
    `Lập lúc ${vietnamTime(report.generated_at)} (giờ Việt Nam)`,
    report.closed_at ? `Đã chốt số liệu lúc ${vietnamTime(report.closed_at)}` : "Số liệu chưa chốt",
    `Quý trước: ${quarterLabel(report.previous_quarter)}`,
  ].join(" · ")
}

/** Columns whose text is long (the words of a formula) wrap rather than widen past this. */
const MAX_WIDTH = 60

/**
 * A worksheet holding one table: row 1 the title, row 2 the subtitle, row 3 the header (bold,
 * filled, frozen below, with a filter), then the lines. Numbers are numeric cells: counts as
 * `#,##0`, the percent as `0.0` (it holds 88.9, not 0.889). Text too long for its column wraps.
 */
function addTableSheet<L>(
  workbook: ExcelJS.Workbook,
  name: string,
  heading: { title: string; subtitle: string },
  columns: { header: string; kind: Kind; value: (line: L) => Cell }[],
  lines: L[],
  bold: (line: L) => boolean = () => false,
) {
  const headerRow = 3
  const sheet = workbook.addWorksheet(name, {
    views: [{ state: "frozen", xSplit: 0, ySplit: headerRow }],
    pageSetup: { orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  })

  const title = sheet.getCell(1, 1)
  title.value = heading.title
  title.font = { bold: true, size: 14 }
  const subtitle = sheet.getCell(2, 1)
  subtitle.value = heading.subtitle
  subtitle.font = { italic: true, color: { argb: "FF555555" } }

  const header = sheet.getRow(headerRow)
  header.values = columns.map((c) => c.header)
  header.eachCell((cell) => {
    cell.font = { bold: true }
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFDDEBF7" } }
    cell.alignment = { vertical: "middle", horizontal: "center", wrapText: true }
    cell.border = { bottom: { style: "thin" } }
  })

  const widths = columns.map((column) =>
    Math.max(
      column.header.length + 2, // room for the filter button
      ...lines.map((line) => shownLength(column.value(line), column.kind)),
    ),
  )

  lines.forEach((line, i) => {
    const row = sheet.getRow(headerRow + 1 + i)
    columns.forEach((column, j) => {
      const value = column.value(line)
      if (value === null || value === undefined) return
      const cell = row.getCell(j + 1)
      cell.value = value
      if (column.kind !== "text") cell.numFmt = NUMBER_FORMATS[column.kind]
      else if (widths[j] + 2 > MAX_WIDTH) cell.alignment = { vertical: "top", wrapText: true }
    })
    if (bold(line)) row.font = { bold: true }
  })

  if (lines.length) {
    sheet.autoFilter = {
      from: { row: headerRow, column: 1 },
      to: { row: headerRow + lines.length, column: columns.length },
    }
  }

  widths.forEach((widest, j) => {
    sheet.getColumn(j + 1).width = Math.min(Math.max(widest + 2, 8), MAX_WIDTH)
  })
  return sheet
}

/**
 * The worksheet "Chỉ tiêu" (the indicators table, under the report's title and when it was made
 * and whether the quarter is closed) and, with the counted lists, "Danh sách đã đếm".
 */
export async function reportXlsx(report: ReportExport): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook()
  workbook.creator = CREATOR
  workbook.lastModifiedBy = CREATOR
  workbook.created = report.generated_at
  workbook.modified = report.generated_at
  workbook.title = reportTitle(report)

  addTableSheet(
    workbook,
    SHEET_NAME,
    { title: reportTitle(report), subtitle: reportSubtitle(report) },
    columnsOf(report),
    linesOf(report),
    (line) => line.commune === PROVINCE_TOTAL_LABEL,
  )
  if (hasCounted(report)) {
    addTableSheet(
      workbook,
      COUNTED_SHEET_NAME,
      { title: `${COUNTED_SHEET_NAME} — ${reportTitle(report)}`, subtitle: COUNTED_SUBTITLE },
      countedColumnsOf(report),
      countedLinesOf(report),
    )
  }

  const written = await workbook.xlsx.writeBuffer()
  return Buffer.from(written as ArrayBuffer)
}

// ---------------------------------------------------------------------------------------------
// File names

/**
 * "chi-tieu-kinh-te-so-02923-2026-Q4.xlsx" for a commune, "chi-tieu-kinh-te-so-tinh-15-2026-Q4.csv"
 * for a province. ASCII only, safe in a Content-Disposition header as is.
 */
export function reportFileName(report: ReportExport, ext: "csv" | "xlsx"): string {
  const parts = [
    "chi-tieu-kinh-te-so",
    report.scope === "province" ? "tinh" : null,
    asciiSlug(report.area.code),
    asciiSlug(report.quarter),
  ].filter(Boolean)
  return `${parts.join("-")}.${ext}`
}
