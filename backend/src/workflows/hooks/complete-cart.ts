import type { MedusaContainer } from "@medusajs/framework/types"
import { StepResponse } from "@medusajs/framework/workflows-sdk"
import { completeCartWorkflow } from "@medusajs/medusa/core-flows"
import { splitOrderWorkflow } from "../split-order"
import { undoSplit } from "../undo-split"

type Hook = (
  handler: (
    input: { order_id: string; cart_id: string },
    ctx: { container: MedusaContainer },
  ) => Promise<StepResponse<unknown, unknown>>,
  compensate: (data: string[] | undefined, ctx: { container: MedusaContainer }) => Promise<void>,
) => void

/**
 * Every completed cart becomes the buyer's order plus one part per seller, inside Medusa's own
 * cart completion: under its lock on the cart, before the lock is released, whichever path
 * completes the cart (the store route or a payment webhook). If the split fails, Medusa undoes
 * the whole completion (order, reservations, payment authorisation) and the cart stays open.
 * `orderCreated` is declared by completeCartWorkflow but left out of its typed hooks.
 */
const orderCreated = (completeCartWorkflow.hooks as unknown as { orderCreated: Hook }).orderCreated

orderCreated(
  async ({ order_id }, { container }) => {
    const { result } = await splitOrderWorkflow(container).run({ input: { order_id } })
    const partOrderIds = result.parts.map((p) => p.part_order_id)
    return new StepResponse(result, partOrderIds)
  },
  async (partOrderIds, { container }) => {
    if (partOrderIds?.length) await undoSplit(container, partOrderIds)
  },
)
