import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { acceptsVietQr, type ReviewableSeller } from "./seller-review"

const SELLER_FIELDS = [
  "id",
  "name",
  "bank_bin",
  "bank_account_number",
  "payee_confirmed_at",
  "pending_changes",
]

type SellerRow = ReviewableSeller & { id: string; name: string }

/**
 * The sellers in a cart that cannot be paid by VietQR (no payee confirmed by the commune, or a
 * payee change waiting for review), found from the cart or from its payment collection. Only
 * their id and public name leave this function. Null when no such cart exists.
 */
export async function sellersWithoutVietQr(
  container: MedusaContainer,
  by: { cart_id: string } | { payment_collection_id: string },
): Promise<{ id: string; name: string }[] | null> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  let items: { product?: { seller?: SellerRow | null } | null }[] | undefined
  if ("cart_id" in by) {
    const { data } = await query.graph({
      entity: "cart",
      fields: SELLER_FIELDS.map((f) => `items.product.seller.${f}`),
      filters: { id: by.cart_id },
    })
    if (!data[0]) return null
    items = data[0].items as typeof items
  } else {
    const { data } = await query.graph({
      entity: "payment_collection",
      fields: SELLER_FIELDS.map((f) => `cart.items.product.seller.${f}`),
      filters: { id: by.payment_collection_id },
    })
    const cart = (data[0] as { cart?: { items?: typeof items } | null } | undefined)?.cart
    if (!cart) return null
    items = cart.items
  }
  const refused = new Map<string, { id: string; name: string }>()
  for (const item of items ?? []) {
    const seller = item?.product?.seller
    if (seller && !acceptsVietQr(seller))
      refused.set(seller.id, { id: seller.id, name: seller.name })
  }
  return [...refused.values()]
}
