import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import { IndicatorSourceEvents } from "../lib/indicators/events"
import { createOcopEntryStep, type OcopEntryData } from "./steps/create-ocop-entry"
import { deleteOcopEntryStep } from "./steps/delete-ocop-entry"
import { type AuditActor, recordAuditStep } from "./steps/record-audit"
import { updateOcopEntryStep } from "./steps/update-ocop-entry"

// The routes check the entry against the officer's commune, the seller and its products before
// running these; the workflows make the write and its audit entry happen together or not at all.

export interface CreateOcopEntryInput {
  entry: OcopEntryData
  actor: AuditActor
}

/** A commune officer registers an OCOP-certified product. */
export const createOcopEntryWorkflow = createWorkflow(
  "create-ocop-entry",
  (input: CreateOcopEntryInput) => {
    const entry = createOcopEntryStep(transform({ input }, ({ input }) => input.entry))
    recordAuditStep(
      transform({ input, entry }, ({ input, entry }) => ({
        actor: input.actor,
        action: "ocop_entry.create",
        resource_type: "ocop_entry",
        resource_id: entry.id,
        seller_id: entry.seller_id,
        commune_code: entry.commune_code,
        data: {
          certificate_number: entry.certificate_number,
          stars: entry.stars,
          product_id: entry.product_id,
        },
      })),
    )
    emitEventStep({
      eventName: IndicatorSourceEvents.OCOP_ENTRY_CHANGED,
      data: transform({ entry }, ({ entry }) => ({ id: entry.id })),
    })
    return new WorkflowResponse(entry)
  },
)

export interface UpdateOcopEntryInput {
  id: string
  update: Partial<OcopEntryData>
  actor: AuditActor
}

/** A commune officer corrects or renews a registry entry. */
export const updateOcopEntryWorkflow = createWorkflow(
  "update-ocop-entry",
  (input: UpdateOcopEntryInput) => {
    const entry = updateOcopEntryStep(
      transform({ input }, ({ input }) => ({ id: input.id, update: input.update })),
    )
    recordAuditStep(
      transform({ input, entry }, ({ input, entry }) => ({
        actor: input.actor,
        action: "ocop_entry.update",
        resource_type: "ocop_entry",
        resource_id: input.id,
        seller_id: entry.seller_id,
        commune_code: entry.commune_code,
        data: { changed: input.update },
      })),
    )
    emitEventStep({
      eventName: IndicatorSourceEvents.OCOP_ENTRY_CHANGED,
      data: transform({ entry }, ({ entry }) => ({ id: entry.id })),
    })
    return new WorkflowResponse(entry)
  },
)

export interface DeleteOcopEntryInput {
  id: string
  seller_id: string
  commune_code: string
  certificate_number: string
  actor: AuditActor
}

/** A commune officer takes an entry off the registry (withdrawn or entered by mistake). */
export const deleteOcopEntryWorkflow = createWorkflow(
  "delete-ocop-entry",
  (input: DeleteOcopEntryInput) => {
    const id = deleteOcopEntryStep(transform({ input }, ({ input }) => input.id))
    recordAuditStep(
      transform({ input }, ({ input }) => ({
        actor: input.actor,
        action: "ocop_entry.delete",
        resource_type: "ocop_entry",
        resource_id: input.id,
        seller_id: input.seller_id,
        commune_code: input.commune_code,
        data: { certificate_number: input.certificate_number },
      })),
    )
    emitEventStep({
      eventName: IndicatorSourceEvents.OCOP_ENTRY_CHANGED,
      data: transform({ id }, ({ id }) => ({ id })),
    })
    return new WorkflowResponse(id)
  },
)
