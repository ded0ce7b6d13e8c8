import type { MedusaRequest } from "@medusajs/framework/http"
import { communeAccess } from "../../api/utils/access"
import { notFound } from "../../api/utils/errors"
import { ADMIN_UNIT_MODULE } from "../../modules/admin-unit"
import type AdminUnitModuleService from "../../modules/admin-unit/service"

export const communeNotFound = (code: string) =>
  notFound({ vi: `Không có xã mã ${code}`, en: `No commune with code ${code}` })

/**
 * Whose indicators an officer asks for: a commune officer its own commune; a province officer a
 * commune of its province (`commune_code`) or, without one, the whole province. A commune outside
 * the officer's area is the same 404 as an unknown one.
 */
export async function officerArea(req: MedusaRequest) {
  const access = communeAccess(req)
  const units = req.scope.resolve<AdminUnitModuleService>(ADMIN_UNIT_MODULE)
  const asked = typeof req.query.commune_code === "string" ? req.query.commune_code : undefined
  const code = access.communeCode ?? asked
  if (code) {
    const commune = await units.getCommune(code)
    const inArea = access.communeCode
      ? code === access.communeCode && (!asked || asked === code)
      : commune?.province_code === access.provinceCode
    if (!commune || !inArea) throw communeNotFound(asked ?? code)
    return {
      area: { commune_code: commune.code } as const,
      describe: {
        commune: { code: commune.code, name: commune.name },
        province: { code: commune.province_code, name: commune.province_name },
      },
    }
  }
  const [province] = await units.listProvinces({ code: access.provinceCode })
  return {
    area: { province_code: access.provinceCode } as const,
    describe: { province: { code: access.provinceCode, name: province?.name ?? null } },
  }
}
