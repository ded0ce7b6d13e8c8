import type { MedusaResponse, MedusaStoreRequest } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { ADMIN_UNIT_MODULE } from "../../../modules/admin-unit"
import type AdminUnitModuleService from "../../../modules/admin-unit/service"

/** The communes that have approved sellers: code, name, province and how many sellers. */
export async function GET(req: MedusaStoreRequest, res: MedusaResponse) {
  const pg = req.scope.resolve(ContainerRegistrationKeys.PG_CONNECTION)
  const { rows } = (await pg.raw(
    `SELECT commune_code, count(*)::int AS sellers FROM seller
     WHERE state = 'approved' AND deleted_at IS NULL GROUP BY commune_code`,
  )) as { rows: { commune_code: string; sellers: number }[] }
  const units = req.scope.resolve<AdminUnitModuleService>(ADMIN_UNIT_MODULE)
  const names = new Map(
    (await units.listCommunesByCodes(rows.map((r) => r.commune_code))).map((c) => [c.code, c]),
  )
  const communes = rows
    .map((r) => {
      const c = names.get(r.commune_code)
      return {
        code: r.commune_code,
        name: c?.name ?? null,
        province: c ? { code: c.province_code, name: c.province_name } : null,
        sellers: r.sellers,
      }
    })
    .sort((a, b) => (a.name ?? a.code).localeCompare(b.name ?? b.code, "vi"))
  res.json({ communes, count: communes.length })
}
