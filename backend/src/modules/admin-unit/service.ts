import type { SqlEntityManager } from "@medusajs/framework/mikro-orm/knex"
import type { Context } from "@medusajs/framework/types"
import {
  InjectManager,
  InjectTransactionManager,
  MedusaContext,
  MedusaService,
} from "@medusajs/framework/utils"
import {
  type CommuneData,
  codesToLoad,
  countPlan,
  type ImportCounts,
  type ProvinceData,
  planImport,
  type StoredUnits,
  type VillageData,
} from "./import-plan"
import { Commune } from "./models/commune"
import { Province } from "./models/province"
import { Village } from "./models/village"
import type { UnitRow, UnitsFileIssue } from "./units-file"

/** A commune with its province's name: what sellers, officers and reports show. */
export interface CommuneSummary {
  code: string
  name: string
  kind: CommuneData["kind"]
  province_code: string
  province_name: string
  former_district: string | null
}

export interface CommuneDetail extends Omit<CommuneSummary, "province_code" | "province_name"> {
  province: ProvinceData
  villages: Omit<VillageData, "commune_code">[]
}

/** Raised when an import file names units or parents it may not; nothing was written. */
export class AdminUnitsImportError extends Error {
  constructor(readonly issues: UnitsFileIssue[]) {
    super(`The admin units file has ${issues.length} problem(s); nothing was imported`)
    this.name = "AdminUnitsImportError"
  }
}

/**
 * By name rather than instanceof: Medusa loads the module's copy of this file, and a caller
 * (a test, a script under another loader) may hold a different copy of the class.
 */
export function isAdminUnitsImportError(error: unknown): error is AdminUnitsImportError {
  return (
    error instanceof Error &&
    error.name === "AdminUnitsImportError" &&
    Array.isArray((error as AdminUnitsImportError).issues)
  )
}

// Keeps each IN (...) list far below PostgreSQL's 65,535 bind parameters.
const LOOKUP_CHUNK = 5000

const COMMUNE_SUMMARY_SQL = `
  select c.code, c.name, c.kind, c.province_code, p.name as province_name, c.former_district
  from admin_unit_commune c
  join admin_unit_province p on p.code = c.province_code and p.deleted_at is null
  where c.deleted_at is null`

export default class AdminUnitModuleService extends MedusaService({ Province, Commune, Village }) {
  /**
   * Upserts validated rows in one transaction: parents must exist in the rows or the database,
   * unchanged units are not written, and any problem leaves the database as it was.
   */
  @InjectTransactionManager()
  async importUnits(
    rows: UnitRow[],
    @MedusaContext() sharedContext: Context = {},
  ): Promise<ImportCounts> {
    const codes = codesToLoad(rows)
    // One after another: the queries share the transaction's connection.
    const provinces = await chunked(codes.provinces, (code) =>
      this.listProvinces({ code }, {}, sharedContext),
    )
    const communes = await chunked(codes.communes, (code) =>
      this.listCommunes({ code }, {}, sharedContext),
    )
    const villages = await chunked(codes.villages, (code) =>
      this.listVillages({ code }, {}, sharedContext),
    )
    const stored: StoredUnits = {
      provinces: new Map(provinces.map((p) => [p.code, pick(p, ["code", "name", "kind"])])),
      communes: new Map(
        communes.map((c) => [
          c.code,
          pick(c, ["code", "name", "kind", "province_code", "former_district"]),
        ]),
      ),
      villages: new Map(villages.map((v) => [v.code, pick(v, ["code", "name", "commune_code"])])),
    }
    const { issues, plan } = planImport(rows, stored)
    if (issues.length) throw new AdminUnitsImportError(issues)

    // Parents before children, so the foreign keys hold at every statement.
    await this.createProvinces(plan.provinces.create, sharedContext)
    await this.updateProvinces(plan.provinces.update, sharedContext)
    await this.createCommunes(plan.communes.create, sharedContext)
    await this.updateCommunes(plan.communes.update, sharedContext)
    await this.createVillages(plan.villages.create, sharedContext)
    await this.updateVillages(plan.villages.update, sharedContext)
    return countPlan(plan)
  }

  /** One commune with its province's name, or null when the code is unknown. */
  @InjectManager()
  async getCommune(code: string, @MedusaContext() sharedContext: Context = {}) {
    const [commune] = await this.listCommunesByCodes([code], sharedContext)
    return commune ?? null
  }

  /** Communes with their provinces' names in one query, for enriching lists without N+1. */
  @InjectManager()
  async listCommunesByCodes(
    codes: string[],
    @MedusaContext() sharedContext: Context = {},
  ): Promise<CommuneSummary[]> {
    const unique = [...new Set(codes)]
    if (!unique.length) return []
    const manager = sharedContext.manager as SqlEntityManager
    return chunked(unique, (chunk) =>
      manager.execute<CommuneSummary[]>(
        `${COMMUNE_SUMMARY_SQL} and c.code in (?) order by c.code`,
        [chunk],
      ),
    )
  }

  /** A commune with its province and villages, or null when the code is unknown. */
  @InjectManager()
  async getCommuneDetail(
    code: string,
    @MedusaContext() sharedContext: Context = {},
  ): Promise<CommuneDetail | null> {
    const commune = await this.getCommune(code, sharedContext)
    if (!commune) return null
    const province = await this.retrieveProvince(commune.province_code, {}, sharedContext)
    const villages = await this.listVillages(
      { commune_code: code },
      { order: { code: "ASC" } },
      sharedContext,
    )
    const { province_code: _p, province_name: _n, ...rest } = commune
    return {
      ...rest,
      province: pick(province, ["code", "name", "kind"]),
      villages: villages.map((v) => pick(v, ["code", "name"])),
    }
  }

  /** A province with its communes in code order, or null when the code is unknown. */
  @InjectManager()
  async getProvinceCommunes(code: string, @MedusaContext() sharedContext: Context = {}) {
    const [province] = await this.listProvinces({ code }, {}, sharedContext)
    if (!province) return null
    const communes = await this.listCommunes(
      { province_code: code },
      { order: { code: "ASC" } },
      sharedContext,
    )
    return {
      province: pick(province, ["code", "name", "kind"]),
      communes: communes.map((c) => pick(c, ["code", "name", "kind", "former_district"])),
    }
  }

  /** A village, or null; callers check that it belongs to the commune they expect. */
  @InjectManager()
  async getVillage(code: string, @MedusaContext() sharedContext: Context = {}) {
    const [village] = await this.listVillages({ code }, {}, sharedContext)
    return village ? pick(village, ["code", "name", "commune_code"]) : null
  }
}

async function chunked<T, R>(items: T[], load: (chunk: T[]) => Promise<R[]>): Promise<R[]> {
  const out: R[] = []
  for (let i = 0; i < items.length; i += LOOKUP_CHUNK) {
    out.push(...(await load(items.slice(i, i + LOOKUP_CHUNK))))
  }
  return out
}

function pick<T extends object, K extends keyof T>(row: T, keys: K[]): Pick<T, K> {
  return Object.fromEntries(keys.map((k) => [k, row[k]])) as Pick<T, K>
}
