import {
  createWorkflow,
  transform,
  WorkflowResponse,
  when,
} from "@medusajs/framework/workflows-sdk"
import { sendNotificationsStep } from "@medusajs/medusa/core-flows"
import type { PendingChanges } from "../lib/seller-review"
import { type AuditActor, recordAuditStep } from "./steps/record-audit"
import { updateSellerStep } from "./steps/update-seller"

export interface UpdateSellerProfileInput {
  seller_id: string
  seller_name: string
  commune_code: string
  /** Fields that apply at once (description, logo, e-mail, ...). */
  direct: Record<string, unknown>
  /** Reviewed fields this request changes; they wait for the commune. */
  changed: PendingChanges
  /** Everything waiting for review after this request, or null when nothing is. */
  pending: PendingChanges | null
  /** Whether the seller had changes waiting before this request. */
  had_pending: boolean
  /** Tax code or invoice series this request changes, with their new values (for the audit). */
  invoice_fields?: Record<string, string | null>
  /** The owners, told of every change that waits for review. */
  owner_emails: string[]
  actor: AuditActor
}

/**
 * A member (or a helper for it) edits the seller's profile. Public name, address, phone and the
 * payee do not change here: they wait in `pending_changes` for the commune's review
 * (src/lib/seller-review.ts), and the owners are told.
 */
export const updateSellerProfileWorkflow = createWorkflow(
  "update-seller-profile",
  (input: UpdateSellerProfileInput) => {
    const seller = updateSellerStep(
      transform({ input }, ({ input }) => {
        const update: Record<string, unknown> = { ...input.direct }
        if (Object.keys(input.changed).length || (input.had_pending && !input.pending)) {
          update.pending_changes = input.pending
          update.pending_changes_at = input.pending ? new Date() : null
          update.pending_changes_by = input.pending
            ? `${input.actor.actor_type}:${input.actor.actor_id}`
            : null
        }
        return { id: input.seller_id, update }
      }),
    )
    recordAuditStep(
      transform({ input }, ({ input }) => ({
        actor: input.actor,
        action: Object.keys(input.changed).length ? "seller.submit_changes" : "seller.update",
        resource_type: "seller",
        resource_id: input.seller_id,
        seller_id: input.seller_id,
        commune_code: input.commune_code,
        data: {
          fields: Object.keys(input.direct),
          // The submitted values themselves: the trail a payee dispute is settled from.
          ...(Object.keys(input.changed).length ? { submitted: input.changed } : {}),
          // The tax code and series printed on invoices: who set which value, and when.
          ...(Object.keys(input.invoice_fields ?? {}).length
            ? { invoice_fields: input.invoice_fields }
            : {}),
        },
      })),
    )
    when({ input }, ({ input }) => Object.keys(input.changed).length > 0).then(() => {
      sendNotificationsStep(
        transform({ input }, ({ input }) =>
          input.owner_emails.map((to) => ({
            to,
            channel: "email",
            template: "seller-changes-submitted",
            resource_type: "seller",
            resource_id: input.seller_id,
            data: {
              subject: `${input.seller_name}: thay đổi chờ xã duyệt / changes awaiting the commune's review`,
              seller_name: input.seller_name,
              fields: Object.keys(input.changed),
              by: `${input.actor.actor_type}:${input.actor.actor_id}`,
            },
          })),
        ),
      )
    })
    return new WorkflowResponse(seller)
  },
)
