import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AUDIT_MODULE } from "../../modules/audit"
import type AuditModuleService from "../../modules/audit/service"

/** Who did a write, and for whom; every workflow started from /seller, /commune or /admin has one. */
export interface AuditActor {
  actor_type: string
  actor_id: string
  /** The seller a helper acted for. */
  on_behalf_of?: string | null
}

export interface RecordAuditInput {
  actor: AuditActor
  action: string
  resource_type: string
  resource_id?: string | null
  seller_id?: string | null
  commune_code?: string | null
  data?: Record<string, unknown> | null
}

export const recordAuditStepId = "record-audit"

/** Appends an entry to the audit log; removed again if the workflow rolls back. */
export const recordAuditStep = createStep(
  recordAuditStepId,
  async (input: RecordAuditInput, { container }) => {
    const audit = container.resolve<AuditModuleService>(AUDIT_MODULE)
    const entry = await audit.createAuditEntries({
      actor_type: input.actor.actor_type,
      actor_id: input.actor.actor_id,
      on_behalf_of: input.actor.on_behalf_of ?? null,
      seller_id: input.seller_id ?? null,
      commune_code: input.commune_code ?? null,
      action: input.action,
      resource_type: input.resource_type,
      resource_id: input.resource_id ?? null,
      data: input.data ?? null,
    })
    return new StepResponse(entry, entry.id)
  },
  async (id, { container }) => {
    if (!id) return
    await container.resolve<AuditModuleService>(AUDIT_MODULE).deleteAuditEntries(id)
  },
)
