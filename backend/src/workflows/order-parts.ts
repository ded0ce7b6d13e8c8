import {
  createWorkflow,
  transform,
  WorkflowResponse,
  when,
} from "@medusajs/framework/workflows-sdk"
import {
  cancelOrderWorkflow,
  capturePaymentWorkflow,
  createOrderFulfillmentWorkflow,
  createOrderShipmentWorkflow,
  emitEventStep,
  markOrderFulfillmentAsDeliveredWorkflow,
  refundPaymentWorkflow,
} from "@medusajs/medusa/core-flows"
import { IndicatorSourceEvents } from "../lib/indicators/events"
import { releasePreorderLinesStep } from "./steps/preorder-records"
import { type AuditActor, recordAuditStep } from "./steps/record-audit"
import {
  type RecordPaymentNotificationInput,
  recordPaymentNotificationStep,
} from "./steps/record-payment-notification"
import { updateOrderPartStep } from "./steps/update-order-part"

/**
 * What the seller-part workflows need, loaded and checked by the caller under a lock on the part
 * (src/lib/order-part-actions.ts): the part, its Medusa order and the buyer's payment.
 */
export interface PartActionInput {
  actor: AuditActor
  part: {
    id: string
    seller_id: string
    commune_code: string
    part_order_id: string
    amount: number
    payment_method: string
    payment_status: string
    /** Weighing figures (src/lib/order-part-actions.ts weighingOf); for a fixed-price part the estimate is the amount. */
    estimated_amount: number
    main_amount: number
    main_paid: number
    weighing: string
    refunded_amount: number
    topup_amount: number
    topup_payment_id: string | null
    topup_status: string | null
    /** A pre-order's deposit asked of a VietQR part (null: none), and where it stands. */
    deposit_amount: number | null
    deposit_status: string | null
  }
  /** The part order's line items and the seller's stock location. */
  items: {
    id: string
    quantity: number
    unit_price?: number
    metadata?: Record<string, unknown> | null
  }[]
  location_id: string
  /** The buyer's payment (on the buyer's order) that this part's share is taken from. */
  payment_id: string
  provider_id?: string
  /** A fulfilment of the part, once shipped. */
  fulfillment_id?: string | null
  /** The buyer's order the part belongs to. */
  buyer_order_id: string
  /** True when every other part of the buyer's order is already cancelled. */
  last_open_part?: boolean
}

/** Tells the indicators that a part's shipping or payment changed. */
const emitPartChanged = (input: PartActionInput) =>
  emitEventStep({
    eventName: IndicatorSourceEvents.ORDER_PART_CHANGED,
    data: transform({ input }, ({ input }) => ({ ids: [input.part.id] })),
  })

const audit = (action: string) => (input: PartActionInput) => ({
  actor: input.actor,
  action,
  resource_type: "order_part",
  resource_id: input.part.id,
  seller_id: input.part.seller_id,
  commune_code: input.part.commune_code,
})

/** Medusa's capture under another name: a part's weighing top-up is a payment of its own. */
export const captureTopupWorkflow = createWorkflow(
  "capture-weighing-topup",
  (input: { payment_id: string; amount: number; captured_by?: string }) => {
    capturePaymentWorkflow.runAsStep({ input })
    return new WorkflowResponse(undefined)
  },
)

/** Medusa's refund under another name, for a part's weighing top-up. */
export const refundTopupWorkflow = createWorkflow(
  "refund-weighing-topup",
  (input: { payment_id: string; amount: number; created_by?: string; note?: string }) => {
    refundPaymentWorkflow.runAsStep({ input })
    return new WorkflowResponse(undefined)
  },
)

/** Collects the top-up of a part weighed above its estimate, with the part's own payment. */
const captureTopupIfAwaiting = (input: PartActionInput, name: string) => {
  const topup = transform({ input }, ({ input }) => input.part.topup_status === "awaiting")
  when(name, { topup }, ({ topup }) => topup).then(() => {
    captureTopupWorkflow.runAsStep({
      input: transform({ input }, ({ input }) => ({
        payment_id: input.part.topup_payment_id!,
        amount: input.part.topup_amount,
        captured_by: input.actor.actor_id,
      })),
    })
  })
}

/** The seller hands the part over: a fulfilment of all its items from the seller's location. */
export const shipOrderPartWorkflow = createWorkflow("ship-order-part", (input: PartActionInput) => {
  const fulfillment = createOrderFulfillmentWorkflow.runAsStep({
    input: transform({ input }, ({ input }) => ({
      order_id: input.part.part_order_id,
      items: input.items,
      location_id: input.location_id,
      created_by: input.actor.actor_id,
    })),
  })
  createOrderShipmentWorkflow.runAsStep({
    input: transform({ input, fulfillment }, ({ input, fulfillment }) => ({
      order_id: input.part.part_order_id,
      fulfillment_id: fulfillment.id,
      items: input.items,
      created_by: input.actor.actor_id,
    })),
  })
  const part = updateOrderPartStep(
    transform({ input }, ({ input }) => ({
      id: input.part.id,
      update: { status: "shipped", shipped_at: new Date() },
    })),
  )
  recordAuditStep(transform({ input }, ({ input }) => audit("order_part.ship")(input)))
  return new WorkflowResponse(part)
})

/** The buyer has the goods; cash on delivery is collected now, so its share is captured. */
export const deliverOrderPartWorkflow = createWorkflow(
  "deliver-order-part",
  (input: PartActionInput) => {
    markOrderFulfillmentAsDeliveredWorkflow.runAsStep({
      input: transform({ input }, ({ input }) => ({
        orderId: input.part.part_order_id,
        fulfillmentId: input.fulfillment_id!,
      })),
    })
    const cod = transform({ input }, ({ input }) => input.part.payment_method === "cod")
    when("capture-cash-on-delivery", { cod }, ({ cod }) => cod).then(() => {
      capturePaymentWorkflow.runAsStep({
        input: transform({ input }, ({ input }) => ({
          payment_id: input.payment_id,
          amount: input.part.main_amount,
          captured_by: input.actor.actor_id,
        })),
      })
    })
    captureTopupIfAwaiting(input, "capture-cash-on-delivery-topup")
    const part = updateOrderPartStep(
      transform({ input }, ({ input }) => {
        const now = new Date()
        return {
          id: input.part.id,
          update: {
            status: "delivered",
            delivered_at: now,
            ...(input.part.payment_method === "cod"
              ? { payment_status: "captured", captured_at: now }
              : {}),
            ...(input.part.topup_status === "awaiting" ? { topup_status: "captured" } : {}),
          },
        }
      }),
    )
    recordAuditStep(transform({ input }, ({ input }) => audit("order_part.deliver")(input)))
    emitPartChanged(input)
    return new WorkflowResponse(part)
  },
)

/**
 * What a transfer for a part pays: its share of the buyer's payment; with a pre-order deposit,
 * the deposit first (a partial capture of the share), then the rest after the harvest.
 */
function transferPlan(part: PartActionInput["part"]) {
  if (part.payment_status !== "awaiting") return { capture: 0, deposit: false, whole: false }
  if (part.deposit_amount != null && part.deposit_status === "awaiting") {
    // Never above the share: a harvest may have cut the part below the deposit asked.
    const deposit = Math.min(part.deposit_amount, part.main_amount)
    return { capture: deposit, deposit: true, whole: deposit >= part.main_amount }
  }
  const paid = part.deposit_status === "captured" ? (part.deposit_amount ?? 0) : 0
  return { capture: Math.max(0, part.main_amount - paid), deposit: false, whole: true }
}

/** The part's VietQR transfer arrived (the seller saw it, or the bank said so): capture it. */
export const capturePartPaymentWorkflow = createWorkflow(
  "capture-order-part-payment",
  (input: PartActionInput) => {
    const plan = transform({ input }, ({ input }) => transferPlan(input.part))
    when("capture-part-share", { plan }, ({ plan }) => plan.capture > 0).then(() => {
      capturePaymentWorkflow.runAsStep({
        input: transform({ input, plan }, ({ input, plan }) => ({
          payment_id: input.payment_id,
          amount: plan.capture,
          captured_by: input.actor.actor_id,
        })),
      })
    })
    captureTopupIfAwaiting(input, "capture-part-topup")
    const part = updateOrderPartStep(
      transform({ input, plan }, ({ input, plan }) => ({
        id: input.part.id,
        update: {
          ...(plan.whole ? { payment_status: "captured", captured_at: new Date() } : {}),
          ...(plan.deposit ? { deposit_status: "captured", deposit_amount: plan.capture } : {}),
          ...(input.part.topup_status === "awaiting" ? { topup_status: "captured" } : {}),
        },
      })),
    )
    recordAuditStep(
      transform({ input, plan }, ({ input, plan }) => ({
        ...audit("order_part.payment_received")(input),
        data: { amount: plan.capture, deposit: plan.deposit },
      })),
    )
    emitPartChanged(input)
    return new WorkflowResponse(part)
  },
)

/** A signed bank notice says the part's transfer arrived: record the notice, then capture. */
export const captureBankTransferWorkflow = createWorkflow(
  "capture-bank-transfer",
  (input: PartActionInput & { notification: RecordPaymentNotificationInput }) => {
    recordPaymentNotificationStep(input.notification)
    const part = capturePartPaymentWorkflow.runAsStep({ input })
    return new WorkflowResponse(part)
  },
)

/** Whether a part's buyer has paid anything of its share: all of it, or a pre-order's deposit. */
const paidAnything = (part: PartActionInput["part"]) =>
  part.payment_status === "captured" || part.deposit_status === "captured"

/** Medusa's order cancellation under its own name, so one workflow can cancel two orders. */
const cancelBuyerOrderWorkflow = createWorkflow(
  "cancel-buyer-order",
  (input: { order_id: string; canceled_by: string }) => {
    cancelOrderWorkflow.runAsStep({ input })
    return new WorkflowResponse(undefined)
  },
)

/**
 * Cancels a part before it ships: its order is cancelled (the reserved stock goes back), a share
 * already paid is refunded through the payment's provider (a card refund; for a transfer, a
 * record of the money the seller returns), and an unpaid share is simply never collected.
 */
export const cancelOrderPartWorkflow = createWorkflow(
  "cancel-order-part",
  (input: PartActionInput) => {
    cancelOrderWorkflow.runAsStep({
      input: transform({ input }, ({ input }) => ({
        order_id: input.part.part_order_id,
        canceled_by: input.actor.actor_id,
      })),
    })
    // The last open part takes the buyer's order with it, and Medusa then settles the payment
    // itself (cancels it, or refunds what is still captured); any other part refunds its share.
    const last = transform({ input }, ({ input }) => !!input.last_open_part)
    const refundShare = transform(
      { input },
      ({ input }) => paidAnything(input.part) && input.part.main_paid > 0 && !input.last_open_part,
    )
    when("refund-paid-share", { refundShare }, ({ refundShare }) => refundShare).then(() => {
      refundPaymentWorkflow.runAsStep({
        input: transform({ input }, ({ input }) => ({
          payment_id: input.payment_id,
          amount: input.part.main_paid,
          created_by: input.actor.actor_id,
          note: `Seller part ${input.part.id} cancelled`,
        })),
      })
    })
    const refundTopup = transform(
      { input },
      ({ input }) => input.part.topup_status === "captured" && !input.last_open_part,
    )
    when("refund-paid-topup", { refundTopup }, ({ refundTopup }) => refundTopup).then(() => {
      refundTopupWorkflow.runAsStep({
        input: transform({ input }, ({ input }) => ({
          payment_id: input.part.topup_payment_id!,
          amount: input.part.topup_amount,
          created_by: input.actor.actor_id,
          note: `Seller part ${input.part.id} cancelled (weighing top-up)`,
        })),
      })
    })
    when("cancel-buyer-order", { last }, ({ last }) => last).then(() => {
      cancelBuyerOrderWorkflow.runAsStep({
        input: transform({ input }, ({ input }) => ({
          order_id: input.buyer_order_id,
          canceled_by: input.actor.actor_id,
        })),
      })
    })
    releasePreorderLinesStep(
      transform({ input }, ({ input }) => ({ part_order_id: input.part.part_order_id })),
    )
    const part = updateOrderPartStep(
      transform({ input }, ({ input }) => ({
        id: input.part.id,
        update: {
          status: "canceled",
          canceled_at: new Date(),
          payment_status: paidAnything(input.part) ? "refunded" : "canceled",
          ...(input.part.deposit_status === "captured"
            ? { deposit_status: "refunded" }
            : input.part.deposit_status === "awaiting"
              ? { deposit_status: "canceled" }
              : {}),
          ...(paidAnything(input.part)
            ? {
                refunded_amount:
                  input.part.refunded_amount +
                  input.part.main_paid +
                  (input.part.topup_status === "captured" ? input.part.topup_amount : 0),
              }
            : {}),
          ...(input.part.topup_status === "captured"
            ? { topup_status: "refunded" }
            : input.part.topup_status === "awaiting"
              ? { topup_status: "canceled" }
              : {}),
        },
      })),
    )
    recordAuditStep(transform({ input }, ({ input }) => audit("order_part.cancel")(input)))
    emitPartChanged(input)
    return new WorkflowResponse(part)
  },
)
