import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { CHECKOUT_MODULE } from "../../modules/checkout"
import type CheckoutModuleService from "../../modules/checkout/service"

export interface UpdateOrderPartStepInput {
  id: string
  update: Record<string, unknown>
}

export const updateOrderPartStepId = "update-order-part"

/** Changes a seller part's status or payment record; the previous values come back on rollback. */
export const updateOrderPartStep = createStep(
  updateOrderPartStepId,
  async (input: UpdateOrderPartStepInput, { container }) => {
    const checkout = container.resolve<CheckoutModuleService>(CHECKOUT_MODULE)
    const before: Record<string, unknown> = await checkout.retrieveOrderPart(input.id)
    const previous: Record<string, unknown> = { id: input.id }
    for (const key of Object.keys(input.update)) previous[key] = before[key] ?? null
    const part = await checkout.updateOrderParts({ id: input.id, ...input.update })
    return new StepResponse(part, previous)
  },
  async (previous, { container }) => {
    if (!previous) return
    await container.resolve<CheckoutModuleService>(CHECKOUT_MODULE).updateOrderParts(previous)
  },
)
