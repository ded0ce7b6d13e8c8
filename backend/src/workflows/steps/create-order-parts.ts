import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { CHECKOUT_MODULE } from "../../modules/checkout"
import type CheckoutModuleService from "../../modules/checkout/service"

export interface NewOrderPart {
  order_id: string
  part_order_id: string
  seller_id: string
  commune_code: string
  reference: string
  currency_code: string
  amount: number
  payment_method: "cod" | "vietqr" | "card" | "other"
  payment_status: "awaiting" | "captured"
  captured_at: Date | null
  payee: Record<string, unknown> | null
  weighing?: "none" | "required"
  estimated_amount?: number | null
  deposit_amount?: number | null
  deposit_status?: "awaiting" | null
}

export const createOrderPartsStepId = "create-order-parts"

/** Records the seller parts of an order (one insert); removes them again on rollback. */
export const createOrderPartsStep = createStep(
  createOrderPartsStepId,
  async (parts: NewOrderPart[], { container }) => {
    const checkout = container.resolve<CheckoutModuleService>(CHECKOUT_MODULE)
    const created = await checkout.createOrderParts(parts)
    return new StepResponse(
      created,
      created.map((p) => p.id),
    )
  },
  async (ids, { container }) => {
    if (!ids?.length) return
    await container.resolve<CheckoutModuleService>(CHECKOUT_MODULE).deleteOrderParts(ids)
  },
)
