import type { MedusaResponse, MedusaStoreRequest } from "@medusajs/framework/http"
import { communeNotFound } from "../../../../../lib/indicators/area"
import { parseQuarterParam, readIndicators } from "../../../../../lib/indicators/read"
import { publicValues } from "../../../../../lib/indicators/report"
import { ADMIN_UNIT_MODULE } from "../../../../../modules/admin-unit"
import type AdminUnitModuleService from "../../../../../modules/admin-unit/service"

/**
 * A commune's public indicators ("9/9 sản phẩm OCOP đã lên sàn") for a quarter, the current one
 * by default. Unknown commune codes are a 404; a malformed or future quarter a 400.
 */
export async function GET(req: MedusaStoreRequest, res: MedusaResponse) {
  const quarter = parseQuarterParam(req.query.quarter)
  const code = req.params.code
  const units = req.scope.resolve<AdminUnitModuleService>(ADMIN_UNIT_MODULE)
  const commune = /^[0-9]{5}$/.test(code) ? await units.getCommune(code) : null
  if (!commune) throw communeNotFound(code)
  const { values, closed } = await readIndicators(req.scope, { commune_code: code }, quarter)
  res.json({
    commune: {
      code: commune.code,
      name: commune.name,
      province: { code: commune.province_code, name: commune.province_name },
    },
    quarter,
    closed_at: closed?.closed_at ?? null,
    indicators: publicValues(values),
  })
}
