import { MedusaError, Modules } from "@medusajs/framework/utils"
import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { createRemoteLinkStep, emitEventStep, useQueryGraphStep } from "@medusajs/medusa/core-flows"
import { IndicatorSourceEvents } from "../lib/indicators/events"
import { partReference, paymentMethodOf, planParts, type SellerForSplit } from "../lib/order-split"
import { depositOf } from "../lib/preorder-deposit"
import { acceptsVietQr, payeeOf } from "../lib/seller-review"
import { soldByWeightOf } from "../lib/sold-by-weight"
import { SELLER_MODULE } from "../modules/seller"
import { claimPreordersStep } from "./steps/claim-preorders"
import { createOrderPartsStep, type NewOrderPart } from "./steps/create-order-parts"
import { createPartOrdersStep } from "./steps/create-part-orders"
import { moveReservationsStep } from "./steps/move-reservations"

const ORDER_FIELDS = [
  "id",
  "email",
  "currency_code",
  "locale",
  "region_id",
  "sales_channel_id",
  "shipping_address.*",
  "billing_address.*",
  "items.*",
  "items.tax_lines.*",
  "items.adjustments.*",
  "shipping_methods.*",
  "shipping_methods.tax_lines.*",
  "shipping_methods.adjustments.*",
  "payment_collections.payments.provider_id",
  "payment_collections.payments.captured_at",
]

const SELLER_FIELDS = [
  "id",
  "seller.id",
  "seller.commune_code",
  "seller.bank_bin",
  "seller.bank_account_number",
  "seller.bank_account_name",
  "seller.payee_confirmed_at",
  "seller.pending_changes",
  "variants.id",
  "variants.metadata",
]

export interface SplitOrderInput {
  order_id: string
}

/**
 * Splits a placed order into one part per seller: each part is a Medusa order with that seller's
 * items and shipping, linked to the seller and recorded with its share of the payment; the
 * stock reserved for the order moves to the parts. A constant number of queries and writes,
 * whatever the number of items or sellers; a failure at any step undoes the steps before it.
 */
export const splitOrderWorkflow = createWorkflow(
  "split-order-by-seller",
  (input: SplitOrderInput) => {
    const { data: orders } = useQueryGraphStep({
      entity: "order",
      fields: ORDER_FIELDS,
      filters: { id: input.order_id },
    })
    const productIds = transform({ orders }, ({ orders }) => [
      ...new Set(
        ((orders[0]?.items ?? []) as ({ product_id?: string | null } | null)[]).map(
          (i) => i?.product_id as string,
        ),
      ),
    ])
    const { data: products } = useQueryGraphStep({
      entity: "product",
      fields: SELLER_FIELDS,
      filters: { id: productIds },
    }).config({ name: "product-sellers" })

    const plans = transform({ orders, products }, ({ orders, products }) => {
      const sellerByProduct = new Map<string, SellerForSplit>()
      for (const p of products as { id: string; seller?: SellerForSplit }[]) {
        if (p.seller) sellerByProduct.set(p.id, p.seller)
      }
      const plans = planParts(orders[0]!, sellerByProduct)
      // Produce priced per kg: the line carries the variant's rule as it was at checkout, so the
      // seller weighs it against what the buyer accepted, whatever the listing says later.
      const byWeight = new Map<string, Record<string, unknown>>()
      for (const p of products as { variants?: { id: string; metadata?: unknown }[] }[]) {
        for (const v of p.variants ?? []) {
          const rule = soldByWeightOf(v.metadata)
          if (rule) byWeight.set(v.id, { ...rule })
        }
      }
      for (const plan of plans) {
        for (const item of plan.order.items ?? []) {
          const rule = item.variant_id ? byWeight.get(item.variant_id) : undefined
          if (rule) item.metadata = { ...(item.metadata ?? {}), sold_by_weight: rule }
        }
      }
      const payment = orders[0]!.payment_collections?.[0]?.payments?.[0]
      // The last guard, under the cart's lock: an unconfirmed payee is never paid by VietQR,
      // whatever a client sent (the payment-session check in api/store/vietqr-guard.ts is the first).
      if (paymentMethodOf(payment?.provider_id) === "vietqr") {
        const refused = plans.find((p) => !acceptsVietQr(p.seller))
        if (refused) {
          // A MedusaError reaches the buyer with its message (anything else is "unknown error").
          throw new MedusaError(
            MedusaError.Types.NOT_ALLOWED,
            `VietQR payment is not available for seller ${refused.seller.id}: it has no payee confirmed by the commune`,
          )
        }
      }
      return plans
    })

    const created = createPartOrdersStep(
      transform({ plans }, ({ plans }) => plans.map((p) => p.order)),
    )

    // Items of a harvest window count against its planned quantity, under the window's lock.
    // A window asking a deposit refuses cash on delivery here too, under the cart's lock.
    const claimed = claimPreordersStep(
      transform({ orders, created }, ({ orders, created }) => {
        const order = orders[0]!
        const byId = new Map(
          ((order.items ?? []) as { id: string; variant_id?: string | null; quantity: unknown }[])
            .filter(Boolean)
            .map((i) => [i.id, i]),
        )
        const payment = order.payment_collections?.[0]?.payments?.[0]
        const cash_on_delivery = paymentMethodOf(payment?.provider_id) === "cod"
        const claims = created.flatMap((o) =>
          o.items.flatMap((i) => {
            const parent = byId.get(i.parent_item_id!)
            if (!parent?.variant_id) return []
            return [
              {
                variant_id: parent.variant_id,
                order_id: order.id,
                part_order_id: o.id,
                part_item_id: i.id,
                buyer_email: String(order.email ?? "").toLowerCase(),
                quantity: Number(parent.quantity),
              },
            ]
          }),
        )
        return { claims, cash_on_delivery }
      }),
    )

    // Each part's amount as Medusa totals its order (items, shipping, tax, discounts).
    const { data: totals } = useQueryGraphStep({
      entity: "order",
      fields: ["id", "total"],
      filters: transform({ created }, ({ created }) => ({ id: created.map((o) => o.id) })),
    }).config({ name: "part-order-totals" })

    const parts = createOrderPartsStep(
      transform(
        { orders, plans, created, totals, claimed },
        ({ orders, plans, created, totals, claimed }) => {
          const order = orders[0]!
          const payment = order.payment_collections?.[0]?.payments?.[0]
          const method = paymentMethodOf(payment?.provider_id)
          return plans.map((plan): NewOrderPart => {
            const seller = plan.seller
            const partOrder = created.find((o) => o.seller_id === seller.id)!
            const amount = Number(totals.find((t) => t.id === partOrder.id)!.total)
            const weighed = (plan.order.items ?? []).some((i) => i.metadata?.sold_by_weight)
            // A pre-order whose window asks a deposit: a transfer pays the deposit first, the rest
            // after the harvest (a card pays everything now; cash is refused by the claim).
            const percent = Math.max(
              0,
              ...claimed
                .filter((l) => l.part_order_id === partOrder.id)
                .map((l) => l.deposit_percent ?? 0),
            )
            const deposit = method === "vietqr" && percent > 0 ? depositOf(amount, percent) : null
            return {
              order_id: order.id,
              part_order_id: partOrder.id,
              seller_id: seller.id,
              commune_code: seller.commune_code,
              reference: partReference(partOrder.display_id),
              currency_code: order.currency_code,
              amount,
              payment_method: method,
              payment_status: payment?.captured_at ? "captured" : "awaiting",
              captured_at: payment?.captured_at ? new Date(payment.captured_at) : null,
              payee: method === "vietqr" ? payeeOf(seller) : null,
              ...(weighed
                ? { weighing: "required" as const, estimated_amount: amount }
                : { weighing: "none" as const }),
              ...(deposit != null
                ? { deposit_amount: deposit, deposit_status: "awaiting" as const }
                : {}),
            }
          })
        },
      ),
    )

    createRemoteLinkStep(
      transform({ created }, ({ created }) =>
        created.map((o) => ({
          [SELLER_MODULE]: { seller_id: o.seller_id },
          [Modules.ORDER]: { order_id: o.id },
        })),
      ),
    )

    moveReservationsStep(
      transform({ created }, ({ created }) =>
        created.flatMap((o) =>
          o.items.map((i) => ({ from_line_item_id: i.parent_item_id!, to_line_item_id: i.id })),
        ),
      ),
    )

    emitEventStep({
      eventName: IndicatorSourceEvents.ORDER_PART_CHANGED,
      data: transform({ parts }, ({ parts }) => ({ ids: parts.map((p) => p.id) })),
    })

    return new WorkflowResponse({ parts })
  },
)
