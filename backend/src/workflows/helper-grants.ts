import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { sendNotificationsStep } from "@medusajs/medusa/core-flows"
import { type AuditActor, recordAuditStep } from "./steps/record-audit"
import { createSellerRecordStep, updateSellerRecordStep } from "./steps/seller-records"
import { setAuthAppMetadataStep } from "./steps/set-auth-app-metadata"

interface GrantInput {
  seller_id: string
  commune_code: string
  helper_id: string
  actor: AuditActor
}

interface NewGrantInput extends GrantInput {
  seller_name: string
  helper_email: string
  token_hash: string
  expires_at: string
  /** Carries the only copy of the token: mailed in `content`, never stored or logged. */
  accept_url: string
}

/**
 * A seller's owner offers a community tech helper to act for the seller. The grant is live only
 * once accepted with the token mailed to the helper's address (acceptHelperGrantWorkflow), so an
 * account someone registered under another person's e-mail cannot take it.
 */
export const grantHelperWorkflow = createWorkflow("grant-helper", (input: NewGrantInput) => {
  const grant = createSellerRecordStep(
    transform({ input }, ({ input }) => ({
      entity: "HelperGrant" as const,
      data: {
        seller_id: input.seller_id,
        helper_id: input.helper_id,
        granted_by: input.actor.actor_id,
        token_hash: input.token_hash,
        expires_at: input.expires_at,
      },
    })),
  )
  recordAuditStep(
    transform({ input, grant }, ({ input, grant }) => ({
      actor: input.actor,
      action: "seller.grant_helper",
      resource_type: "helper_grant",
      resource_id: grant.id,
      seller_id: input.seller_id,
      commune_code: input.commune_code,
      data: { helper_id: input.helper_id },
    })),
  )
  sendNotificationsStep(
    transform({ input }, ({ input }) => {
      const subject = `${input.seller_name} nhờ bạn hỗ trợ / ${input.seller_name} asks for your help`
      return [
        {
          to: input.helper_email,
          channel: "email",
          template: "helper-grant",
          data: { subject, seller_name: input.seller_name, expires_at: input.expires_at },
          content: {
            subject,
            text: [
              `${input.seller_name} cho phép bạn thay mặt họ trên Chợ số HTX. Đăng nhập bằng tài khoản hỗ trợ của bạn rồi mở liên kết sau để nhận (hết hạn ${input.expires_at}):`,
              `${input.seller_name} lets you act for it on Chợ số HTX. Sign in with your helper account, then open this link to accept (expires ${input.expires_at}):`,
              input.accept_url,
            ].join("\n\n"),
          },
        },
      ]
    }),
  )
  return new WorkflowResponse(grant)
})

/** The helper, signed in and holding the mailed token, accepts the grant: it becomes live. */
export const acceptHelperGrantWorkflow = createWorkflow(
  "accept-helper-grant",
  (input: GrantInput & { grant_id: string }) => {
    const grant = updateSellerRecordStep(
      transform({ input }, ({ input }) => ({
        entity: "HelperGrant" as const,
        id: input.grant_id,
        data: { accepted_at: new Date(), token_hash: null },
      })),
    )
    recordAuditStep(
      transform({ input }, ({ input }) => ({
        actor: input.actor,
        action: "helper.accept_grant",
        resource_type: "helper_grant",
        resource_id: input.grant_id,
        seller_id: input.seller_id,
        commune_code: input.commune_code,
        data: { helper_id: input.helper_id },
      })),
    )
    return new WorkflowResponse(grant)
  },
)

/** The owner withdraws a helper's permission; the grant stays as history. */
export const revokeHelperWorkflow = createWorkflow(
  "revoke-helper",
  (input: GrantInput & { grant_id: string }) => {
    const grant = updateSellerRecordStep(
      transform({ input }, ({ input }) => ({
        entity: "HelperGrant" as const,
        id: input.grant_id,
        data: { revoked_at: new Date(), revoked_by: input.actor.actor_id },
      })),
    )
    recordAuditStep(
      transform({ input }, ({ input }) => ({
        actor: input.actor,
        action: "seller.revoke_helper",
        resource_type: "helper_grant",
        resource_id: input.grant_id,
        seller_id: input.seller_id,
        commune_code: input.commune_code,
        data: { helper_id: input.helper_id },
      })),
    )
    return new WorkflowResponse(grant)
  },
)

interface SignUpHelperInput {
  auth_identity_id: string
  email: string
  name: string
  phone?: string | null
  commune_code?: string | null
}

/** A community tech helper creates their account, bound to their login. */
export const signUpHelperWorkflow = createWorkflow("sign-up-helper", (input: SignUpHelperInput) => {
  const helper = createSellerRecordStep(
    transform({ input }, ({ input }) => ({
      entity: "Helper" as const,
      data: {
        email: input.email,
        name: input.name,
        phone: input.phone ?? null,
        commune_code: input.commune_code ?? null,
      },
    })),
  )
  setAuthAppMetadataStep(
    transform({ input, helper }, ({ input, helper }) => ({
      auth_identity_id: input.auth_identity_id,
      values: { helper_id: helper.id },
    })),
  )
  recordAuditStep(
    transform({ input, helper }, ({ input, helper }) => ({
      actor: { actor_type: "helper", actor_id: helper.id },
      action: "helper.sign_up",
      resource_type: "helper",
      resource_id: helper.id,
      commune_code: input.commune_code ?? null,
    })),
  )
  return new WorkflowResponse(helper)
})
