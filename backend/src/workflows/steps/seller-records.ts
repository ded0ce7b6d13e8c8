import type { MedusaContainer } from "@medusajs/framework/types"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { SELLER_MODULE } from "../../modules/seller"
import type SellerModuleService from "../../modules/seller/service"

type Entity = "SellerInvite" | "SellerMember" | "Helper" | "HelperGrant"

type Service = Record<string, (...args: unknown[]) => Promise<unknown>>

// Must stay: the step calls the entity's generated methods by name (`create${entity}s`), which
// MedusaService declares one by one, not as an index.
const records = (container: MedusaContainer) =>
  container.resolve<SellerModuleService>(SELLER_MODULE) as unknown as Service

export const createSellerRecordStepId = "create-seller-record"

/** Creates one record in the seller module; deleted again on rollback. */
export const createSellerRecordStep = createStep(
  createSellerRecordStepId,
  async (input: { entity: Entity; data: Record<string, unknown> }, { container }) => {
    const service = records(container)
    const created = (await service[`create${input.entity}s`]!(input.data)) as { id: string }
    return new StepResponse(created as Record<string, unknown> & { id: string }, {
      entity: input.entity,
      id: created.id,
    })
  },
  async (created, { container }) => {
    if (!created) return
    await records(container)[`delete${created.entity}s`]!(created.id)
  },
)

export const updateSellerRecordStepId = "update-seller-record"

/** Updates one record in the seller module; the old values come back on rollback. */
export const updateSellerRecordStep = createStep(
  updateSellerRecordStepId,
  async (input: { entity: Entity; id: string; data: Record<string, unknown> }, { container }) => {
    const service = records(container)
    const before = (await service[`retrieve${input.entity}`]!(input.id)) as Record<string, unknown>
    const previous: Record<string, unknown> = { id: input.id }
    for (const key of Object.keys(input.data)) previous[key] = before[key] ?? null
    const updated = await service[`update${input.entity}s`]!({ id: input.id, ...input.data })
    return new StepResponse(updated as Record<string, unknown>, { entity: input.entity, previous })
  },
  async (undo, { container }) => {
    if (!undo) return
    await records(container)[`update${undo.entity}s`]!(undo.previous)
  },
)
