import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { deleteShippingOptionsWorkflow, updateProductsWorkflow } from "@medusajs/medusa/core-flows"
import { rowsOf } from "../../lib/query-rows"
import { ADMIN_UNIT_MODULE } from "../../modules/admin-unit"
import type AdminUnitModuleService from "../../modules/admin-unit/service"
import { setUpSellerShippingWorkflow } from "../../workflows/seller-shipping"

/** The one delivery option every seller had before shipping became per seller. */
const LEGACY_OPTION = "Giao hàng tiêu chuẩn"

type SellerRow = {
  id: string
  handle: string
  commune_code: string
  village_code?: string | null
  stock_location?: { id: string } | null
  shipping_profile?: { id: string } | null
  products?: { id: string; shipping_profile?: { id: string } | null }[]
}

/**
 * Every seller with a stock location gets its own shipping (profile, options) and its products
 * move into its profile. Covers the demo sellers and any seller that signed up before shipping
 * became per seller; a second run changes nothing.
 */
export async function ensureSellerShipping(
  container: MedusaContainer,
  regionId: string,
  created: string[],
) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const load = async () =>
    rowsOf<SellerRow>(
      await query.graph({
        entity: "seller",
        fields: [
          "id",
          "handle",
          "commune_code",
          "village_code",
          "stock_location.id",
          "shipping_profile.id",
          "products.id",
          "products.shipping_profile.id",
        ],
      }),
    )

  let sellers = await load()
  const missing = sellers.filter((s) => !s.shipping_profile && s.stock_location)
  if (missing.length) {
    const units = container.resolve<AdminUnitModuleService>(ADMIN_UNIT_MODULE)
    const codes = missing.flatMap((s) => (s.village_code ? [s.village_code] : []))
    const villages = codes.length ? await units.listVillages({ code: codes }) : []
    const villageName = new Map(villages.map((v) => [v.code, v.name]))
    await setUpSellerShippingWorkflow(container).run({
      input: {
        region_id: regionId,
        sellers: missing.map((s) => ({
          seller_id: s.id,
          handle: s.handle,
          commune_code: s.commune_code,
          village_name: s.village_code ? (villageName.get(s.village_code) ?? null) : null,
          location_id: s.stock_location!.id,
        })),
      },
    })
    created.push(`shipping for ${missing.length} sellers`)
    sellers = await load()
  }

  for (const seller of sellers) {
    const profileId = seller.shipping_profile?.id
    if (!profileId) continue
    const moving = (seller.products ?? []).filter((p) => p.shipping_profile?.id !== profileId)
    if (!moving.length) continue
    await updateProductsWorkflow(container).run({
      input: {
        selector: { id: moving.map((p) => p.id) },
        update: { shipping_profile_id: profileId },
      },
    })
    created.push(`${moving.length} products into ${seller.handle}'s shipping`)
  }

  const fulfillment = container.resolve(Modules.FULFILLMENT)
  const legacy = await fulfillment.listShippingOptions({ name: LEGACY_OPTION })
  if (legacy.length) {
    await deleteShippingOptionsWorkflow(container).run({ input: { ids: legacy.map((o) => o.id) } })
    created.push(`${legacy.length} old delivery options removed`)
  }
}
