import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { officerArea } from "../../../../lib/indicators/area"
import { INDICATOR_CODES, type IndicatorCode } from "../../../../lib/indicators/codes"
import { countedItems, parseQuarterParam } from "../../../../lib/indicators/read"
import { communeAccess } from "../../../utils/access"
import { badRequest } from "../../../utils/errors"

/**
 * What one indicator counted in a commune (`?code=OCOP_ONLINE&quarter=`): the registry entries,
 * sellers, listings or orders behind "8/9", each marked counted or not, so an officer finds the
 * one product that is missing.
 */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const code = req.query.code
  if (typeof code !== "string" || !INDICATOR_CODES.includes(code as IndicatorCode)) {
    throw badRequest("code", {
      vi: `"code" phải là một trong ${INDICATOR_CODES.join(", ")}`,
      en: `"code" must be one of ${INDICATOR_CODES.join(", ")}`,
    })
  }
  const quarter = parseQuarterParam(req.query.quarter)
  const { area } = await officerArea(req.scope, communeAccess(req), req.query.commune_code)
  if (!area.commune_code) {
    throw badRequest("commune_code", {
      vi: "Chọn một xã (commune_code) để xem chi tiết",
      en: "Name a commune (commune_code) to see what was counted",
    })
  }
  const items = await countedItems(req.scope, area.commune_code, code as IndicatorCode, quarter)
  res.json({ code, quarter, commune_code: area.commune_code, items })
}
