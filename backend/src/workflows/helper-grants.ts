import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { type AuditActor, recordAuditStep } from "./steps/record-audit"
import { createSellerRecordStep, updateSellerRecordStep } from "./steps/seller-records"
import { setAuthAppMetadataStep } from "./steps/set-auth-app-metadata"

interface GrantInput {
  seller_id: string
  commune_code: string
  helper_id: string
  actor: AuditActor
}

/** A seller's owner lets a community tech helper act for the seller. */
export const grantHelperWorkflow = createWorkflow("grant-helper", (input: GrantInput) => {
  const grant = createSellerRecordStep(
    transform({ input }, ({ input }) => ({
      entity: "HelperGrant" as const,
      data: {
        seller_id: input.seller_id,
        helper_id: input.helper_id,
        granted_by: input.actor.actor_id,
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
  return new WorkflowResponse(grant)
})

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
