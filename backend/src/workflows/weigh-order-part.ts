import { Modules } from "@medusajs/framework/utils"
import {
  createStep,
  createWorkflow,
  StepResponse,
  transform,
  WorkflowResponse,
  when,
} from "@medusajs/framework/workflows-sdk"
import {
  authorizePaymentSessionStep,
  beginOrderEditOrderWorkflow,
  createOrderPaymentCollectionWorkflow,
  createPaymentSessionsWorkflow,
  emitEventStep,
  orderEditUpdateItemQuantityWorkflow,
  refundPaymentWorkflow,
  useQueryGraphStep,
} from "@medusajs/medusa/core-flows"
import { IndicatorSourceEvents } from "../lib/indicators/events"
import type { PartActionInput } from "./order-parts"
import { recordAuditStep } from "./steps/record-audit"
import { updateOrderPartStep } from "./steps/update-order-part"

/** One weighed line: its new unit price (whole dong) and the grams the seller read. */
export interface WeighedLineInput {
  item_id: string
  quantity: number
  unit_price: number
  grams: number
}

export interface WeighOrderPartInput extends PartActionInput {
  lines: WeighedLineInput[]
  /** Every weighed line stayed within the tolerance the buyer accepted at checkout. */
  within_tolerance: boolean
}

/**
 * Confirms an order change (Medusa's own `confirmOrderChanges` step, which core-flows does not
 * export): the edit's actions are applied to the order; undone with the order's last change.
 */
const confirmOrderChangeStep = createStep(
  "confirm-weighing-order-change",
  async (input: { order_id: string; change_id: string; confirmed_by?: string }, { container }) => {
    const orders = container.resolve(Modules.ORDER)
    await orders.confirmOrderChange({ id: input.change_id, confirmed_by: input.confirmed_by })
    return new StepResponse(undefined, input)
  },
  async (input, { container }) => {
    if (!input) return
    await container.resolve(Modules.ORDER).undoLastChange(input.order_id, {
      id: input.change_id,
    } as never)
  },
)

/**
 * Settles the money once the weighed amount is final (within the tolerance, or the buyer
 * agreed): above the estimate, the difference becomes a second payment on the buyer's order with
 * the same provider (Medusa's order payment collection), authorised now and collected with the
 * part (cash on delivery) or by its own QR (VietQR); below it, a share already paid is refunded
 * through the payment's provider (for VietQR: the record of the seller's transfer back). A card
 * still held is left alone: it is charged the actual amounts once the order is settled.
 */
function settle(input: WeighOrderPartInput | PartActionInput, amount: unknown, prefix: string) {
  // Zero when the part waits for the buyer (beyond the tolerance): nothing moves yet.
  const diff = transform({ input, amount }, ({ input, amount }) => {
    if ("within_tolerance" in input && !input.within_tolerance) return 0
    // A card held at checkout is charged the weighed amount itself when the order is settled
    // (src/lib/card-hold.ts): nothing to top up, nothing to refund.
    if (input.part.payment_method === "card" && input.part.payment_status === "awaiting") return 0
    return Number(amount) - input.part.estimated_amount
  })
  const topup = when(`${prefix}-topup`, { diff }, ({ diff }) => diff > 0).then(() => {
    const collections = createOrderPaymentCollectionWorkflow.runAsStep({
      input: transform({ input, diff }, ({ input, diff }) => ({
        order_id: input.buyer_order_id,
        amount: diff,
      })),
    })
    const session = createPaymentSessionsWorkflow.runAsStep({
      input: transform({ input, collections }, ({ input, collections }) => ({
        payment_collection_id: collections[0]!.id,
        provider_id: input.provider_id!,
      })),
    })
    const payment = authorizePaymentSessionStep(
      transform({ session }, ({ session }) => ({ id: session.id, context: {} })),
    )
    return payment
  })
  when(`${prefix}-refund`, { diff, input }, ({ diff, input }) => {
    return diff < 0 && input.part.payment_status === "captured"
  }).then(() => {
    refundPaymentWorkflow.runAsStep({
      input: transform({ input, diff }, ({ input, diff }) => ({
        payment_id: input.payment_id,
        amount: -diff,
        created_by: input.actor.actor_id,
        note: `Seller part ${input.part.id} weighed below its estimate`,
      })),
    })
  })
  return transform({ input, diff, topup }, ({ input, diff, topup }) => {
    if (diff > 0) {
      return {
        topup_amount: diff,
        topup_payment_id: topup?.id ?? null,
        topup_status: "awaiting",
      }
    }
    if (diff < 0 && input.part.payment_status === "captured") {
      return { refunded_amount: input.part.refunded_amount - diff }
    }
    return {}
  })
}

/**
 * The seller weighs a part's produce at packing: each line's unit price is changed with Medusa's
 * order edit (an order change on the part's order, confirmed at once, kept as its history); the
 * part's amount becomes the order's new total. Within the tolerance the money is settled now;
 * beyond it the part waits for the buyer's agreement (or a cancellation) and cannot ship.
 */
export const weighOrderPartWorkflow = createWorkflow(
  "weigh-order-part",
  (input: WeighOrderPartInput) => {
    const change = beginOrderEditOrderWorkflow.runAsStep({
      input: transform({ input }, ({ input }) => ({
        order_id: input.part.part_order_id,
        created_by: input.actor.actor_id,
        description: "Weighed at packing",
      })),
    })
    orderEditUpdateItemQuantityWorkflow.runAsStep({
      input: transform({ input }, ({ input }) => ({
        order_id: input.part.part_order_id,
        items: input.lines.map((l) => ({
          id: l.item_id,
          quantity: l.quantity,
          unit_price: l.unit_price,
          metadata: { weighed_grams: l.grams },
        })),
      })),
    })
    confirmOrderChangeStep(
      transform({ input, change }, ({ input, change }) => ({
        order_id: input.part.part_order_id,
        change_id: change.id,
        confirmed_by: input.actor.actor_id,
      })),
    )
    const { data: totals } = useQueryGraphStep({
      entity: "order",
      fields: ["id", "total"],
      filters: transform({ input }, ({ input }) => ({ id: input.part.part_order_id })),
    }).config({ name: "weighed-part-total" })
    const amount = transform({ totals }, ({ totals }) => Number(totals[0]!.total))
    const settled = settle(input, amount, "weighing")
    const part = updateOrderPartStep(
      transform({ input, amount, settled }, ({ input, amount, settled }) => ({
        id: input.part.id,
        update: {
          amount,
          estimated_amount: input.part.estimated_amount,
          weighed_at: new Date(),
          weighing: input.within_tolerance ? "weighed" : "contact_buyer",
          ...(settled ?? {}),
        },
      })),
    )
    recordAuditStep(
      transform({ input, amount }, ({ input, amount }) => ({
        actor: input.actor,
        action: "order_part.weigh",
        resource_type: "order_part",
        resource_id: input.part.id,
        seller_id: input.part.seller_id,
        commune_code: input.part.commune_code,
        data: {
          estimated_amount: input.part.estimated_amount,
          amount,
          lines: input.lines.map((l) => ({ item_id: l.item_id, grams: l.grams })),
        },
      })),
    )
    emitEventStep({
      eventName: IndicatorSourceEvents.ORDER_PART_CHANGED,
      data: transform({ input }, ({ input }) => ({ ids: [input.part.id] })),
    })
    return new WorkflowResponse(part)
  },
)

/**
 * The buyer agreed (by phone, in person) to a weighed amount beyond the tolerance: the seller
 * records it, the money is settled as for a weighing within it, and the part can ship.
 */
export const acceptWeighingWorkflow = createWorkflow(
  "accept-order-part-weighing",
  (input: PartActionInput) => {
    const settled = settle(
      input,
      transform({ input }, ({ input }) => input.part.amount),
      "accept",
    )
    const part = updateOrderPartStep(
      transform({ input, settled }, ({ input, settled }) => ({
        id: input.part.id,
        update: { weighing: "accepted", ...settled },
      })),
    )
    recordAuditStep(
      transform({ input }, ({ input }) => ({
        actor: input.actor,
        action: "order_part.weighing_accepted",
        resource_type: "order_part",
        resource_id: input.part.id,
        seller_id: input.part.seller_id,
        commune_code: input.part.commune_code,
      })),
    )
    emitEventStep({
      eventName: IndicatorSourceEvents.ORDER_PART_CHANGED,
      data: transform({ input }, ({ input }) => ({ ids: [input.part.id] })),
    })
    return new WorkflowResponse(part)
  },
)
