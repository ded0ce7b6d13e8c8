import { resolveInputPath } from "../../../scripts/import-admin-units"
import { codesToLoad, countPlan, planImport, type StoredUnits } from "../import-plan"
import { parseUnitsFile } from "../units-file"

function rows(lines: string[]) {
  const parsed = parseUnitsFile(["code,name,level,parent_code", ...lines].join("\n"))
  expect(parsed.issues).toEqual([])
  return parsed.rows
}

const empty = (): StoredUnits => ({
  provinces: new Map(),
  communes: new Map(),
  villages: new Map(),
})

describe("planImport", () => {
  it("creates what is new, updates what changed and leaves equal units alone", () => {
    const stored = empty()
    stored.provinces.set("15", { code: "15", name: "Tỉnh Lào Cai", kind: "province" })
    stored.communes.set("02923", {
      code: "02923",
      name: "Xã Gia Phu",
      kind: "commune",
      province_code: "15",
      former_district: "Huyện Bảo Thắng",
    })
    const { issues, plan } = planImport(
      rows([
        "15,Tỉnh Lào Cai,province,",
        "02923,Xã Gia Phú,commune,15",
        "02923-01,Thôn Phú Xuân,village,02923",
      ]),
      stored,
    )
    expect(issues).toEqual([])
    expect(plan.provinces).toEqual({ create: [], update: [], unchanged: 1 })
    // Name fixed; the history the file does not mention is kept.
    expect(plan.communes.update).toEqual([
      {
        code: "02923",
        name: "Xã Gia Phú",
        kind: "commune",
        province_code: "15",
        former_district: "Huyện Bảo Thắng",
      },
    ])
    expect(plan.villages.create).toEqual([
      { code: "02923-01", name: "Thôn Phú Xuân", commune_code: "02923" },
    ])
    expect(countPlan(plan)).toMatchObject({ created: 1, updated: 1, unchanged: 1 })
  })

  it("accepts parents from the file or the database and reports the rest by line", () => {
    const stored = empty()
    stored.provinces.set("15", { code: "15", name: "Tỉnh Lào Cai", kind: "province" })
    const { issues, plan } = planImport(
      rows([
        "02923,Xã Gia Phú,commune,15", // 2: parent in the database
        "02990,Xã Lạ,commune,99", // 3: unknown province
        "02923-01,Thôn Phú Xuân,village,02923", // 4: parent in the file
        "02999-01,Thôn Lạ,village,02999", // 5: unknown commune
        "01234-01,Thôn Sai Cấp,village,15", // 6: a province is no commune
      ]),
      stored,
    )
    expect(issues.map((i) => [i.line, i.field])).toEqual([
      [3, "parent_code"],
      [5, "parent_code"],
      [6, "parent_code"],
    ])
    expect(issues[0]!.message.en).toBe("No province with code 99 in the file or the database")
    expect(plan.communes.create.map((c) => c.code)).toEqual(["02923"])
  })

  it("asks the database for every unit and every parent the file names", () => {
    const codes = codesToLoad(
      rows(["02923,Xã Gia Phú,commune,15", "02923-01,Thôn Phú Xuân,village,02926"]),
    )
    expect(codes).toEqual({
      provinces: ["15"],
      communes: ["02923", "02926"],
      villages: ["02923-01"],
    })
  })
})

describe("resolveInputPath", () => {
  it("resolves a relative file against the folder npm was called from", () => {
    expect(resolveInputPath("units.csv", { INIT_CWD: "/home/op" }, "/repo/backend")).toBe(
      "/home/op/units.csv",
    )
    expect(resolveInputPath("units.csv", {}, "/repo/backend")).toBe("/repo/backend/units.csv")
    expect(resolveInputPath("/data/units.csv", { INIT_CWD: "/home/op" }, "/x")).toBe(
      "/data/units.csv",
    )
  })
})
