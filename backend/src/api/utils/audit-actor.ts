import type { AuthenticatedMedusaRequest } from "@medusajs/framework/http"
import type { AuditActor } from "../../workflows/steps/record-audit"
import type { SellerAccess } from "./access"

/** The audit log's "who" for a seller-portal request: a helper is recorded as acting for the seller. */
export const sellerActor = (access: SellerAccess): AuditActor => ({
  actor_type: access.actorType,
  actor_id: access.actorId,
  on_behalf_of: access.onBehalfOf,
})

export const requestActor = (req: AuthenticatedMedusaRequest): AuditActor => ({
  actor_type: req.auth_context.actor_type,
  actor_id: req.auth_context.actor_id,
  on_behalf_of: null,
})
