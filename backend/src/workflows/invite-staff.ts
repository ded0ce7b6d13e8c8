import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { sendNotificationsStep } from "@medusajs/medusa/core-flows"
import { type AuditActor, recordAuditStep } from "./steps/record-audit"
import { createSellerRecordStep } from "./steps/seller-records"

export interface InviteStaffInput {
  seller_id: string
  seller_name: string
  commune_code: string
  email: string
  token_hash: string
  accept_url: string
  expires_at: string
  actor: AuditActor
}

/** The owner invites a person by email; the mail carries the only copy of the invitation token. */
export const inviteStaffWorkflow = createWorkflow("invite-staff", (input: InviteStaffInput) => {
  const invite = createSellerRecordStep(
    transform({ input }, ({ input }) => ({
      entity: "SellerInvite" as const,
      data: {
        seller_id: input.seller_id,
        email: input.email,
        token_hash: input.token_hash,
        expires_at: input.expires_at,
        invited_by: input.actor.actor_id,
      },
    })),
  )
  recordAuditStep(
    transform({ input, invite }, ({ input, invite }) => ({
      actor: input.actor,
      action: "seller.invite_staff",
      resource_type: "seller_invite",
      resource_id: invite.id,
      seller_id: input.seller_id,
      commune_code: input.commune_code,
      data: { email: input.email },
    })),
  )
  // Last, so a failed write never leaves a mail pointing at an invitation that does not exist.
  // The link (the only copy of the token) goes in `content`, which the provider renders and
  // Medusa never stores; `data`, stored with the notification, holds nothing usable.
  sendNotificationsStep(
    transform({ input }, ({ input }) => {
      const subject = `Lời mời tham gia ${input.seller_name} / Invitation to join ${input.seller_name}`
      return [
        {
          to: input.email,
          channel: "email",
          template: "seller-invite",
          data: { subject, seller_name: input.seller_name, expires_at: input.expires_at },
          content: {
            subject,
            text: [
              `${input.seller_name} mời bạn tham gia bán hàng trên Chợ số HTX. Mở liên kết sau để nhận lời mời (hết hạn ${input.expires_at}):`,
              `${input.seller_name} invites you to sell on Chợ số HTX. Open this link to accept (expires ${input.expires_at}):`,
              input.accept_url,
            ].join("\n\n"),
          },
        },
      ]
    }),
  )
  return new WorkflowResponse(invite)
})
