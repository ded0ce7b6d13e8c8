import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { COMMUNE_MODULE } from "../../modules/commune"
import type CommuneModuleService from "../../modules/commune/service"

export const deleteOcopEntryStepId = "delete-ocop-entry"

/**
 * Removes an entry from the registry. Soft-deleted, so past quarterly reports that counted it
 * can still be explained; restored on rollback.
 */
export const deleteOcopEntryStep = createStep(
  deleteOcopEntryStepId,
  async (id: string, { container }) => {
    await container.resolve<CommuneModuleService>(COMMUNE_MODULE).softDeleteOcopEntries(id)
    return new StepResponse(id, id)
  },
  async (id, { container }) => {
    if (!id) return
    await container.resolve<CommuneModuleService>(COMMUNE_MODULE).restoreOcopEntries(id)
  },
)
