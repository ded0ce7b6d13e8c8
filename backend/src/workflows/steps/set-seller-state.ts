import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { SELLER_MODULE } from "../../modules/seller"
import type SellerModuleService from "../../modules/seller/service"

export interface SetSellerStateInput {
  seller_id: string
  state: "pending" | "approved" | "suspended"
  reason?: string | null
  changed_by: string
}

export const setSellerStateStepId = "set-seller-state"

/** Moves a seller to a new state, remembering the old one for compensation. */
export const setSellerStateStep = createStep(
  setSellerStateStepId,
  async (input: SetSellerStateInput, { container }) => {
    const sellers = container.resolve<SellerModuleService>(SELLER_MODULE)
    const before = await sellers.retrieveSeller(input.seller_id)
    const after = await sellers.updateSellers({
      id: input.seller_id,
      state: input.state,
      state_reason: input.reason ?? null,
      state_changed_at: new Date(),
      state_changed_by: input.changed_by,
    })
    return new StepResponse(after, {
      id: before.id,
      state: before.state,
      state_reason: before.state_reason,
      state_changed_at: before.state_changed_at,
      state_changed_by: before.state_changed_by,
    })
  },
  async (previous, { container }) => {
    if (!previous) return
    await container.resolve<SellerModuleService>(SELLER_MODULE).updateSellers(previous)
  },
)
