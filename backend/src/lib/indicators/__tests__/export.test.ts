import ExcelJS from "exceljs"
import type { CountRow } from "../../../modules/indicators/sql"
import { INDICATOR_FORMULAS, NOW } from "../codes"
import type { CountedOrder } from "../counted-details"
import {
  type CountedLists,
  type ReportExport,
  reportCsv,
  reportFileName,
  reportXlsx,
} from "../export"
import type { CountedItem } from "../read"
import { type ReportRow, reportRows, valuesFromCounts } from "../report"

const Q = "2026-Q4"
const PREV = "2026-Q3"

const count = (
  code: string,
  period: string,
  numerator: number,
  denominator = 0,
  dimension = "",
  commune_code = "02923",
): CountRow => ({
  code,
  dimension,
  commune_code,
  province_code: "15",
  period,
  numerator,
  denominator,
})

/** Gia Phú: 9 of 9 OCOP products online, 8 of 9 sellers, 120 orders (122 the quarter before). */
function giaPhuRows({ withPrevious = true } = {}): ReportRow[] {
  const current = valuesFromCounts(
    [
      count("OCOP_ONLINE", NOW, 9, 9),
      count("SELLERS_ONLINE", NOW, 3, 4, "cooperative"),
      count("SELLERS_ONLINE", NOW, 5, 5, "household"),
      count("TRACEABLE", NOW, 14, 20),
      count("ORDERS", Q, 120),
      count("GMV", Q, 45_600_000),
      count("CASHLESS", Q, 80, 120),
      count("CASHLESS_VALUE", Q, 31_250_000, 45_600_000),
      count("STAMPS", Q, 1500),
      count("SCANS", Q, 2345),
      count("SCANNED", Q, 400, 1500),
      count("COUNTERFEIT", Q, 2),
      // Last quarter's flow rows must not leak into this quarter.
      count("ORDERS", PREV, 122),
    ],
    Q,
  )
  const previous = valuesFromCounts(
    [count("OCOP_ONLINE", NOW, 7, 9), count("ORDERS", PREV, 122), count("GMV", PREV, 40_000_000)],
    PREV,
  )
  return reportRows(current, withPrevious ? previous : null)
}

function communeReport(overrides: Partial<ReportExport> = {}): ReportExport {
  return {
    scope: "commune",
    area: { code: "02923", name: "Xã Gia Phú" },
    province_name: "Tỉnh Lào Cai",
    quarter: Q,
    previous_quarter: PREV,
    rows: giaPhuRows(),
    closed_at: null,
    // 18:15 UTC on 31 December is 01:15 on 1 January in Hà Nội.
    generated_at: new Date("2026-12-31T18:15:00Z"),
    ...overrides,
  }
}

function provinceReport(): ReportExport {
  const giaPhu = giaPhuRows()
  const other = reportRows(
    valuesFromCounts([count("OCOP_ONLINE", NOW, 2, 4, "", "02990")], Q),
    null,
  )
  const totals = reportRows(
    valuesFromCounts(
      [
        count("OCOP_ONLINE", NOW, 9, 9),
        count("OCOP_ONLINE", NOW, 2, 4, "", "02990"),
        count("ORDERS", Q, 120),
      ],
      Q,
    ),
    null,
  )
  return {
    scope: "province",
    area: { code: "15", name: "Tỉnh Lào Cai" },
    quarter: Q,
    previous_quarter: PREV,
    rows: totals,
    closed_at: "2027-01-03T17:00:00Z",
    generated_at: new Date("2027-01-05T02:30:00Z"),
    communes: [
      { code: "02923", name: "Xã Gia Phú", rows: giaPhu },
      { code: "02990", name: 'Xã "Bảo Thắng", mới', rows: other },
    ],
  }
}

/** RFC 4180 records from CSV text (without BOM): quoted fields, doubled quotes, CRLF. */
function parseCsv(text: string): string[][] {
  const records: string[][] = []
  let record: string[] = []
  let field = ""
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"'
        i++
      } else if (ch === '"') quoted = false
      else field += ch
    } else if (ch === '"') quoted = true
    else if (ch === ",") {
      record.push(field)
      field = ""
    } else if (ch === "\r" && text[i + 1] === "\n") {
      record.push(field)
      records.push(record)
      record = []
      field = ""
      i++
    } else field += ch
  }
  if (field || record.length) throw new Error("CSV does not end with CRLF")
  return records
}

const byCode = (records: string[][], code: string, codeColumn = 0) => {
  const found = records.find((r) => r[codeColumn] === code)
  if (!found) throw new Error(`no row ${code}`)
  return found
}

async function load(buffer: Buffer) {
  const workbook = new ExcelJS.Workbook()
  // Must stay: exceljs declares its own Buffer type, which Node's Buffer does not match.
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer)
  return workbook
}

function headerRowOf(sheet: ExcelJS.Worksheet): number {
  for (let r = 1; r <= sheet.rowCount; r++) {
    if (sheet.getRow(r).values && (sheet.getRow(r).values as unknown[]).includes("Chỉ tiêu"))
      return r
  }
  throw new Error("no header row")
}

/** Data rows under the header, as { header: cell } objects. */
function tableOf(sheet: ExcelJS.Worksheet) {
  const h = headerRowOf(sheet)
  const headers = (sheet.getRow(h).values as unknown[]).slice(1) as string[]
  const rows: Record<string, ExcelJS.Cell>[] = []
  for (let r = h + 1; r <= sheet.rowCount; r++) {
    rows.push(Object.fromEntries(headers.map((name, j) => [name, sheet.getRow(r).getCell(j + 1)])))
  }
  return { headerRow: h, headers, rows }
}

const HEADERS = [
  "Mã",
  "Chỉ tiêu",
  "Tử số",
  "Mẫu số",
  "Tỷ lệ (%)",
  "Quý trước",
  "Thay đổi",
  "Tử số là",
  "Mẫu số là",
]

// What the numerators and denominators count, as the portal words them (codes.ts).
const OCOP_WORDS = [
  "Sản phẩm OCOP còn hiệu lực đang bán trực tuyến",
  "Tổng sản phẩm OCOP còn hiệu lực của xã",
]
const ORDERS_WORDS = ["Số đơn hàng đặt trong quý, không tính đơn đã hủy", ""]

describe("report CSV", () => {
  it("is UTF-8 with a BOM, CRLF records, and exactly the Vietnamese header", () => {
    const csv = reportCsv(communeReport())
    expect(csv.charCodeAt(0)).toBe(0xfeff)
    expect(Buffer.from(csv, "utf8").subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]))
    // No bare LF or CR anywhere: every line break is CRLF, including the last.
    expect(csv.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/)
    expect(csv.endsWith("\r\n")).toBe(true)
    const lines = csv.slice(1).split("\r\n")
    expect(lines[0]).toBe(
      "Mã,Chỉ tiêu,Tử số,Mẫu số,Tỷ lệ (%),Quý trước,Thay đổi,Tử số là,Mẫu số là",
    )
    // Strictly tabular without the counted lists: header, one line per indicator, nothing else.
    expect(lines).toHaveLength(1 + 11 + 1)
    expect(lines.at(-1)).toBe("")
  })

  it("writes numbers as plain digits, percent with a dot, nulls empty, negative change kept", () => {
    const csv = reportCsv(communeReport())
    const lines = csv.slice(1).split("\r\n")
    expect(lines).toContain(
      `OCOP_ONLINE,Sản phẩm OCOP đã lên sàn,9,9,100,7,2,${OCOP_WORDS.join(",")}`,
    )
    // 120 orders, no denominator, no percent; 122 the quarter before: -2. The words hold a
    // comma, so they are quoted; no denominator in words leaves the last field empty.
    expect(lines).toContain(
      'ORDERS,Đơn hàng,120,,,122,-2,"Số đơn hàng đặt trong quý, không tính đơn đã hủy",',
    )
    // Large values without thousands separators (quoted only if they held a comma).
    expect(lines).toContain(
      'GMV,Giá trị đơn hàng (đồng),45600000,,,40000000,5600000,"Tổng giá trị (đồng) các đơn đặt trong quý, không tính đơn đã hủy",',
    )
    // None last quarter is 0, not empty: 80/120 = 66.7 %, up 80.
    expect(lines).toContain(
      "CASHLESS,Đơn thanh toán không dùng tiền mặt,80,120,66.7,0,80,Đơn đã thanh toán bằng VietQR hoặc thẻ,Tổng đơn đã thanh toán (mọi hình thức)",
    )

    const records = parseCsv(csv.slice(1))
    const sellers = byCode(records, "SELLERS_ONLINE")
    expect(sellers[1]).toBe("HTX, hộ kinh doanh bán hàng trực tuyến")
    expect(Number(sellers[2])).toBe(8)
    expect(Number(sellers[3])).toBe(9)
    expect(sellers[4]).toBe("88.9")
    expect(Number(sellers[4])).toBe(88.9)
    // The name holds a comma, so it is quoted in the raw text.
    expect(csv).toContain(
      'SELLERS_ONLINE,"HTX, hộ kinh doanh bán hàng trực tuyến",8,9,88.9,0,8,"HTX, hộ kinh doanh đã duyệt có ít nhất một sản phẩm đang bán",',
    )
    expect(sellers[7]).toBe("HTX, hộ kinh doanh đã duyệt có ít nhất một sản phẩm đang bán")
    expect(sellers[8]).toBe("Tổng HTX, hộ kinh doanh đã được duyệt")
  })

  it("leaves previous and change empty when there is no previous quarter to compare", () => {
    const rows = giaPhuRows({ withPrevious: false })
    const records = parseCsv(reportCsv(communeReport({ rows })).slice(1))
    expect(byCode(records, "ORDERS")).toEqual([
      "ORDERS",
      "Đơn hàng",
      "120",
      "",
      "",
      "",
      "",
      ...ORDERS_WORDS,
    ])
    expect(byCode(records, "OCOP_ONLINE")).toEqual([
      "OCOP_ONLINE",
      "Sản phẩm OCOP đã lên sàn",
      "9",
      "9",
      "100",
      "",
      "",
      ...OCOP_WORDS,
    ])
  })

  it("round-trips every row's numbers through an RFC 4180 parser", () => {
    const report = communeReport()
    const records = parseCsv(reportCsv(report).slice(1))
    expect(records[0]).toEqual(HEADERS)
    const asNumber = (s: string) => (s === "" ? null : Number(s))
    expect(records.slice(1)).toHaveLength(report.rows.length)
    for (const [i, row] of report.rows.entries()) {
      const rec = records[i + 1]
      expect(rec).toHaveLength(9)
      expect(rec[0]).toBe(row.code)
      expect(rec[1]).toBe(row.name_vi)
      expect(asNumber(rec[2])).toBe(row.numerator)
      expect(asNumber(rec[3])).toBe(row.denominator)
      expect(asNumber(rec[4])).toBe(row.percent)
      expect(asNumber(rec[5])).toBe(row.previous_numerator)
      expect(asNumber(rec[6])).toBe(row.change)
      expect(rec[7]).toBe(INDICATOR_FORMULAS[row.code].vi.numerator)
      expect(rec[8]).toBe(INDICATOR_FORMULAS[row.code].vi.denominator ?? "")
    }
  })

  it("quotes fields with quotes, commas and line breaks, and neutralises formula-like text", () => {
    const [first, ...rest] = giaPhuRows()
    const rows = [
      {
        ...first,
        name_vi: 'Sản phẩm "OCOP", 3 sao\r\ntrở lên',
        numerator_words: 'Sản phẩm "OCOP" 3 sao, đang bán',
      },
      { ...rest[0], name_vi: '=HYPERLINK("http://x")' },
      ...rest.slice(1),
    ]
    const csv = reportCsv(communeReport({ rows }))
    expect(csv).toContain(
      `OCOP_ONLINE,"Sản phẩm ""OCOP"", 3 sao\r\ntrở lên",9,9,100,7,2,"Sản phẩm ""OCOP"" 3 sao, đang bán",${OCOP_WORDS[1]}\r\n`,
    )
    const records = parseCsv(csv.slice(1))
    expect(records).toHaveLength(12)
    expect(byCode(records, "OCOP_ONLINE")[1]).toBe('Sản phẩm "OCOP", 3 sao\r\ntrở lên')
    expect(byCode(records, "OCOP_ONLINE")[7]).toBe('Sản phẩm "OCOP" 3 sao, đang bán')
    expect(byCode(records, "SELLERS_ONLINE")[1]).toBe('\'=HYPERLINK("http://x")')
    // Numbers keep their sign: neutralising applies to text only.
    expect(byCode(records, "ORDERS")[6]).toBe("-2")
  })

  it("puts the province totals first, then each commune's block, in a leading Xã column", () => {
    const report = provinceReport()
    const records = parseCsv(reportCsv(report).slice(1))
    expect(records[0]).toEqual(["Xã", ...HEADERS])
    expect(records).toHaveLength(1 + 11 * 3)
    expect(records.slice(1, 12).every((r) => r[0] === "Toàn tỉnh")).toBe(true)
    expect(records.slice(12, 23).every((r) => r[0] === "02923 - Xã Gia Phú")).toBe(true)
    expect(records.slice(23).every((r) => r[0] === '02990 - Xã "Bảo Thắng", mới')).toBe(true)
    // Totals: 11 of 13 OCOP products; Gia Phú's own block keeps its own numbers.
    expect(records[1].slice(1, 6)).toEqual([
      "OCOP_ONLINE",
      "Sản phẩm OCOP đã lên sàn",
      "11",
      "13",
      "84.6",
    ])
    const giaPhuOrders = records.slice(12, 23).find((r) => r[1] === "ORDERS")
    expect(giaPhuOrders?.slice(3)).toEqual(["120", "", "", "122", "-2", ...ORDERS_WORDS])
    expect(reportCsv(report)).toContain('\r\n"02990 - Xã ""Bảo Thắng"", mới",OCOP_ONLINE,')
  })
})

describe("report XLSX", () => {
  it("has one sheet with a title, a subtitle in Vietnam's time, and a bold frozen header", async () => {
    const workbook = await load(await reportXlsx(communeReport()))
    expect(workbook.worksheets.map((s) => s.name)).toEqual(["Chỉ tiêu"])
    const sheet = workbook.worksheets[0]
    const { headerRow, headers } = tableOf(sheet)
    expect(headers).toEqual(HEADERS)
    expect(headerRow).toBe(3)

    const title = String(sheet.getCell(1, 1).value)
    expect(title).toContain("Xã Gia Phú")
    expect(title).toContain("Quý 4/2026")
    expect(title).toBe("Báo cáo chỉ tiêu kinh tế số — Xã Gia Phú, Tỉnh Lào Cai — Quý 4/2026")
    const subtitle = String(sheet.getCell(2, 1).value)
    expect(subtitle).toContain("Lập lúc 01/01/2027 01:15 (giờ Việt Nam)")
    expect(subtitle).toContain("Quý trước: Quý 3/2026")
    expect(subtitle).not.toContain("Đã chốt")

    const header = sheet.getRow(headerRow)
    for (let c = 1; c <= HEADERS.length; c++) {
      expect(header.getCell(c).font?.bold).toBe(true)
      expect(header.getCell(c).fill).toMatchObject({ type: "pattern", pattern: "solid" })
    }
    expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: headerRow })

    expect(workbook.creator).toBe("Chợ số HTX")
    expect(workbook.created?.toISOString()).toBe("2026-12-31T18:15:00.000Z")
  })

  it("stores numbers as numbers with #,##0 and the percent as 88.9 with 0.0; nulls stay empty", async () => {
    const report = communeReport()
    const { rows } = tableOf((await load(await reportXlsx(report))).worksheets[0])
    expect(rows).toHaveLength(report.rows.length)
    const row = (code: string) => {
      const found = rows.find((r) => r.Mã.value === code)
      if (!found) throw new Error(`no row ${code}`)
      return found
    }

    const sellers = row("SELLERS_ONLINE")
    expect(sellers["Chỉ tiêu"].value).toBe("HTX, hộ kinh doanh bán hàng trực tuyến")
    for (const h of ["Tử số", "Mẫu số", "Tỷ lệ (%)"]) expect(typeof sellers[h].value).toBe("number")
    expect(sellers["Tử số"].value).toBe(8)
    expect(sellers["Tử số"].numFmt).toBe("#,##0")
    expect(sellers["Mẫu số"].numFmt).toBe("#,##0")
    expect(sellers["Tỷ lệ (%)"].value).toBe(88.9)
    expect(sellers["Tỷ lệ (%)"].numFmt).toBe("0.0")
    expect(sellers["Quý trước"].value).toBe(0)
    expect(sellers["Thay đổi"].value).toBe(8)

    const gmv = row("GMV")
    expect(gmv["Tử số"].value).toBe(45_600_000)
    expect(gmv["Tử số"].numFmt).toBe("#,##0")
    expect(gmv["Mẫu số"].value).toBeNull()
    expect(gmv["Tỷ lệ (%)"].value).toBeNull()

    const orders = row("ORDERS")
    expect(orders["Quý trước"].value).toBe(122)
    expect(orders["Thay đổi"].value).toBe(-2)
    expect(orders["Thay đổi"].numFmt).toBe("#,##0")
  })

  it("sizes columns to their content", async () => {
    const sheet = (await load(await reportXlsx(communeReport()))).worksheets[0]
    const longestName = "Giá trị thanh toán không dùng tiền mặt (đồng)".length
    expect(sheet.getColumn(2).width).toBeGreaterThanOrEqual(longestName)
    expect(sheet.getColumn(2).width).toBeLessThanOrEqual(60)
    // "CASHLESS_VALUE" is the longest code; "45,600,000" the widest count.
    expect(sheet.getColumn(1).width).toBeGreaterThanOrEqual("CASHLESS_VALUE".length)
    expect(sheet.getColumn(3).width).toBeGreaterThanOrEqual("45,600,000".length)
    expect(sheet.getColumn(1).width).toBeLessThan(sheet.getColumn(2).width ?? 0)
  })

  it("exports a province: totals first, then per-commune rows in the Xã column, closed time shown", async () => {
    const report = provinceReport()
    const sheet = (await load(await reportXlsx(report))).worksheets[0]
    const { headers, rows } = tableOf(sheet)
    expect(headers).toEqual(["Xã", ...HEADERS])
    expect(rows).toHaveLength(11 * 3)
    expect(rows.slice(0, 11).every((r) => r.Xã.value === "Toàn tỉnh")).toBe(true)
    expect(rows[0].Xã.font?.bold).toBe(true)

    const giaPhu = rows.filter((r) => r.Xã.value === "02923 - Xã Gia Phú")
    expect(giaPhu).toHaveLength(11)
    const ocop = giaPhu.find((r) => r.Mã.value === "OCOP_ONLINE")
    expect(ocop?.["Tử số"].value).toBe(9)
    expect(ocop?.["Tỷ lệ (%)"].value).toBe(100)
    const baoThang = rows.filter((r) => r.Xã.value === '02990 - Xã "Bảo Thắng", mới')
    expect(baoThang).toHaveLength(11)
    // No previous quarter for Bảo Thắng: those cells stay empty rather than 0.
    expect(baoThang[0]["Quý trước"].value).toBeNull()
    expect(baoThang[0]["Thay đổi"].value).toBeNull()
    expect(baoThang[0]["Tử số"].value).toBe(2)

    const totalOcop = rows[0]
    expect(totalOcop.Mã.value).toBe("OCOP_ONLINE")
    expect(totalOcop["Tỷ lệ (%)"].value).toBe(84.6)

    expect(String(sheet.getCell(1, 1).value)).toBe(
      "Báo cáo chỉ tiêu kinh tế số — Tỉnh Lào Cai — Quý 4/2026",
    )
    const subtitle = String(sheet.getCell(2, 1).value)
    expect(subtitle).toContain("Lập lúc 05/01/2027 09:30 (giờ Việt Nam)")
    expect(subtitle).toContain("Đã chốt số liệu lúc 04/01/2027 00:00")
  })
})

describe("report file names", () => {
  it("are ASCII, name the area and quarter, and tell a province from a commune", () => {
    expect(reportFileName(communeReport(), "xlsx")).toBe("chi-tieu-kinh-te-so-02923-2026-Q4.xlsx")
    expect(reportFileName(communeReport(), "csv")).toBe("chi-tieu-kinh-te-so-02923-2026-Q4.csv")
    expect(reportFileName(provinceReport(), "xlsx")).toBe(
      "chi-tieu-kinh-te-so-tinh-15-2026-Q4.xlsx",
    )
    const odd = reportFileName(
      communeReport({
        area: { code: "Gia Phú/../Yên đ", name: "Xã Gia Phú" },
        quarter: '2026 Q4"',
      }),
      "csv",
    )
    expect(odd).toBe("chi-tieu-kinh-te-so-Gia-Phu-Yen-d-2026-Q4.csv")
    expect(odd).toMatch(/^[A-Za-z0-9.-]+$/)
  })
})

// ---------------------------------------------------------------------------------------------
// The counted lists: what each indicator counted, so an officer can check it.

const order = (over: Partial<CountedOrder> = {}): CountedOrder => ({
  reference: "GP-0001-1",
  // 17:30 UTC is 00:30 the next day in Hà Nội.
  placed_at: "2026-11-02T17:30:00.000Z",
  amount: 185_000,
  payment_method: "vietqr",
  payment_status: "captured",
  status: "delivered",
  cashless_reason: "vietqr_paid",
  ...over,
})

const item = (over: Partial<CountedItem>): CountedItem => ({
  subject_type: "seller",
  subject_id: "sel_1",
  label: null,
  numerator: 1,
  denominator: 1,
  counted: true,
  seller: null,
  order: null,
  ...over,
})

/** Gia Phú's lists: one OCOP product online and one not, a seller, two orders. */
function giaPhuCounted(): CountedLists {
  const codOrder = order({
    reference: "GP-0002-1",
    amount: 90_000,
    payment_method: "cod",
    cashless_reason: "cash_on_delivery",
  })
  const seller = { id: "sel_1", name: 'HTX "Phú Xuân", Gia Phú' }
  return {
    OCOP_ONLINE: [
      item({
        subject_type: "ocop_entry",
        subject_id: "ocop_1",
        label: "Mật ong bạc hà (OCOP-123)",
        seller,
      }),
      item({
        subject_type: "ocop_entry",
        subject_id: "ocop_2",
        label: "=Chè shan tuyết",
        numerator: 0,
        counted: false,
        seller: { id: "sel_2", name: null },
      }),
    ],
    SELLERS_ONLINE: [item({ subject_id: "sel_1", label: seller.name })],
    ORDERS: [
      item({
        subject_type: "order_part",
        subject_id: "op_1",
        label: "GP-0001-1",
        seller,
        order: order(),
      }),
      item({
        subject_type: "order_part",
        subject_id: "op_2",
        label: "GP-0002-1",
        seller,
        order: codOrder,
      }),
    ],
    CASHLESS: [
      item({
        subject_type: "order_part",
        subject_id: "op_1",
        label: "GP-0001-1",
        seller,
        order: order(),
      }),
      item({
        subject_type: "order_part",
        subject_id: "op_2",
        label: "GP-0002-1",
        numerator: 0,
        counted: false,
        seller,
        order: codOrder,
      }),
    ],
  }
}

const COUNTED_HEADERS = [
  "Mã",
  "Chỉ tiêu",
  "Được tính",
  "Loại",
  "Tên",
  "Mã đối tượng",
  "Tử số",
  "Mẫu số",
  "Người bán",
  "Mã đơn",
  "Ngày đặt",
  "Giá trị (đồng)",
  "Thanh toán",
  "Trạng thái thanh toán",
  "Lý do tính hay không",
]

function provinceWithCounted(): ReportExport {
  const report = provinceReport()
  const [giaPhu, other] = report.communes ?? []
  return {
    ...report,
    communes: [
      { ...giaPhu, counted: giaPhuCounted() },
      {
        ...other,
        counted: {
          OCOP_ONLINE: [
            item({
              subject_type: "ocop_entry",
              subject_id: "ocop_9",
              label: "Gạo Séng Cù (OCOP-9)",
            }),
          ],
        },
      },
    ],
  }
}

/** The CSV's second section: the records after the empty one. */
function countedSection(csv: string) {
  const records = parseCsv(csv.slice(1))
  const gap = records.findIndex((r) => r.length === 1 && r[0] === "")
  if (gap < 0) throw new Error("no second section")
  return { before: records.slice(0, gap), title: records[gap + 1], rest: records.slice(gap + 2) }
}

describe("the counted lists in the report", () => {
  it("CSV: after the indicators, an empty record, the title, the header and one row per item", () => {
    const report = communeReport({ counted: giaPhuCounted() })
    const csv = reportCsv(report)
    const { before, title, rest } = countedSection(csv)
    // The indicators table is unchanged: header and 11 rows.
    expect(before[0]).toEqual(HEADERS)
    expect(before).toHaveLength(12)
    expect(title).toEqual(["Danh sách đã đếm"])
    expect(rest[0]).toEqual(COUNTED_HEADERS)
    // Two OCOP entries, one seller, two orders, two cashless candidates; indicators' order.
    expect(rest.slice(1).map((r) => `${r[0]}:${r[5]}`)).toEqual([
      "OCOP_ONLINE:ocop_1",
      "OCOP_ONLINE:ocop_2",
      "SELLERS_ONLINE:sel_1",
      "ORDERS:op_1",
      "ORDERS:op_2",
      "CASHLESS:op_1",
      "CASHLESS:op_2",
    ])
    const [, ocop1, ocop2, seller, order1, , cashless1, cashless2] = rest
    expect(ocop1).toEqual([
      "OCOP_ONLINE",
      "Sản phẩm OCOP đã lên sàn",
      "Có",
      "Sản phẩm OCOP",
      "Mật ong bạc hà (OCOP-123)",
      "ocop_1",
      "1",
      "1",
      'HTX "Phú Xuân", Gia Phú',
      "",
      "",
      "",
      "",
      "",
      "",
    ])
    // Left out: marked so; a label a spreadsheet would run as a formula is neutralised; a seller
    // without a name is shown by its id.
    expect(ocop2.slice(2, 9)).toEqual([
      "Không",
      "Sản phẩm OCOP",
      "'=Chè shan tuyết",
      "ocop_2",
      "0",
      "1",
      "sel_2",
    ])
    expect(seller.slice(3, 6)).toEqual(["Người bán", 'HTX "Phú Xuân", Gia Phú', "sel_1"])
    // An order: reference, date in Vietnam's time, plain value, payment in words; no cashless
    // reason under ORDERS, where it does not decide anything.
    expect(order1.slice(9)).toEqual([
      "GP-0001-1",
      "03/11/2026 00:30",
      "185000",
      "VietQR",
      "đã thanh toán",
      "",
    ])
    expect(cashless1[14]).toBe("Tính: thanh toán VietQR đã xác nhận")
    expect(cashless2.slice(2, 3)).toEqual(["Không"])
    expect(cashless2.slice(12)).toEqual([
      "COD (tiền mặt khi nhận hàng)",
      "đã thanh toán",
      "Không tính: COD — tiền mặt",
    ])
    // The raw text quotes the seller's name (comma and quotes) and ends every record with CRLF.
    expect(csv).toContain(',"HTX ""Phú Xuân"", Gia Phú",')
    expect(csv).toContain("\r\n\r\nDanh sách đã đếm\r\nMã,Chỉ tiêu,Được tính,")
    expect(csv.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/)
  })

  it("CSV: a commune with nothing counted still has the section's header, and no lists no section", () => {
    const empty = countedSection(reportCsv(communeReport({ counted: {} })))
    expect(empty.rest).toEqual([COUNTED_HEADERS])
    expect(reportCsv(communeReport())).not.toContain("Danh sách đã đếm")
  })

  it("CSV: a province lists each commune's items with the commune, none for the totals", () => {
    const { title, rest } = countedSection(reportCsv(provinceWithCounted()))
    expect(title).toEqual(["Danh sách đã đếm"])
    expect(rest[0]).toEqual(["Xã", ...COUNTED_HEADERS])
    const communes = rest.slice(1).map((r) => r[0])
    expect(communes.filter((c) => c === "02923 - Xã Gia Phú")).toHaveLength(7)
    expect(communes.slice(7)).toEqual(['02990 - Xã "Bảo Thắng", mới'])
    expect(communes).not.toContain("Toàn tỉnh")
    expect(rest.at(-1)?.slice(1, 7)).toEqual([
      "OCOP_ONLINE",
      "Sản phẩm OCOP đã lên sàn",
      "Có",
      "Sản phẩm OCOP",
      "Gạo Séng Cù (OCOP-9)",
      "ocop_9",
    ])
  })

  it("XLSX: the words in the indicators sheet, and a second sheet 'Danh sách đã đếm'", async () => {
    const workbook = await load(await reportXlsx(communeReport({ counted: giaPhuCounted() })))
    expect(workbook.worksheets.map((s) => s.name)).toEqual(["Chỉ tiêu", "Danh sách đã đếm"])

    const main = tableOf(workbook.worksheets[0])
    expect(main.headers).toEqual(HEADERS)
    expect(main.rows).toHaveLength(11)
    const ocop = main.rows.find((r) => r.Mã.value === "OCOP_ONLINE")
    expect([ocop?.["Tử số là"].value, ocop?.["Mẫu số là"].value]).toEqual(OCOP_WORDS)
    const orders = main.rows.find((r) => r.Mã.value === "ORDERS")
    expect(orders?.["Tử số là"].value).toBe(ORDERS_WORDS[0])
    expect(orders?.["Mẫu số là"].value).toBeNull()
    // The longest words wrap in a column no wider than 60.
    const wordsColumn = HEADERS.indexOf("Tử số là") + 1
    expect(workbook.worksheets[0].getColumn(wordsColumn).width).toBeLessThanOrEqual(60)
    const counterfeit = main.rows.find((r) => r.Mã.value === "COUNTERFEIT")
    expect(counterfeit?.["Tử số là"].alignment?.wrapText).toBe(true)

    const sheet = workbook.worksheets[1]
    expect(String(sheet.getCell(1, 1).value)).toBe(
      "Danh sách đã đếm — Báo cáo chỉ tiêu kinh tế số — Xã Gia Phú, Tỉnh Lào Cai — Quý 4/2026",
    )
    const counted = tableOf(sheet)
    expect(counted.headerRow).toBe(3)
    expect(counted.headers).toEqual(COUNTED_HEADERS)
    expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 3 })
    expect(counted.rows).toHaveLength(7)
    const cashless = counted.rows.filter((r) => r.Mã.value === "CASHLESS")
    expect(cashless.map((r) => r["Được tính"].value)).toEqual(["Có", "Không"])
    const first = cashless[0]
    expect(first["Mã đơn"].value).toBe("GP-0001-1")
    expect(first["Ngày đặt"].value).toBe("03/11/2026 00:30")
    expect(first["Giá trị (đồng)"].value).toBe(185_000)
    expect(first["Giá trị (đồng)"].numFmt).toBe("#,##0")
    expect(first["Người bán"].value).toBe('HTX "Phú Xuân", Gia Phú')
    expect(first["Lý do tính hay không"].value).toBe("Tính: thanh toán VietQR đã xác nhận")
    expect(cashless[1]["Thanh toán"].value).toBe("COD (tiền mặt khi nhận hàng)")
    const entry = counted.rows.find((r) => r["Mã đối tượng"].value === "ocop_2")
    expect(entry?.Tên.value).toBe("=Chè shan tuyết")
    expect(entry?.["Tử số"].value).toBe(0)
    expect(entry?.["Mã đơn"].value).toBeNull()
  })

  it("XLSX: a province's second sheet has the Xã column, one block per commune", async () => {
    const workbook = await load(await reportXlsx(provinceWithCounted()))
    const counted = tableOf(workbook.worksheets[1])
    expect(counted.headers).toEqual(["Xã", ...COUNTED_HEADERS])
    expect(counted.rows.map((r) => r.Xã.value)).toEqual([
      ...Array(7).fill("02923 - Xã Gia Phú"),
      '02990 - Xã "Bảo Thắng", mới',
    ])
    // Without lists, a single sheet as before.
    const plain = await load(await reportXlsx(provinceReport()))
    expect(plain.worksheets.map((s) => s.name)).toEqual(["Chỉ tiêu"])
  })
})
