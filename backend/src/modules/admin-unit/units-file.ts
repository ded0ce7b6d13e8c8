import { parseCsv } from "./csv"

/**
 * The admin-units import file: `code,name,level,parent_code[,former_district][,kind]`, one unit
 * a line, any column order (the header names them). Pure: no I/O, so every rule has a unit test.
 */

export type Text = { vi: string; en: string }

export const PROVINCE_KINDS = ["province", "city"] as const
export const COMMUNE_KINDS = ["commune", "ward", "special_zone"] as const
export type ProvinceKind = (typeof PROVINCE_KINDS)[number]
export type CommuneKind = (typeof COMMUNE_KINDS)[number]

export type ProvinceRow = {
  line: number
  level: "province"
  code: string
  name: string
  kind: ProvinceKind
}
export type CommuneRow = {
  line: number
  level: "commune"
  code: string
  name: string
  kind: CommuneKind
  province_code: string
  /** undefined when the file has no former_district column: the stored value is kept. */
  former_district: string | null | undefined
}
export type VillageRow = {
  line: number
  level: "village"
  code: string
  name: string
  commune_code: string
}
export type UnitRow = ProvinceRow | CommuneRow | VillageRow

/** One problem in the file; `line` 0 means the file as a whole. */
export interface UnitsFileIssue {
  line: number
  field: string
  message: Text
}

const REQUIRED = ["code", "name", "level", "parent_code"] as const
const OPTIONAL = ["former_district", "kind"] as const
const COLUMNS: readonly string[] = [...REQUIRED, ...OPTIONAL]
const LEVELS = ["province", "commune", "village"] as const
const MAX_NAME = 200

// Official codes are digits with leading zeros, which spreadsheets like to strip ("2923").
const CODE_PATTERN = {
  province: /^\d{2}$/,
  commune: /^\d{5}$/,
  village: /^[0-9A-Za-z][0-9A-Za-z._-]{0,39}$/,
}
const CODE_RULE: Record<(typeof LEVELS)[number], Text> = {
  province: {
    vi: "mã tỉnh gồm đúng 2 chữ số, giữ số 0 ở đầu (ví dụ 08)",
    en: "a province code is exactly 2 digits, leading zero kept (e.g. 08)",
  },
  commune: {
    vi: "mã xã gồm đúng 5 chữ số, giữ số 0 ở đầu (ví dụ 02923)",
    en: "a commune code is exactly 5 digits, leading zeros kept (e.g. 02923)",
  },
  village: {
    vi: "mã thôn gồm 1–40 ký tự chữ, số, dấu chấm, gạch ngang hoặc gạch dưới (ví dụ 02923-01)",
    en: "a village code is 1–40 letters, digits, dots, dashes or underscores (e.g. 02923-01)",
  },
}

/** Official names carry their kind as a prefix; used when the file gives no kind. */
function inferKind(level: "province" | "commune", name: string): ProvinceKind | CommuneKind {
  if (level === "province") return name.startsWith("Thành phố ") ? "city" : "province"
  if (name.startsWith("Phường ")) return "ward"
  if (name.startsWith("Đặc khu ")) return "special_zone"
  return "commune"
}

/** NFC so that the same name typed on different systems compares equal; single spaces. */
function clean(value: string | undefined): string {
  return (value ?? "").normalize("NFC").replace(/\s+/g, " ").trim()
}

export function parseUnitsFile(text: string): { rows: UnitRow[]; issues: UnitsFileIssue[] } {
  const { records, errors } = parseCsv(text)
  const issues: UnitsFileIssue[] = errors.map((e) => ({
    line: e.line,
    field: "file",
    message: e.message,
  }))
  if (errors.length) return { rows: [], issues }
  const [header, ...body] = records
  if (!header) {
    issues.push({
      line: 0,
      field: "file",
      message: { vi: "Tệp không có dữ liệu", en: "The file has no data" },
    })
    return { rows: [], issues }
  }

  const columns = header.fields.map((f) => clean(f).toLowerCase())
  columns.forEach((column, index) => {
    if (!COLUMNS.includes(column)) {
      issues.push({
        line: header.line,
        field: column || `column ${index + 1}`,
        message: {
          vi: `Cột không hợp lệ "${column}"; các cột: ${COLUMNS.join(", ")}`,
          en: `Unknown column "${column}"; the columns are: ${COLUMNS.join(", ")}`,
        },
      })
    } else if (columns.indexOf(column) !== index) {
      issues.push({
        line: header.line,
        field: column,
        message: { vi: `Cột "${column}" bị lặp`, en: `Column "${column}" appears twice` },
      })
    }
  })
  for (const column of REQUIRED) {
    if (!columns.includes(column)) {
      issues.push({
        line: header.line,
        field: column,
        message: { vi: `Thiếu cột "${column}"`, en: `Missing column "${column}"` },
      })
    }
  }
  if (issues.length) return { rows: [], issues }

  const hasFormerDistrict = columns.includes("former_district")
  const rows: UnitRow[] = []
  const firstLine = new Map<string, number>()
  for (const record of body) {
    const rowIssues = readRow(record.line, record.fields, columns, hasFormerDistrict, rows)
    if (rowIssues.length) {
      issues.push(...rowIssues)
      continue
    }
    const row = rows[rows.length - 1]!
    const seen = firstLine.get(row.code)
    if (seen !== undefined) {
      rows.pop()
      issues.push({
        line: record.line,
        field: "code",
        message: {
          vi: `Mã ${row.code} trùng với dòng ${seen}`,
          en: `Code ${row.code} already appears on line ${seen}`,
        },
      })
    } else firstLine.set(row.code, record.line)
  }
  return { rows, issues }
}

function readRow(
  line: number,
  fields: string[],
  columns: string[],
  hasFormerDistrict: boolean,
  out: UnitRow[],
): UnitsFileIssue[] {
  if (fields.length !== columns.length) {
    return [
      {
        line,
        field: "file",
        message: {
          vi: `Cần ${columns.length} cột nhưng có ${fields.length}; tên có dấu phẩy phải đặt trong ngoặc kép`,
          en: `Expected ${columns.length} columns, found ${fields.length}; quote names that contain commas`,
        },
      },
    ]
  }
  const cell = (column: string) => clean(fields[columns.indexOf(column)])
  const issues: UnitsFileIssue[] = []
  const problem = (field: string, vi: string, en: string) =>
    issues.push({ line, field, message: { vi, en } })

  const level = cell("level").toLowerCase()
  const code = cell("code")
  const name = cell("name")
  const parent = cell("parent_code")
  const kind = cell("kind").toLowerCase()
  const former = cell("former_district")

  if (!(LEVELS as readonly string[]).includes(level)) {
    problem(
      "level",
      `Cấp "${level}" không hợp lệ; dùng ${LEVELS.join(", ")}`,
      `Unknown level "${level}"; use ${LEVELS.join(", ")}`,
    )
    return issues
  }
  const lvl = level as (typeof LEVELS)[number]
  if (!CODE_PATTERN[lvl].test(code)) {
    problem(
      "code",
      `Mã "${code}" không hợp lệ: ${CODE_RULE[lvl].vi}`,
      `Invalid code "${code}": ${CODE_RULE[lvl].en}`,
    )
  }
  if (!name) problem("name", "Tên không được để trống", "The name is empty")
  else if (name.length > MAX_NAME) {
    problem(
      "name",
      `Tên dài quá ${MAX_NAME} ký tự`,
      `The name is longer than ${MAX_NAME} characters`,
    )
  }
  if (lvl === "province") {
    if (parent) problem("parent_code", "Tỉnh không có đơn vị cấp trên", "A province has no parent")
  } else if (!parent) {
    problem(
      "parent_code",
      lvl === "commune" ? "Thiếu mã tỉnh của xã" : "Thiếu mã xã của thôn",
      lvl === "commune"
        ? "The commune's province code is missing"
        : "The village's commune code is missing",
    )
  }
  if (former && lvl !== "commune") {
    problem("former_district", "Chỉ xã mới có huyện cũ", "Only a commune has a former district")
  }
  const kinds: readonly string[] =
    lvl === "province" ? PROVINCE_KINDS : lvl === "commune" ? COMMUNE_KINDS : []
  if (kind && !kinds.includes(kind)) {
    problem(
      "kind",
      kinds.length
        ? `Loại "${kind}" không hợp lệ cho cấp ${lvl}; dùng ${kinds.join(", ")}`
        : "Thôn không có loại; để trống",
      kinds.length
        ? `Kind "${kind}" is not valid for a ${lvl}; use ${kinds.join(", ")}`
        : "A village has no kind; leave it empty",
    )
  }
  if (issues.length) return issues

  if (lvl === "province") {
    out.push({ line, level: lvl, code, name, kind: (kind || inferKind(lvl, name)) as ProvinceKind })
  } else if (lvl === "commune") {
    out.push({
      line,
      level: lvl,
      code,
      name,
      kind: (kind || inferKind(lvl, name)) as CommuneKind,
      province_code: parent,
      former_district: hasFormerDistrict ? former || null : undefined,
    })
  } else out.push({ line, level: lvl, code, name, commune_code: parent })
  return issues
}
