import { acceptanceOf } from "@coop/contracts/sold-by-weight"
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { firstUnaccepted, soldByWeightOf, type WeighedCartLine } from "./sold-by-weight"

interface CartRow {
  completed_at?: unknown
  metadata?: unknown
  items?: ({
    variant_id?: string | null
    product_title?: string | null
    title?: string | null
    variant?: { metadata?: unknown } | null
  } | null)[]
}

/**
 * The cart's first line sold by weight that the buyer has not accepted at the variant's current
 * tolerance, or null. The rule is read from the variant as it is now (what the split will copy
 * onto the part's line); a completed cart has nothing left to accept.
 */
export async function unacceptedWeighing(
  scope: MedusaContainer,
  cartId: string,
): Promise<WeighedCartLine | null> {
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "cart",
    fields: [
      "completed_at",
      "metadata",
      "items.variant_id",
      "items.product_title",
      "items.title",
      "items.variant.metadata",
    ],
    filters: { id: cartId },
  })
  const cart = data[0] as CartRow | undefined
  if (!cart || cart.completed_at) return null
  const lines: WeighedCartLine[] = []
  for (const item of cart.items ?? []) {
    const rule = soldByWeightOf(item?.variant?.metadata)
    if (!rule || !item?.variant_id) continue
    lines.push({
      variant_id: item.variant_id,
      title: item.product_title ?? item.title ?? item.variant_id,
      rule,
    })
  }
  return lines.length ? firstUnaccepted(lines, acceptanceOf(cart.metadata)) : null
}
