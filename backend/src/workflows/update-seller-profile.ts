import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { type AuditActor, recordAuditStep } from "./steps/record-audit"
import { updateSellerStep } from "./steps/update-seller"

export interface UpdateSellerProfileInput {
  seller_id: string
  commune_code: string
  update: Record<string, unknown>
  actor: AuditActor
}

/** A member (or a helper for it) edits the seller's public profile or bank account. */
export const updateSellerProfileWorkflow = createWorkflow(
  "update-seller-profile",
  (input: UpdateSellerProfileInput) => {
    const seller = updateSellerStep(
      transform({ input }, ({ input }) => ({ id: input.seller_id, update: input.update })),
    )
    recordAuditStep(
      transform({ input }, ({ input }) => ({
        actor: input.actor,
        action: "seller.update",
        resource_type: "seller",
        resource_id: input.seller_id,
        seller_id: input.seller_id,
        commune_code: input.commune_code,
        data: { fields: Object.keys(input.update) },
      })),
    )
    return new WorkflowResponse(seller)
  },
)
