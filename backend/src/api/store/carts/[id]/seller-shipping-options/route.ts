import type { MedusaResponse, MedusaStoreRequest } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { listShippingOptionsForCartWithPricingWorkflow } from "@medusajs/medusa/core-flows"
import { notFound } from "../../../../utils/errors"

// biome-ignore lint/suspicious/noExplicitAny: query and workflow rows are untyped here
type Row = Record<string, any>

/**
 * The cart as the buyer chooses shipping: one group per seller with the seller's items, the
 * options that seller offers with their prices for this cart (weight-priced ones included), and
 * the option already chosen. Choosing is Medusa's own `POST /store/carts/{id}/shipping-methods`.
 */
export async function GET(req: MedusaStoreRequest, res: MedusaResponse) {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data: carts } = await query.graph({
    entity: "cart",
    fields: [
      "id",
      "completed_at",
      "items.id",
      "items.title",
      "items.quantity",
      "items.product.seller.id",
      "items.product.seller.handle",
      "items.product.seller.name",
      "items.product.seller.commune_code",
      "shipping_methods.shipping_option_id",
      "shipping_methods.amount",
    ],
    filters: { id: req.params.id },
  })
  const cart = carts[0] as Row | undefined
  if (!cart) throw notFound({ vi: "Không tìm thấy giỏ hàng", en: "Cart not found" })

  const { result: options } = await listShippingOptionsForCartWithPricingWorkflow(req.scope).run({
    input: { cart_id: cart.id, is_return: false },
  })
  const chosen = new Set((cart.shipping_methods ?? []).map((m: Row) => m.shipping_option_id))
  const groups = new Map<string, Row>()
  for (const item of cart.items ?? []) {
    const seller = item.product?.seller
    if (!seller) continue
    const group = groups.get(seller.id) ?? {
      seller: {
        id: seller.id,
        handle: seller.handle,
        name: seller.name,
        commune_code: seller.commune_code,
      },
      items: [],
      options: [],
      selected_option_id: null,
    }
    group.items.push({ id: item.id, title: item.title, quantity: item.quantity })
    groups.set(seller.id, group)
  }
  for (const option of options as Row[]) {
    const group = groups.get(option.data?.seller_id)
    if (!group) continue
    group.options.push({
      id: option.id,
      code: option.data.code,
      name: option.name,
      description: option.type?.description ?? null,
      amount: option.calculated_price?.calculated_amount ?? option.amount ?? null,
    })
    if (chosen.has(option.id)) group.selected_option_id = option.id
  }
  res.json({ parts: [...groups.values()] })
}
