import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { ADMIN_UNIT_MODULE } from "../../modules/admin-unit"
import type AdminUnitModuleService from "../../modules/admin-unit/service"

interface CommuneRow {
  commune_code: string
  sellers: number
  approved_sellers: number
  has_counts: boolean
}

/**
 * Communes with sellers or indicator counts, with their names, provinces and how many sellers
 * (all and approved), sorted by province then commune name as Vietnamese sorts them.
 */
export async function communesWithSellers(container: MedusaContainer) {
  const pg = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
  const { rows } = (await pg.raw(
    `WITH s AS (
       SELECT commune_code,
              count(*)::int AS sellers,
              (count(*) FILTER (WHERE state = 'approved'))::int AS approved_sellers
         FROM seller
        WHERE deleted_at IS NULL
        GROUP BY commune_code
     ), c AS (
       SELECT DISTINCT commune_code FROM indicator_count WHERE deleted_at IS NULL
     )
     SELECT coalesce(s.commune_code, c.commune_code) AS commune_code,
            coalesce(s.sellers, 0) AS sellers,
            coalesce(s.approved_sellers, 0) AS approved_sellers,
            (c.commune_code IS NOT NULL) AS has_counts
       FROM s FULL OUTER JOIN c ON c.commune_code = s.commune_code`,
  )) as { rows: CommuneRow[] }
  const units = container.resolve<AdminUnitModuleService>(ADMIN_UNIT_MODULE)
  const names = new Map(
    (await units.listCommunesByCodes(rows.map((r) => r.commune_code))).map((c) => [c.code, c]),
  )
  return rows
    .map((r) => {
      const c = names.get(r.commune_code)
      return {
        code: r.commune_code,
        name: c?.name ?? null,
        province: c ? { code: c.province_code, name: c.province_name } : null,
        sellers: r.sellers,
        approved_sellers: r.approved_sellers,
        has_counts: r.has_counts,
      }
    })
    .sort(
      (a, b) =>
        (a.province?.name ?? "\uffff").localeCompare(b.province?.name ?? "\uffff", "vi") ||
        (a.name ?? a.code).localeCompare(b.name ?? b.code, "vi") ||
        a.code.localeCompare(b.code),
    )
}
