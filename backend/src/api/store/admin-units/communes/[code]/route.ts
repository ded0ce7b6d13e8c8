import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ADMIN_UNIT_MODULE } from "../../../../../modules/admin-unit"
import type AdminUnitModuleService from "../../../../../modules/admin-unit/service"
import { notFound } from "../../../../utils/errors"
import { parseInput } from "../../../../utils/validate"
import { cacheForPickers } from "../../cache"
import { CommuneParams } from "../../validators"

/** One commune with its province and its villages, for the last steps of an address picker. */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const { code } = parseInput(CommuneParams, req.params)
  const units = req.scope.resolve<AdminUnitModuleService>(ADMIN_UNIT_MODULE)
  const commune = await units.getCommuneDetail(code)
  if (!commune) {
    throw notFound({
      vi: `Không có xã/phường mã ${code}`,
      en: `There is no commune with code ${code}`,
    })
  }
  cacheForPickers(res)
  res.json({ commune })
}
