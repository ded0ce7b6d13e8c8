/**
 * A card pays for produce sold by weight by a hold, not a charge (issue 17; docs/checkout.md
 * "Produce sold by weight"): the PaymentIntent is authorised with manual capture for the cart's
 * total plus each weighed line's tolerance, and captured once, for the parts' actual amounts,
 * when every part of the order has its final amount. Stripe captures a PaymentIntent only once
 * (several captures need Stripe's multicapture, which few accounts have), so the parts sold at
 * a fixed price are captured with the weighed ones, not before.
 */
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { CHECKOUT_MODULE } from "../modules/checkout"
import type CheckoutModuleService from "../modules/checkout/service"
import { captureHeldCardWorkflow } from "../workflows/capture-held-card"
import type { AuditActor } from "../workflows/steps/record-audit"
import { soldByWeightOf, toleranceHeadroom } from "./sold-by-weight"

export const STRIPE_PROVIDER_ID = "pp_stripe_stripe"

/** Parts still waiting for their final amount: not weighed, or weighed beyond the tolerance. */
const UNSETTLED_WEIGHING = new Set(["required", "contact_buyer"])

interface CartLine {
  quantity?: unknown
  variant?: { metadata?: unknown } | null
}

/**
 * What a card must hold for a payment collection's cart: `weighed` when a line is sold by
 * weight, and the headroom above the cart's total its tolerances allow. Null without a cart.
 */
export async function cardHoldOf(container: MedusaContainer, paymentCollectionId: string) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "payment_collection",
    fields: ["cart.id", "cart.items.quantity", "cart.items.variant.metadata"],
    filters: { id: paymentCollectionId },
  })
  const cart = (data[0] as { cart?: { items?: CartLine[] } | null } | undefined)?.cart
  if (!cart) return null
  let weighed = false
  let headroom = 0
  for (const item of cart.items ?? []) {
    const rule = soldByWeightOf(item.variant?.metadata)
    if (!rule) continue
    weighed = true
    headroom += toleranceHeadroom(rule, Number(item.quantity))
  }
  return { weighed, headroom }
}

/**
 * Captures a held card once every part of the buyer's order has its final amount: the sum of
 * the parts not cancelled, each weighed part at its weighed amount. Nothing happens while a part
 * waits to be weighed, for a card already captured (or cancelled with the order), or for any
 * other payment. Runs under a lock on the buyer's order, as two sellers may settle at once.
 */
export async function captureHeldCardIfFinal(
  container: MedusaContainer,
  buyerOrderId: string,
  actor: AuditActor,
) {
  const locking = container.resolve(Modules.LOCKING)
  return locking.execute(`card-hold:${buyerOrderId}`, async () => {
    const checkout = container.resolve<CheckoutModuleService>(CHECKOUT_MODULE)
    const parts = await checkout.listOrderParts({ order_id: buyerOrderId })
    const open = parts.filter((p) => p.status !== "canceled")
    if (!open.length || open.some((p) => p.payment_method !== "card")) return null
    if (open.some((p) => UNSETTLED_WEIGHING.has(p.weighing))) return null
    if (!open.some((p) => p.payment_status === "awaiting")) return null
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({
      entity: "order",
      fields: [
        "payment_collections.payments.id",
        "payment_collections.payments.provider_id",
        "payment_collections.payments.data",
        "payment_collections.payments.captured_at",
        "payment_collections.payments.canceled_at",
        "payment_collections.payments.captures.id",
      ],
      filters: { id: buyerOrderId },
    })
    const payment = ((data[0]?.payment_collections ?? []) as { payments?: unknown[] }[])
      .flatMap((c) => (c?.payments ?? []) as HeldPayment[])
      .find((p) => p.provider_id === STRIPE_PROVIDER_ID)
    if (!payment || payment.canceled_at || payment.captured_at || payment.captures?.length) {
      return null
    }
    if ((payment.data as { capture_method?: string } | null)?.capture_method !== "manual") {
      return null
    }
    const { result } = await captureHeldCardWorkflow(container).run({
      input: {
        actor,
        payment_id: payment.id,
        amount: open.reduce((sum, p) => sum + Number(p.amount), 0),
        part_ids: open.map((p) => p.id),
      },
    })
    return result
  })
}

interface HeldPayment {
  id: string
  provider_id: string
  data: unknown
  captured_at: Date | string | null
  canceled_at: Date | string | null
  captures?: { id: string }[] | null
}
