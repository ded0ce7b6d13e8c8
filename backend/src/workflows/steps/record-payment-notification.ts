import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { CHECKOUT_MODULE } from "../../modules/checkout"
import type CheckoutModuleService from "../../modules/checkout/service"

export interface RecordPaymentNotificationInput {
  source: string
  external_id: string
  order_part_id: string | null
  outcome: string
  body: Record<string, unknown>
}

export const recordPaymentNotificationStepId = "record-payment-notification"

/**
 * Claims a payment notification by its sender's id (unique per source), so a second delivery,
 * even a concurrent one, fails here instead of capturing twice; released again on rollback.
 */
export const recordPaymentNotificationStep = createStep(
  recordPaymentNotificationStepId,
  async (input: RecordPaymentNotificationInput, { container }) => {
    const checkout = container.resolve<CheckoutModuleService>(CHECKOUT_MODULE)
    const created = await checkout.createPaymentNotifications(input)
    return new StepResponse(created, created.id)
  },
  async (id, { container }) => {
    if (!id) return
    await container.resolve<CheckoutModuleService>(CHECKOUT_MODULE).deletePaymentNotifications(id)
  },
)
