import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { SELLER_MODULE } from "../../modules/seller"
import type SellerModuleService from "../../modules/seller/service"

export interface UpdateSellerStepInput {
  id: string
  update: Record<string, unknown>
}

export const updateSellerStepId = "update-seller"

/** Updates a seller's profile; the previous values come back on rollback. */
export const updateSellerStep = createStep(
  updateSellerStepId,
  async (input: UpdateSellerStepInput, { container }) => {
    const sellers = container.resolve<SellerModuleService>(SELLER_MODULE)
    const before: Record<string, unknown> = await sellers.retrieveSeller(input.id)
    const previous: Record<string, unknown> = { id: input.id }
    for (const key of Object.keys(input.update)) previous[key] = before[key] ?? null
    const seller = await sellers.updateSellers({ id: input.id, ...input.update })
    return new StepResponse(seller, previous)
  },
  async (previous, { container }) => {
    if (!previous) return
    await container.resolve<SellerModuleService>(SELLER_MODULE).updateSellers(previous)
  },
)
