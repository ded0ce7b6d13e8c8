import { previousQuarter, quartersBetween } from "@coop/contracts/quarters"
import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { communeNotFound, officerArea } from "../../../../lib/indicators/area"
import { parseQuarterParam, readHistory } from "../../../../lib/indicators/read"
import { communeAccess } from "../../../utils/access"
import { badRequest } from "../../../utils/errors"

/** A commune's indicators over quarters (`?from=&to=`, the last four by default), for charts. */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const to = parseQuarterParam(req.query.to)
  const from =
    req.query.from === undefined
      ? previousQuarter(previousQuarter(previousQuarter(to)))
      : parseQuarterParam(req.query.from)
  if (from > to) {
    throw badRequest("from", { vi: `"from" phải trước "to"`, en: `"from" must not be after "to"` })
  }
  const { area } = await officerArea(req.scope, communeAccess(req), req.query.commune_code)
  if (!area.commune_code) throw communeNotFound("")
  const quarters = quartersBetween(from, to)
  res.json({
    commune_code: area.commune_code,
    quarters: await readHistory(req.scope, area.commune_code, quarters),
  })
}
