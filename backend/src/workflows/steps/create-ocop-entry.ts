import type { IssuingLevel, OcopGroup } from "@coop/contracts/ocop"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { COMMUNE_MODULE } from "../../modules/commune"
import type CommuneModuleService from "../../modules/commune/service"

export interface OcopEntryData {
  commune_code: string
  seller_id: string
  product_name: string
  group: OcopGroup
  stars: number
  certificate_number: string
  decision_number: string | null
  issuing_level: IssuingLevel
  issued_on: Date
  expires_on: Date
  product_id: string | null
}

export const createOcopEntryStepId = "create-ocop-entry"

/** Adds an entry to a commune's OCOP registry; deleted again on rollback. */
export const createOcopEntryStep = createStep(
  createOcopEntryStepId,
  async (input: OcopEntryData, { container }) => {
    const communes = container.resolve<CommuneModuleService>(COMMUNE_MODULE)
    const entry = await communes.createOcopEntries(input)
    return new StepResponse(entry, entry.id)
  },
  async (id, { container }) => {
    if (!id) return
    await container.resolve<CommuneModuleService>(COMMUNE_MODULE).deleteOcopEntries(id)
  },
)
