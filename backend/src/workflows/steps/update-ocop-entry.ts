import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { COMMUNE_MODULE } from "../../modules/commune"
import type CommuneModuleService from "../../modules/commune/service"
import type { OcopEntryData } from "./create-ocop-entry"

export interface UpdateOcopEntryStepInput {
  id: string
  update: Partial<OcopEntryData>
}

export const updateOcopEntryStepId = "update-ocop-entry"

/** Changes a registry entry, remembering the fields it overwrote for compensation. */
export const updateOcopEntryStep = createStep(
  updateOcopEntryStepId,
  async (input: UpdateOcopEntryStepInput, { container }) => {
    const communes = container.resolve<CommuneModuleService>(COMMUNE_MODULE)
    const before = await communes.retrieveOcopEntry(input.id)
    const previous = Object.fromEntries(
      Object.keys(input.update).map((key) => [key, before[key as keyof typeof before]]),
    ) as Partial<OcopEntryData>
    const after = await communes.updateOcopEntries({ id: input.id, ...input.update })
    return new StepResponse(after, { id: input.id, ...previous })
  },
  async (previous, { container }) => {
    if (!previous) return
    await container.resolve<CommuneModuleService>(COMMUNE_MODULE).updateOcopEntries(previous)
  },
)
