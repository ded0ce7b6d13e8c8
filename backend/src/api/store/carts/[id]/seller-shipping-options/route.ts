import type { MedusaResponse, MedusaStoreRequest } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { listShippingOptionsForCartWithPricingWorkflow } from "@medusajs/medusa/core-flows"
import { firstRowOf } from "../../../../../lib/query-rows"
import { notFound } from "../../../../utils/errors"

/** The cart as GET's query selects it. */
interface CartRow {
  id: string
  completed_at: Date | string | null
  items:
    | {
        id: string
        title: string
        quantity: unknown
        product: {
          seller: { id: string; handle: string; name: string; commune_code: string } | null
        } | null
      }[]
    | null
  shipping_methods: { shipping_option_id: string | null; amount: unknown }[] | null
}

/** What Medusa's workflow gives of each option this route reads (it types them `any`). */
interface PricedOption {
  id: string
  name: string
  amount?: unknown
  data?: { seller_id?: string; code?: string } | null
  type?: { description?: string | null } | null
  calculated_price?: { calculated_amount?: unknown } | null
}

/** One seller's part of the cart, as the response lists it. */
interface SellerGroup {
  seller: { id: string; handle: string; name: string; commune_code: string }
  items: { id: string; title: string; quantity: unknown }[]
  options: {
    id: string
    code: string | undefined
    name: string
    description: string | null
    amount: unknown
  }[]
  selected_option_id: string | null
}

/**
 * The cart as the buyer chooses shipping: one group per seller with the seller's items, the
 * options that seller offers with their prices for this cart (weight-priced ones included), and
 * the option already chosen. Choosing is Medusa's own `POST /store/carts/{id}/shipping-methods`.
 */
export async function GET(req: MedusaStoreRequest, res: MedusaResponse) {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const carts = await query.graph({
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
  const cart = firstRowOf<CartRow>(carts)
  if (!cart) throw notFound({ vi: "Không tìm thấy giỏ hàng", en: "Cart not found" })

  const { result: options } = await listShippingOptionsForCartWithPricingWorkflow(req.scope).run({
    input: { cart_id: cart.id, is_return: false },
  })
  const chosen = new Set((cart.shipping_methods ?? []).map((m) => m.shipping_option_id))
  const groups = new Map<string, SellerGroup>()
  for (const item of cart.items ?? []) {
    const seller = item.product?.seller
    if (!seller) continue
    const group: SellerGroup = groups.get(seller.id) ?? {
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
  for (const option of options as PricedOption[]) {
    const group = groups.get(option.data?.seller_id ?? "")
    if (!group) continue
    group.options.push({
      id: option.id,
      code: option.data!.code,
      name: option.name,
      description: option.type?.description ?? null,
      amount: option.calculated_price?.calculated_amount ?? option.amount ?? null,
    })
    if (chosen.has(option.id)) group.selected_option_id = option.id
  }
  res.json({ parts: [...groups.values()] })
}
