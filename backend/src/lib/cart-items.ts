import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"

/** A cart named by its id, or by the payment collection a payment session is opened on. */
export type CartRef = { cart_id: string } | { payment_collection_id: string }

/**
 * The items of a cart with the given item fields (e.g. "variant_id", "product.seller.id"), found
 * from the cart or from its payment collection; null when no such cart exists. The payment-session
 * guards use it: they see a payment collection, the store routes a cart.
 */
export async function cartItemsOf<Item>(
  container: MedusaContainer,
  by: CartRef,
  itemFields: string[],
): Promise<(Item | null)[] | null> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  if ("cart_id" in by) {
    const { data } = await query.graph({
      entity: "cart",
      fields: ["id", ...itemFields.map((f) => `items.${f}`)],
      filters: { id: by.cart_id },
    })
    if (!data[0]) return null
    return (data[0].items ?? []) as (Item | null)[]
  }
  const { data } = await query.graph({
    entity: "payment_collection",
    fields: ["id", ...itemFields.map((f) => `cart.items.${f}`)],
    filters: { id: by.payment_collection_id },
  })
  // Query types the link's cart loosely; the fields asked for are the item's.
  const cart = (data[0] as { cart?: { items?: (Item | null)[] | null } | null } | undefined)?.cart
  if (!cart) return null
  return cart.items ?? []
}
