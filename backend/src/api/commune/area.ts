import type { MedusaRequest } from "@medusajs/framework/http"
import { ADMIN_UNIT_MODULE } from "../../modules/admin-unit"
import type AdminUnitModuleService from "../../modules/admin-unit/service"
import { COMMUNE_MODULE } from "../../modules/commune"
import type CommuneModuleService from "../../modules/commune/service"
import { type CommuneAccess, communeAccess } from "../utils/access"
import { notFound } from "../utils/errors"

// Anything outside the officer's area answers exactly like something that does not exist.
export { sellerNotFound } from "../utils/errors"

export const entryNotFound = () =>
  notFound({ vi: "Không tìm thấy sản phẩm OCOP", en: "OCOP registry entry not found" })

/** Keeps a seller query inside the officer's commune, or province for a province officer. */
export function sellerAreaFilter(access: CommuneAccess) {
  return access.communeCode
    ? { commune_code: access.communeCode }
    : { province_code: access.provinceCode }
}

/** Registry entries carry only their commune: a province officer reads its communes' entries. */
export async function entryAreaFilter(req: MedusaRequest) {
  const access = communeAccess(req)
  if (access.communeCode) return { commune_code: access.communeCode }
  const units = req.scope.resolve<AdminUnitModuleService>(ADMIN_UNIT_MODULE)
  const communes = await units.listCommunes(
    { province_code: access.provinceCode },
    { select: ["code"] },
  )
  return { commune_code: communes.map((c) => c.code) }
}

/** A registry entry the officer may see, or the same 404 as a missing one. */
export async function entryInArea(req: MedusaRequest, id: string) {
  const communes = req.scope.resolve<CommuneModuleService>(COMMUNE_MODULE)
  const [entry] = await communes.listOcopEntries({ id, ...(await entryAreaFilter(req)) })
  if (!entry) throw entryNotFound()
  return entry
}
