import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { recordAuditStep } from "./steps/record-audit"
import { createSellerRecordStep, updateSellerRecordStep } from "./steps/seller-records"
import { setAuthAppMetadataStep } from "./steps/set-auth-app-metadata"

export interface AcceptInviteInput {
  invite_id: string
  seller_id: string
  commune_code: string
  auth_identity_id: string
  email: string
  name: string
  phone?: string | null
}

/** The invited person becomes staff of the seller, bound to their new login. */
export const acceptInviteWorkflow = createWorkflow("accept-invite", (input: AcceptInviteInput) => {
  const member = createSellerRecordStep(
    transform({ input }, ({ input }) => ({
      entity: "SellerMember" as const,
      data: {
        seller_id: input.seller_id,
        email: input.email,
        name: input.name,
        phone: input.phone ?? null,
        role: "staff",
      },
    })),
  )
  updateSellerRecordStep(
    transform({ input }, ({ input }) => ({
      entity: "SellerInvite" as const,
      id: input.invite_id,
      data: { accepted_at: new Date() },
    })),
  ).config({ name: "mark-invite-accepted" })
  setAuthAppMetadataStep(
    transform({ input, member }, ({ input, member }) => ({
      auth_identity_id: input.auth_identity_id,
      values: { seller_member_id: member.id, seller_id: input.seller_id, role: "staff" },
    })),
  )
  recordAuditStep(
    transform({ input, member }, ({ input, member }) => ({
      actor: { actor_type: "seller_member", actor_id: member.id },
      action: "seller.accept_invite",
      resource_type: "seller_member",
      resource_id: member.id,
      seller_id: input.seller_id,
      commune_code: input.commune_code,
    })),
  )
  return new WorkflowResponse(member)
})
