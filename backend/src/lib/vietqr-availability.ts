import type { MedusaContainer } from "@medusajs/framework/types"
import { type CartRef, cartItemsOf } from "./cart-items"
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
  by: CartRef,
): Promise<{ id: string; name: string }[] | null> {
  const items = await cartItemsOf<{ product?: { seller?: SellerRow | null } | null }>(
    container,
    by,
    SELLER_FIELDS.map((f) => `product.seller.${f}`),
  )
  if (!items) return null
  const refused = new Map<string, { id: string; name: string }>()
  for (const item of items) {
    const seller = item?.product?.seller
    if (seller && !acceptsVietQr(seller))
      refused.set(seller.id, { id: seller.id, name: seller.name })
  }
  return [...refused.values()]
}
