import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ADMIN_UNIT_MODULE } from "../../../modules/admin-unit"
import type AdminUnitModuleService from "../../../modules/admin-unit/service"
import { COMMUNE_MODULE } from "../../../modules/commune"
import type CommuneModuleService from "../../../modules/commune/service"
import { communeAccess } from "../../utils/access"

/** The signed-in officer and the area it keeps (a commune) or reads (a province). */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const access = communeAccess(req)
  const communes = req.scope.resolve<CommuneModuleService>(COMMUNE_MODULE)
  const units = req.scope.resolve<AdminUnitModuleService>(ADMIN_UNIT_MODULE)
  const [officer, commune, [province]] = await Promise.all([
    communes.retrieveOfficer(access.actorId, {
      select: ["id", "email", "name", "level", "commune_code", "province_code"],
    }),
    access.communeCode ? units.getCommune(access.communeCode) : Promise.resolve(null),
    units.listProvinces({ code: access.provinceCode }, { select: ["code", "name"] }),
  ])
  res.json({
    officer: {
      ...officer,
      actor_type: access.actorType,
      read_only: access.readOnly,
      commune: commune ? { code: commune.code, name: commune.name } : null,
      province: { code: access.provinceCode, name: province?.name ?? null },
    },
  })
}
