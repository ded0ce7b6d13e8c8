import type { MedusaContainer } from "@medusajs/framework/types"
import { ADMIN_UNIT_MODULE } from "../modules/admin-unit"
import type AdminUnitModuleService from "../modules/admin-unit/service"
import type { CommuneSummary } from "../modules/admin-unit/service"

/** Where a seller is, with the names people read rather than the official codes. */
export interface SellerArea {
  commune: { code: string; name: string | null }
  province: { code: string; name: string | null }
  village: { code: string; name: string | null } | null
}

export interface AreaNames {
  communes: Map<string, CommuneSummary>
  villages: Map<string, string>
}

interface Located {
  commune_code: string
  province_code: string
  village_code?: string | null
}

/** The names of every commune, province and village of a page of sellers, in two queries. */
export async function loadAreaNames(
  container: MedusaContainer,
  sellers: Located[],
): Promise<AreaNames> {
  const units = container.resolve<AdminUnitModuleService>(ADMIN_UNIT_MODULE)
  const villageCodes = [
    ...new Set(sellers.flatMap((s) => (s.village_code ? [s.village_code] : []))),
  ]
  const [communes, villages] = await Promise.all([
    units.listCommunesByCodes(sellers.map((s) => s.commune_code)),
    villageCodes.length ? units.listVillages({ code: villageCodes }) : Promise.resolve([]),
  ])
  return {
    communes: new Map(communes.map((c) => [c.code, c])),
    villages: new Map(villages.map((v) => [v.code, v.name])),
  }
}

export function sellerArea(seller: Located, names: AreaNames): SellerArea {
  const commune = names.communes.get(seller.commune_code)
  return {
    commune: { code: seller.commune_code, name: commune?.name ?? null },
    province: { code: seller.province_code, name: commune?.province_name ?? null },
    village: seller.village_code
      ? { code: seller.village_code, name: names.villages.get(seller.village_code) ?? null }
      : null,
  }
}
