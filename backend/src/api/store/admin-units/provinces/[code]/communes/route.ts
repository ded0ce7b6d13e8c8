import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ADMIN_UNIT_MODULE } from "../../../../../../modules/admin-unit"
import type AdminUnitModuleService from "../../../../../../modules/admin-unit/service"
import { notFound } from "../../../../../utils/errors"
import { parseInput } from "../../../../../utils/validate"
import { cacheForPickers } from "../../../cache"
import { ProvinceParams } from "../../../validators"

/** The communes, wards and special zones of one province, in official code order. */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const { code } = parseInput(ProvinceParams, req.params)
  const units = req.scope.resolve<AdminUnitModuleService>(ADMIN_UNIT_MODULE)
  const found = await units.getProvinceCommunes(code)
  if (!found) {
    throw notFound({
      vi: `Không có tỉnh/thành phố mã ${code}`,
      en: `There is no province with code ${code}`,
    })
  }
  cacheForPickers(res)
  res.json({ ...found, count: found.communes.length })
}
