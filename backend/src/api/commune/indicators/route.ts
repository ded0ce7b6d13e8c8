import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { officerArea } from "../../../lib/indicators/area"
import { parseQuarterParam, readWithPrevious } from "../../../lib/indicators/read"
import { communeAccess } from "../../utils/access"

/**
 * The officer's digital-economy indicators for a quarter (`?quarter=2026-Q3`, the current one by
 * default): each with numerator, denominator and ratio, and the previous quarter beside them. A
 * province officer gets the province's roll-up, or one commune with `commune_code`.
 */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const quarter = parseQuarterParam(req.query.quarter)
  const { area, describe } = await officerArea(
    req.scope,
    communeAccess(req),
    req.query.commune_code,
  )
  res.json({ ...describe, ...(await readWithPrevious(req.scope, area, quarter)) })
}
