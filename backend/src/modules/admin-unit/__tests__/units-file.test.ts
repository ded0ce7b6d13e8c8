import { readFileSync } from "node:fs"
import path from "node:path"
import { VILLAGES } from "../../../scripts/demo/data"
import { parseCsv } from "../csv"
import { parseUnitsFile, type UnitRow } from "../units-file"

const HEADER = "code,name,level,parent_code,former_district"

function rowsOf(text: string): UnitRow[] {
  const { rows, issues } = parseUnitsFile(text)
  expect(issues).toEqual([])
  return rows
}

function issuesOf(text: string) {
  const { rows, issues } = parseUnitsFile(text)
  return { rows, issues: issues.map((i) => ({ line: i.line, field: i.field })), all: issues }
}

describe("parseCsv", () => {
  it("reads quoted fields holding commas, doubled quotes and line breaks", () => {
    const { records, errors } = parseCsv('a,"b, c","say ""hi""","two\nlines"\nx,y,z,w\n')
    expect(errors).toEqual([])
    expect(records).toEqual([
      { line: 1, fields: ["a", "b, c", 'say "hi"', "two\nlines"] },
      // The quoted line break moved the next record to line 3.
      { line: 3, fields: ["x", "y", "z", "w"] },
    ])
  })

  it("drops a byte-order mark and reads CRLF, LF and a missing final newline alike", () => {
    const crlf = parseCsv("\uFEFFcode,name\r\n01,Hà Nội\r\n04,Cao Bằng")
    const lf = parseCsv("code,name\n01,Hà Nội\n04,Cao Bằng\n")
    expect(crlf).toEqual(lf)
    expect(crlf.records[0]!.fields[0]).toBe("code")
    expect(crlf.records.map((r) => r.line)).toEqual([1, 2, 3])
  })

  it("skips comments, blank lines and spreadsheet lines of bare commas, keeping line numbers", () => {
    const { records } = parseCsv("# a comment, with a comma\n\ncode,name\n,,\n01,x\n")
    expect(records).toEqual([
      { line: 3, fields: ["code", "name"] },
      { line: 5, fields: ["01", "x"] },
    ])
  })

  it("reports an unterminated quote at the line it opens", () => {
    const { errors } = parseCsv('code,name\n01,"Hà Nội\n04,x\n')
    expect(errors).toHaveLength(1)
    expect(errors[0]!.line).toBe(2)
  })

  it("reports text after a closing quote", () => {
    const { errors, records } = parseCsv('code,name\n01,"Hà" Nội\n04,x\n')
    expect(errors.map((e) => e.line)).toEqual([2])
    expect(records.map((r) => r.line)).toEqual([1, 3])
  })
})

describe("parseUnitsFile", () => {
  it("reads each level with Vietnamese names, quoted commas and the former district", () => {
    const rows = rowsOf(
      [
        HEADER,
        "15,Tỉnh Lào Cai,province,,",
        '02923,Xã Gia Phú,commune,15,"Huyện Bảo Thắng, Lào Cai"',
        "02923-01,Thôn Phú Xuân,village,02923,",
      ].join("\r\n"),
    )
    expect(rows).toEqual([
      { line: 2, level: "province", code: "15", name: "Tỉnh Lào Cai", kind: "province" },
      {
        line: 3,
        level: "commune",
        code: "02923",
        name: "Xã Gia Phú",
        kind: "commune",
        province_code: "15",
        former_district: "Huyện Bảo Thắng, Lào Cai",
      },
      {
        line: 4,
        level: "village",
        code: "02923-01",
        name: "Thôn Phú Xuân",
        commune_code: "02923",
      },
    ])
  })

  it("stores names in NFC with single spaces, so decomposed input compares equal", () => {
    const decomposed = "Xã  Gia Phú ".normalize("NFD")
    expect(decomposed).not.toBe("Xã Gia Phú")
    const [row] = rowsOf(`code,name,level,parent_code\n02923,${decomposed},commune,15`)
    expect(row!.name).toBe("Xã Gia Phú")
  })

  it("takes columns in any order and case, and infers kinds from official name prefixes", () => {
    const rows = rowsOf(
      [
        "Level,Parent_Code,Name,Code",
        "province,,Thành phố Hải Phòng,31",
        "commune,15,Phường Lào Cai,02680",
        "commune,22,Đặc khu Vân Đồn,07192",
        "commune,15,Xã Gia Phú,02923",
      ].join("\n"),
    )
    expect(rows.map((r) => ("kind" in r ? r.kind : null))).toEqual([
      "city",
      "ward",
      "special_zone",
      "commune",
    ])
  })

  it("lets an explicit kind column win over the name", () => {
    const [row] = rowsOf("code,name,level,parent_code,kind\n02923,Gia Phú,commune,15,ward")
    expect(row).toMatchObject({ kind: "ward" })
  })

  it("leaves former_district undefined when the column is absent and null when empty", () => {
    const [absent] = rowsOf("code,name,level,parent_code\n02923,Xã Gia Phú,commune,15")
    const [empty] = rowsOf(`${HEADER}\n02923,Xã Gia Phú,commune,15,`)
    expect(absent).toMatchObject({ former_district: undefined })
    expect(empty).toMatchObject({ former_district: null })
  })

  it("reports every bad row with its line and field, and keeps only the good ones", () => {
    const { rows, issues } = issuesOf(
      [
        HEADER,
        "15,Tỉnh Lào Cai,province,,", // 2 ok
        "2923,Xã Gia Phú,commune,15,", // 3 leading zero lost
        "02990,,commune,15,", // 4 empty name
        "02991,Xã A,district,15,", // 5 bad level
        "02992,Xã B,commune,,", // 6 no parent
        "16,Tỉnh C,province,15,", // 7 province with parent
        "02923-01,Thôn D,village,02923,Huyện X", // 8 former district on a village
        "15,Tỉnh Lào Cai (again),province,,", // 9 duplicate of line 2
        "02993,Xã E, Lào Cai,commune,15,", // 10 unquoted comma
      ].join("\n"),
    )
    expect(issues).toEqual([
      { line: 3, field: "code" },
      { line: 4, field: "name" },
      { line: 5, field: "level" },
      { line: 6, field: "parent_code" },
      { line: 7, field: "parent_code" },
      { line: 8, field: "former_district" },
      { line: 9, field: "code" },
      { line: 10, field: "file" },
    ])
    expect(rows.map((r) => r.code)).toEqual(["15"])
  })

  it("explains errors in Vietnamese and English, naming the earlier line of a duplicate", () => {
    const { all } = issuesOf(`${HEADER}\n15,Tỉnh Lào Cai,province,,\n15,Tỉnh Lào Cai,province,,`)
    expect(all[0]!.message.vi).toBe("Mã 15 trùng với dòng 2")
    expect(all[0]!.message.en).toBe("Code 15 already appears on line 2")
  })

  it("rejects kinds that do not fit the level", () => {
    const { issues } = issuesOf(
      "code,name,level,parent_code,kind\n15,Tỉnh Lào Cai,province,,ward\n02923-01,Thôn A,village,02923,commune",
    )
    expect(issues).toEqual([
      { line: 2, field: "kind" },
      { line: 3, field: "kind" },
    ])
  })

  it("rejects a header with unknown, repeated or missing columns", () => {
    expect(issuesOf("code,name,level,parent,district\n15,x,province,,").issues).toEqual([
      { line: 1, field: "parent" },
      { line: 1, field: "district" },
      { line: 1, field: "parent_code" },
    ])
    expect(issuesOf("code,name,name,level,parent_code\n").issues).toEqual([
      { line: 1, field: "name" },
    ])
  })

  it("rejects an empty file", () => {
    expect(issuesOf("\uFEFF# only a comment\n").issues).toEqual([{ line: 0, field: "file" }])
  })
})

describe("shipped files", () => {
  const read = (...parts: string[]) => readFileSync(path.join(__dirname, ...parts), "utf8")

  it("lists the 34 provincial units of 2025: 6 cities and 28 provinces, no duplicates", () => {
    const rows = rowsOf(read("..", "data", "provinces.csv"))
    expect(rows).toHaveLength(34)
    expect(new Set(rows.map((r) => r.code)).size).toBe(34)
    expect(new Set(rows.map((r) => r.name)).size).toBe(34)
    const cities = rows.filter((r) => r.level === "province" && r.kind === "city")
    expect(cities.map((r) => r.name).sort()).toEqual(
      [
        "Thành phố Cần Thơ",
        "Thành phố Hà Nội",
        "Thành phố Hải Phòng",
        "Thành phố Hồ Chí Minh",
        "Thành phố Huế",
        "Thành phố Đà Nẵng",
      ].sort(),
    )
    for (const row of rows) {
      expect(row.level).toBe("province")
      expect(row.name).toMatch(
        row.level === "province" && row.kind === "city" ? /^Thành phố / : /^Tỉnh /,
      )
    }
    expect(rows.find((r) => r.code === "15")?.name).toBe("Tỉnh Lào Cai")
  })

  it("gives the demo commune the 14 villages of data.ts and one more commune", () => {
    const rows = rowsOf(read("..", "..", "..", "scripts", "demo", "admin-units.csv"))
    const communes = rows.filter((r) => r.level === "commune")
    expect(communes.map((c) => c.code)).toEqual(["02923", "02926"])
    expect(communes[0]).toMatchObject({ province_code: "15", former_district: "Huyện Bảo Thắng" })
    const giaPhu = rows.filter((r) => r.level === "village" && r.commune_code === "02923")
    // Seeded sellers point at villages by this code: the commune code and the index in data.ts.
    expect(giaPhu.map((v) => [v.code, v.name])).toEqual(
      VILLAGES.map((name, i) => [`02923-${String(i + 1).padStart(2, "0")}`, `Thôn ${name}`]),
    )
  })
})
