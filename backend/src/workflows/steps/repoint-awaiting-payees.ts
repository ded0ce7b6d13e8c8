import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { CHECKOUT_MODULE } from "../../modules/checkout"
import type CheckoutModuleService from "../../modules/checkout/service"

export interface RepointAwaitingPayeesInput {
  seller_id: string
  /** The newly confirmed payee as a part records it; null when no payee was approved. */
  payee: {
    bank_bin: string | null
    account_number: string | null
    account_name: string | null
  } | null
}

export const repointAwaitingPayeesStepId = "repoint-awaiting-payees"

/**
 * A newly confirmed payee replaces the one copied onto the seller's VietQR parts that still
 * await their transfer, so a corrected account is what every unpaid order's QR pays. Parts
 * already paid, cancelled or paid otherwise keep their history. Undone on rollback.
 */
export const repointAwaitingPayeesStep = createStep(
  repointAwaitingPayeesStepId,
  async (input: RepointAwaitingPayeesInput, { container }) => {
    if (!input.payee) return new StepResponse([], [])
    const checkout = container.resolve<CheckoutModuleService>(CHECKOUT_MODULE)
    const parts = await checkout.listOrderParts(
      {
        seller_id: input.seller_id,
        payment_method: "vietqr",
        payment_status: "awaiting",
        status: { $ne: "canceled" },
      },
      { select: ["id", "payee"] },
    )
    if (!parts.length) return new StepResponse([], [])
    await checkout.updateOrderParts(parts.map((p) => ({ id: p.id, payee: input.payee })))
    return new StepResponse(
      parts.map((p) => p.id),
      parts.map((p) => ({ id: p.id, payee: p.payee })),
    )
  },
  async (previous, { container }) => {
    if (!previous?.length) return
    await container
      .resolve<CheckoutModuleService>(CHECKOUT_MODULE)
      .updateOrderParts(previous as { id: string; payee: Record<string, unknown> | null }[])
  },
)
