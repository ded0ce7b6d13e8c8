import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { setSellerStockWorkflow } from "../../../../../../../workflows/seller-products"
import { sellerAccess } from "../../../../../../utils/access"
import { sellerActor } from "../../../../../../utils/audit-actor"
import { notFound } from "../../../../../../utils/errors"
import { parseInput } from "../../../../../../utils/validate"
import { SetStock } from "../../../../../validators"
import { loadOwnProduct, loadSellerContext, reshapeProduct } from "../../../../helpers"

/**
 * Sets how many of the variant the seller can still sell at its own location. Reads show stock as
 * stocked minus reserved (held for placed orders), so the write keeps the reservations on top:
 * saving the number shown changes nothing, even while orders hold some.
 */
export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { quantity } = parseInput(SetStock, req.body)
  const access = sellerAccess(req)
  const product = await loadOwnProduct(req.scope, access, req.params.id!)
  const variant = product.variants?.find((v: { id: string }) => v.id === req.params.variant_id)
  const item = variant?.inventory_items?.[0]
  if (!variant || !item) {
    throw notFound({ vi: "Không tìm thấy quy cách sản phẩm", en: "Variant not found" })
  }
  const context = await loadSellerContext(req.scope, access)
  const level = (item.inventory?.location_levels ?? []).find(
    (l: { location_id: string }) => l.location_id === context.location_id,
  ) as { reserved_quantity?: number } | undefined
  const reserved = Number(level?.reserved_quantity ?? 0)
  await setSellerStockWorkflow(req.scope).run({
    input: {
      seller_id: access.sellerId,
      commune_code: access.communeCode,
      actor: sellerActor(access),
      variant_id: variant.id,
      inventory_item_id: item.inventory_item_id,
      location_id: context.location_id!,
      quantity: quantity + reserved,
      exists: level !== undefined,
    },
  })
  res.json({
    product: reshapeProduct(
      await loadOwnProduct(req.scope, access, product.id),
      context.location_id,
    ),
  })
}
