import type { MedusaContainer } from "@medusajs/framework/types"
import { SELLER_MODULE } from "../../modules/seller"
import type SellerModuleService from "../../modules/seller/service"

interface UnitLookup {
  getCommune(
    code: string,
  ): Promise<{ name: string; province_code: string; province_name?: string } | null>
  getVillage(code: string): Promise<{ name: string } | null>
}

/**
 * A seller's public identity with its place names: what a batch's provenance shows as the
 * producer (Circular 02/2024/TT-BKHCN: producer name and address). The traceability service
 * reads it through GET /seller/products/:id and GET /admin/seller-products/:id.
 */
export async function sellerSnapshot(container: MedusaContainer, sellerId: string) {
  const seller = await container
    .resolve<SellerModuleService>(SELLER_MODULE)
    .retrieveSeller(sellerId)
  const units = container.resolve<UnitLookup>("adminUnit")
  const [commune, village] = await Promise.all([
    units.getCommune(seller.commune_code),
    seller.village_code ? units.getVillage(seller.village_code) : null,
  ])
  return {
    id: seller.id,
    handle: seller.handle,
    name: seller.name,
    kind: seller.kind,
    // Traceability writes only for approved sellers, and keeps the newest state it was told.
    state: seller.state,
    state_changed_at: seller.state_changed_at ?? null,
    address: seller.address,
    phone: seller.phone,
    commune_code: seller.commune_code,
    commune_name: commune?.name ?? null,
    province_code: seller.province_code,
    province_name: commune?.province_name ?? null,
    village_code: seller.village_code,
    village_name: village?.name ?? null,
  }
}
