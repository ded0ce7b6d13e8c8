import {
  createStep,
  createWorkflow,
  StepResponse,
  transform,
  WorkflowResponse,
} from "@medusajs/framework/workflows-sdk"
import { capturePaymentWorkflow, emitEventStep } from "@medusajs/medusa/core-flows"
import { IndicatorSourceEvents } from "../lib/indicators/events"
import { CHECKOUT_MODULE } from "../modules/checkout"
import type CheckoutModuleService from "../modules/checkout/service"
import { type AuditActor, recordAuditStep } from "./steps/record-audit"

export interface CaptureHeldCardInput {
  actor: AuditActor
  payment_id: string
  /** The parts' final amounts together: what the card is charged, the rest of the hold released. */
  amount: number
  part_ids: string[]
}

export const markPartsCapturedStepId = "mark-order-parts-captured"

/** Records the capture on the parts it paid for; undone by putting them back to awaiting. */
const markPartsCapturedStep = createStep(
  markPartsCapturedStepId,
  async (input: { part_ids: string[] }, { container }) => {
    const checkout = container.resolve<CheckoutModuleService>(CHECKOUT_MODULE)
    const captured_at = new Date()
    await checkout.updateOrderParts(
      input.part_ids.map((id) => ({ id, payment_status: "captured" as const, captured_at })),
    )
    return new StepResponse(undefined, input.part_ids)
  },
  async (ids, { container }) => {
    if (!ids?.length) return
    await container
      .resolve<CheckoutModuleService>(CHECKOUT_MODULE)
      .updateOrderParts(
        ids.map((id) => ({ id, payment_status: "awaiting" as const, captured_at: null })),
      )
  },
)

/**
 * The card held for produce sold by weight is charged the parts' final amounts (one capture of
 * the buyer's payment, which Stripe makes for exactly that amount and releases the rest), and
 * every part not cancelled is marked paid.
 */
export const captureHeldCardWorkflow = createWorkflow(
  "capture-held-card",
  (input: CaptureHeldCardInput) => {
    capturePaymentWorkflow.runAsStep({
      input: transform({ input }, ({ input }) => ({
        payment_id: input.payment_id,
        amount: input.amount,
        captured_by: input.actor.actor_id,
      })),
    })
    markPartsCapturedStep(transform({ input }, ({ input }) => ({ part_ids: input.part_ids })))
    recordAuditStep(
      transform({ input }, ({ input }) => ({
        actor: input.actor,
        action: "order.card_captured",
        resource_type: "payment",
        resource_id: input.payment_id,
        data: { amount: input.amount, order_part_ids: input.part_ids },
      })),
    )
    emitEventStep({
      eventName: IndicatorSourceEvents.ORDER_PART_CHANGED,
      data: transform({ input }, ({ input }) => ({ ids: input.part_ids })),
    })
    return new WorkflowResponse({ amount: input.amount, part_ids: input.part_ids })
  },
)
