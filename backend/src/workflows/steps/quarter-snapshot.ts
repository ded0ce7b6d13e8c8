import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { INDICATORS_MODULE } from "../../modules/indicators"
import type IndicatorsModuleService from "../../modules/indicators/service"

export interface NewQuarterSnapshot {
  commune_code: string
  province_code: string
  quarter: string
  indicators: Record<string, unknown>
  closed_by: string
}

/** Freezes a commune's quarter; deleted again on rollback. */
export const createQuarterSnapshotStep = createStep(
  "create-quarter-snapshot",
  async (input: NewQuarterSnapshot, { container }) => {
    const indicators = container.resolve<IndicatorsModuleService>(INDICATORS_MODULE)
    const snapshot = await indicators.createQuarterSnapshots({ ...input, closed_at: new Date() })
    return new StepResponse(snapshot, snapshot.id)
  },
  async (id, { container }) => {
    if (!id) return
    await container.resolve<IndicatorsModuleService>(INDICATORS_MODULE).deleteQuarterSnapshots(id)
  },
)

export interface ReopenQuarterInput {
  id: string
  reopened_by: string
  reopen_reason: string
}

/** Marks a closed quarter reopened; closed again on rollback. */
export const reopenQuarterSnapshotStep = createStep(
  "reopen-quarter-snapshot",
  async (input: ReopenQuarterInput, { container }) => {
    const indicators = container.resolve<IndicatorsModuleService>(INDICATORS_MODULE)
    const snapshot = await indicators.updateQuarterSnapshots({ ...input, reopened_at: new Date() })
    return new StepResponse(snapshot, input.id)
  },
  async (id, { container }) => {
    if (!id) return
    await container.resolve<IndicatorsModuleService>(INDICATORS_MODULE).updateQuarterSnapshots({
      id,
      reopened_at: null,
      reopened_by: null,
      reopen_reason: null,
    })
  },
)
