import type {
  CommuneKind,
  CommuneRow,
  ProvinceKind,
  ProvinceRow,
  UnitRow,
  UnitsFileIssue,
  VillageRow,
} from "./units-file"

/** Stored units, as the import compares them. */
export type ProvinceData = { code: string; name: string; kind: ProvinceKind }
export type CommuneData = {
  code: string
  name: string
  kind: CommuneKind
  province_code: string
  former_district: string | null
}
export type VillageData = { code: string; name: string; commune_code: string }

export interface StoredUnits {
  provinces: Map<string, ProvinceData>
  communes: Map<string, CommuneData>
  villages: Map<string, VillageData>
}

export interface LevelPlan<T> {
  create: T[]
  update: T[]
  unchanged: number
}

export interface ImportPlan {
  provinces: LevelPlan<ProvinceData>
  communes: LevelPlan<CommuneData>
  villages: LevelPlan<VillageData>
}

export interface ImportCounts {
  created: number
  updated: number
  unchanged: number
  by_level: Record<
    "province" | "commune" | "village",
    { created: number; updated: number; unchanged: number }
  >
}

/** The codes the import must look up: every unit of the file and every parent it names. */
export function codesToLoad(rows: UnitRow[]) {
  const provinces = new Set<string>()
  const communes = new Set<string>()
  const villages = new Set<string>()
  for (const row of rows) {
    if (row.level === "province") provinces.add(row.code)
    else if (row.level === "commune") {
      communes.add(row.code)
      provinces.add(row.province_code)
    } else {
      villages.add(row.code)
      communes.add(row.commune_code)
    }
  }
  return { provinces: [...provinces], communes: [...communes], villages: [...villages] }
}

/**
 * Checks that every parent exists in the file or the database, then sorts the rows into what
 * to create, what to update and what is already stored as the file says.
 */
export function planImport(
  rows: UnitRow[],
  stored: StoredUnits,
): { issues: UnitsFileIssue[]; plan: ImportPlan } {
  const issues: UnitsFileIssue[] = []
  const fileProvinces = new Set(rows.filter((r) => r.level === "province").map((r) => r.code))
  const fileCommunes = new Set(rows.filter((r) => r.level === "commune").map((r) => r.code))
  const plan: ImportPlan = {
    provinces: { create: [], update: [], unchanged: 0 },
    communes: { create: [], update: [], unchanged: 0 },
    villages: { create: [], update: [], unchanged: 0 },
  }

  for (const row of rows) {
    if (row.level === "province") {
      sort(plan.provinces, provinceData(row), stored.provinces.get(row.code))
    } else if (row.level === "commune") {
      if (!fileProvinces.has(row.province_code) && !stored.provinces.has(row.province_code)) {
        issues.push(unknownParent(row, "tỉnh", "province", row.province_code))
        continue
      }
      const before = stored.communes.get(row.code)
      sort(plan.communes, communeData(row, before), before)
    } else {
      if (!fileCommunes.has(row.commune_code) && !stored.communes.has(row.commune_code)) {
        issues.push(unknownParent(row, "xã", "commune", row.commune_code))
        continue
      }
      sort(plan.villages, villageData(row), stored.villages.get(row.code))
    }
  }
  return { issues, plan }
}

export function countPlan(plan: ImportPlan): ImportCounts {
  const level = (p: LevelPlan<unknown>) => ({
    created: p.create.length,
    updated: p.update.length,
    unchanged: p.unchanged,
  })
  const by_level = {
    province: level(plan.provinces),
    commune: level(plan.communes),
    village: level(plan.villages),
  }
  const all = Object.values(by_level)
  return {
    created: all.reduce((n, l) => n + l.created, 0),
    updated: all.reduce((n, l) => n + l.updated, 0),
    unchanged: all.reduce((n, l) => n + l.unchanged, 0),
    by_level,
  }
}

function sort<T extends object>(level: LevelPlan<T>, next: T, before: T | undefined) {
  if (!before) level.create.push(next)
  else if (differs(next, before)) level.update.push(next)
  else level.unchanged += 1
}

function differs<T extends object>(next: T, before: T): boolean {
  return (Object.keys(next) as (keyof T)[]).some(
    (key) => (next[key] ?? null) !== (before[key] ?? null),
  )
}

function provinceData(row: ProvinceRow): ProvinceData {
  return { code: row.code, name: row.name, kind: row.kind }
}

function communeData(row: CommuneRow, before: CommuneData | undefined): CommuneData {
  return {
    code: row.code,
    name: row.name,
    kind: row.kind,
    province_code: row.province_code,
    // A file without the former_district column leaves the stored history alone.
    former_district:
      row.former_district === undefined ? (before?.former_district ?? null) : row.former_district,
  }
}

function villageData(row: VillageRow): VillageData {
  return { code: row.code, name: row.name, commune_code: row.commune_code }
}

function unknownParent(row: UnitRow, vi: string, en: string, code: string): UnitsFileIssue {
  return {
    line: row.line,
    field: "parent_code",
    message: {
      vi: `Không có ${vi} mã ${code} trong tệp hay trong cơ sở dữ liệu`,
      en: `No ${en} with code ${code} in the file or the database`,
    },
  }
}
