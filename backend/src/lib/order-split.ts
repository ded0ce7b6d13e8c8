/**
 * How a buyer's order splits into one part per seller. Pure: the split workflow queries the order
 * and its sellers once, and this decides every part's items, shipping and amount.
 */
import type { CreateOrderDTO } from "@medusajs/framework/types"

// biome-ignore lint/suspicious/noExplicitAny: query rows are untyped until `medusa build`
type Row = Record<string, any>

export type PaymentMethod = "cod" | "vietqr" | "card" | "other"

/** Which of our payment providers a Medusa provider id is. */
export function paymentMethodOf(providerId: string | null | undefined): PaymentMethod {
  if (providerId === "pp_cod_cod") return "cod"
  if (providerId === "pp_vietqr_vietqr") return "vietqr"
  if (providerId?.startsWith("pp_stripe")) return "card"
  return "other"
}

export interface SellerForSplit {
  id: string
  commune_code: string
  bank_bin?: string | null
  bank_account_number?: string | null
  bank_account_name?: string | null
  payee_confirmed_at?: Date | string | null
  pending_changes?: Record<string, unknown> | null
}

export interface PartPlan {
  seller: SellerForSplit
  parent_item_ids: string[]
  order: CreateOrderDTO
}

export class SplitError extends Error {}

const pick = <T extends Row>(rows: T[] | null | undefined, keys: string[]) =>
  (rows ?? []).map((row) =>
    Object.fromEntries(keys.filter((k) => row[k] != null).map((k) => [k, row[k]])),
  )

const ITEM_KEYS = [
  "title",
  "subtitle",
  "thumbnail",
  "variant_id",
  "product_id",
  "product_title",
  "product_description",
  "product_subtitle",
  "product_type",
  "product_type_id",
  "product_collection",
  "product_handle",
  "variant_sku",
  "variant_barcode",
  "variant_title",
  "variant_option_values",
  "requires_shipping",
  "is_discountable",
  "is_tax_inclusive",
  "unit_price",
  "quantity",
]
const TAX_LINE_KEYS = ["code", "rate", "description", "provider_id", "tax_rate_id"]
const ADJUSTMENT_KEYS = ["code", "amount", "description", "promotion_id", "provider_id"]

/**
 * One plan per seller in the order: its items (in the buyer's order), the shipping method the
 * buyer chose for it, and the Medusa order that holds them. Throws when an item has no seller or a seller has no shipping.
 */
export function planParts(order: Row, sellerByProduct: Map<string, SellerForSplit>): PartPlan[] {
  const plans = new Map<string, PartPlan>()
  for (const item of order.items ?? []) {
    const seller = sellerByProduct.get(item.product_id)
    if (!seller) throw new SplitError(`The product of "${item.title}" has no seller`)
    let plan = plans.get(seller.id)
    if (!plan) {
      plan = {
        seller,
        parent_item_ids: [],
        order: {
          region_id: order.region_id,
          sales_channel_id: order.sales_channel_id,
          status: "pending",
          email: order.email,
          currency_code: order.currency_code,
          locale: order.locale ?? null,
          shipping_address: withoutId(order.shipping_address),
          billing_address: withoutId(order.billing_address),
          // The buyer's order list shows the order, not its parts: no customer on a part.
          no_notification: true,
          items: [],
          shipping_methods: [],
          metadata: { parent_order_id: order.id, seller_id: seller.id },
        },
      }
      plans.set(seller.id, plan)
    }
    plan.parent_item_ids.push(item.id)
    plan.order.items!.push({
      ...(Object.fromEntries(ITEM_KEYS.filter((k) => item[k] != null).map((k) => [k, item[k]])) as {
        title: string
        quantity: number
        unit_price: number
      }),
      tax_lines: pick(item.tax_lines, TAX_LINE_KEYS) as never,
      adjustments: pick(item.adjustments, ADJUSTMENT_KEYS) as never,
      metadata: { ...(item.metadata ?? {}), parent_item_id: item.id },
    })
  }
  for (const method of order.shipping_methods ?? []) {
    const plan = plans.get(method.data?.seller_id)
    if (!plan) continue
    if (plan.order.shipping_methods!.length) {
      throw new SplitError(`Seller ${plan.seller.id} has two shipping methods`)
    }
    plan.order.shipping_methods!.push({
      name: method.name,
      description: method.description ?? undefined,
      amount: method.amount,
      is_tax_inclusive: method.is_tax_inclusive,
      shipping_option_id: method.shipping_option_id,
      data: method.data,
      tax_lines: pick(method.tax_lines, TAX_LINE_KEYS) as never,
      adjustments: pick(method.adjustments, ADJUSTMENT_KEYS) as never,
    } as never)
  }
  for (const plan of plans.values()) {
    const needsShipping = plan.order.items!.some((i) => i.requires_shipping !== false)
    if (needsShipping && !plan.order.shipping_methods!.length) {
      throw new SplitError(`No shipping method was chosen for seller ${plan.seller.id}`)
    }
  }
  return [...plans.values()]
}

function withoutId(address: Row | null | undefined) {
  if (!address) return undefined
  const { id: _id, created_at: _c, updated_at: _u, deleted_at: _d, ...rest } = address
  return rest
}

/**
 * The reference a buyer writes on a transfer and a bank notification names: "DH" and the part's
 * order number on at least six digits ("DH001043"), so it cannot hide inside other numbers.
 */
export const partReference = (displayId: number | string) =>
  `DH${String(displayId).padStart(6, "0")}`
