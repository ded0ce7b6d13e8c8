import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep, sendNotificationsStep } from "@medusajs/medusa/core-flows"
import type { PendingChanges } from "../lib/seller-review"
import { type AuditActor, recordAuditStep } from "./steps/record-audit"
import {
  type RepointAwaitingPayeesInput,
  repointAwaitingPayeesStep,
} from "./steps/repoint-awaiting-payees"
import { updateSellerStep } from "./steps/update-seller"

export interface ReviewSellerChangesInput {
  seller_id: string
  seller_name: string
  commune_code: string
  decision: "approve" | "reject"
  reason?: string | null
  /** What was waiting, as the reviewer decided on it. */
  pending: PendingChanges
  /** What the seller's record becomes (approvedValues, or the pending set cleared). */
  values: Record<string, unknown>
  /** The whole payee once approved, when the approval confirms one; else null. */
  payee: RepointAwaitingPayeesInput["payee"]
  /** The live values the approved ones replace, for the audit trail. */
  previous: Record<string, unknown>
  owner_emails: string[]
  actor: AuditActor
}

export const SELLER_CHANGES_REVIEWED = "seller.changes_reviewed"

/**
 * The commune officer (or an operator) approves or rejects a seller's pending changes: approved
 * values become the live ones (a payee becomes confirmed, and the seller's unpaid VietQR parts
 * pay it from now on), rejected ones are dropped. Audited, and the owners are told either way.
 */
export const reviewSellerChangesWorkflow = createWorkflow(
  "review-seller-changes",
  (input: ReviewSellerChangesInput) => {
    const seller = updateSellerStep(
      transform({ input }, ({ input }) => ({ id: input.seller_id, update: input.values })),
    )
    const repointed = repointAwaitingPayeesStep(
      transform({ input }, ({ input }) => ({ seller_id: input.seller_id, payee: input.payee })),
    )
    recordAuditStep(
      transform({ input, repointed }, ({ input, repointed }) => ({
        actor: input.actor,
        action: input.decision === "approve" ? "seller.approve_changes" : "seller.reject_changes",
        resource_type: "seller",
        resource_id: input.seller_id,
        seller_id: input.seller_id,
        commune_code: input.commune_code,
        data: {
          changes: input.pending,
          ...(input.decision === "approve" ? { previous: input.previous } : {}),
          ...(input.reason ? { reason: input.reason } : {}),
          ...(repointed.length ? { repointed_parts: repointed } : {}),
        },
      })),
    )
    sendNotificationsStep(
      transform({ input }, ({ input }) =>
        input.owner_emails.map((to) => ({
          to,
          channel: "email",
          template:
            input.decision === "approve" ? "seller-changes-approved" : "seller-changes-rejected",
          resource_type: "seller",
          resource_id: input.seller_id,
          data: {
            subject:
              input.decision === "approve"
                ? `${input.seller_name}: xã đã duyệt thay đổi / the commune approved the changes`
                : `${input.seller_name}: xã từ chối thay đổi / the commune rejected the changes`,
            seller_name: input.seller_name,
            fields: Object.keys(input.pending),
            reason: input.reason ?? null,
          },
        })),
      ),
    )
    emitEventStep({
      eventName: SELLER_CHANGES_REVIEWED,
      data: transform({ input }, ({ input }) => ({ id: input.seller_id })),
    })
    return new WorkflowResponse(seller)
  },
)
