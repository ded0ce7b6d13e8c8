// The seller's people (GET /seller/members, owner only), the helpers it granted (GET
// /seller/helpers, owner only) and its audit log (GET /seller/audit-log, any member or helper).

export type Member = { id: string; email: string; name: string; phone: string | null; role: string }
export type Invite = { id: string; email: string; expires_at: string }
export type HelperGrant = {
  grant_id: string
  granted_at: string
  /** Null until the helper accepts the grant from the mailed link; only then may it act. */
  accepted_at: string | null
  helper: { id: string; name: string; email: string; phone: string | null }
}
export type AuditEntry = {
  id: string
  actor_type: string
  actor_id: string
  on_behalf_of: string | null
  action: string
  resource_type: string
  resource_id: string | null
  created_at: string
}

export const AUDIT_PAGE_SIZE = 15

/** Audit actions the portal names in words; any other is shown as the backend wrote it. */
export const KNOWN_ACTIONS = [
  "seller.sign_up",
  "seller.update",
  "seller.approve",
  "seller.suspend",
  "seller.invite_staff",
  "seller.accept_invite",
  "seller.grant_helper",
  "seller.revoke_helper",
  "seller.submit_changes",
  "seller.approve_changes",
  "seller.reject_changes",
  "helper.accept_grant",
  "product.create",
  "product.update",
  "product.publish",
  "product.unpublish",
  "product.update_variant",
  "product.set_stock",
  "order_part.ship",
  "order_part.deliver",
  "order_part.payment_received",
  "order_part.cancel",
  "ocop_entry.create",
  "ocop_entry.update",
  "ocop_entry.delete",
] as const

export type KnownAction = (typeof KNOWN_ACTIONS)[number]

/** The message key of an action ("product.set_stock" -> "product_set_stock"), or null. */
export function actionKey(action: string): string | null {
  return (KNOWN_ACTIONS as readonly string[]).includes(action) ? action.replace(".", "_") : null
}
