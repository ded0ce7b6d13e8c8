import { previousQuarter, quartersBetween } from "@coop/contracts/quarters"
import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { communeNotFound } from "../../../../../lib/indicators/area"
import { INDICATORS } from "../../../../../lib/indicators/codes"
import { parseQuarterParam, readHistory } from "../../../../../lib/indicators/read"
import { ADMIN_UNIT_MODULE } from "../../../../../modules/admin-unit"
import type AdminUnitModuleService from "../../../../../modules/admin-unit/service"
import { badRequest } from "../../../../utils/errors"

/** Any commune's indicators over the last eight quarters (or `?from=&to=`), for the admin page. */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const units = req.scope.resolve<AdminUnitModuleService>(ADMIN_UNIT_MODULE)
  const commune = await units.getCommune(req.params.code)
  if (!commune) throw communeNotFound(req.params.code)
  const to = parseQuarterParam(req.query.to)
  let from = req.query.from === undefined ? to : parseQuarterParam(req.query.from)
  if (req.query.from === undefined) for (let i = 0; i < 7; i++) from = previousQuarter(from)
  if (from > to) {
    throw badRequest("from", { vi: `"from" phải trước "to"`, en: `"from" must not be after "to"` })
  }
  const quarters = await readHistory(req.scope, commune.code, quartersBetween(from, to))
  res.json({ commune, indicators: INDICATORS, quarters })
}
