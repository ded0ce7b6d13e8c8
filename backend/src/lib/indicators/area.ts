import type { MedusaContainer } from "@medusajs/framework/types"
import { ADMIN_UNIT_MODULE } from "../../modules/admin-unit"
import type AdminUnitModuleService from "../../modules/admin-unit/service"
import type { CommuneAccess } from "../access"
import { notFound } from "../errors"

export const communeNotFound = (code: string) =>
  notFound({ vi: `Không có xã mã ${code}`, en: `No commune with code ${code}` })

/**
 * Whose indicators an officer asks for: a commune officer its own commune; a province officer a
 * commune of its province (`commune_code`) or, without one, the whole province. A commune outside
 * the officer's area is the same 404 as an unknown one. `commune_code` is the request's query
 * parameter as it came.
 */
export async function officerArea(
  container: MedusaContainer,
  access: CommuneAccess,
  commune_code: unknown,
) {
  const units = container.resolve<AdminUnitModuleService>(ADMIN_UNIT_MODULE)
  const asked = typeof commune_code === "string" ? commune_code : undefined
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
