import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import {
  createQuarterSnapshotStep,
  type NewQuarterSnapshot,
  reopenQuarterSnapshotStep,
} from "./steps/quarter-snapshot"
import { type AuditActor, recordAuditStep } from "./steps/record-audit"

/** A commune officer closes a quarter: its indicators and what they counted are frozen. */
export const closeQuarterWorkflow = createWorkflow(
  "close-indicator-quarter",
  (input: { snapshot: NewQuarterSnapshot; actor: AuditActor }) => {
    const snapshot = createQuarterSnapshotStep(input.snapshot)
    recordAuditStep(
      transform({ input, snapshot }, ({ input, snapshot }) => ({
        actor: input.actor,
        action: "indicators.close_quarter",
        resource_type: "quarter_snapshot",
        resource_id: snapshot.id,
        commune_code: input.snapshot.commune_code,
        data: { quarter: input.snapshot.quarter },
      })),
    )
    return new WorkflowResponse(snapshot)
  },
)

/** An operator reopens a closed quarter, with a reason; the audit log keeps who and why. */
export const reopenQuarterWorkflow = createWorkflow(
  "reopen-indicator-quarter",
  (input: {
    id: string
    commune_code: string
    quarter: string
    reason: string
    actor: AuditActor
  }) => {
    const snapshot = reopenQuarterSnapshotStep(
      transform({ input }, ({ input }) => ({
        id: input.id,
        reopened_by: `${input.actor.actor_type}:${input.actor.actor_id}`,
        reopen_reason: input.reason,
      })),
    )
    recordAuditStep(
      transform({ input }, ({ input }) => ({
        actor: input.actor,
        action: "indicators.reopen_quarter",
        resource_type: "quarter_snapshot",
        resource_id: input.id,
        commune_code: input.commune_code,
        data: { quarter: input.quarter, reason: input.reason },
      })),
    )
    return new WorkflowResponse(snapshot)
  },
)
