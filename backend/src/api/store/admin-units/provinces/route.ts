import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ADMIN_UNIT_MODULE } from "../../../../modules/admin-unit"
import type AdminUnitModuleService from "../../../../modules/admin-unit/service"
import { cacheForPickers } from "../cache"

/** Every province and centrally-run city, in official code order. */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const units = req.scope.resolve<AdminUnitModuleService>(ADMIN_UNIT_MODULE)
  const provinces = await units.listProvinces(
    {},
    { select: ["code", "name", "kind"], order: { code: "ASC" } },
  )
  cacheForPickers(res)
  res.json({ provinces, count: provinces.length })
}
