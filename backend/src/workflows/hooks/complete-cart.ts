import type { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import { StepResponse } from "@medusajs/framework/workflows-sdk"
import { completeCartWorkflow } from "@medusajs/medusa/core-flows"
import { unacceptedText } from "../../lib/sold-by-weight"
import { unacceptedWeighing } from "../../lib/weight-acceptance"
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

/**
 * Produce sold by weight: the buyer must have accepted each line's tolerance. The store route
 * refuses first, with the field (api/store/weight-acceptance-guard.ts); this is the guard every
 * path passes (a payment webhook completing the cart), before the order is created.
 */
completeCartWorkflow.hooks.validate(async ({ cart }, { container }) => {
  const line = await unacceptedWeighing(container, (cart as { id: string }).id)
  if (!line) return
  const text = unacceptedText(line)
  // A MedusaError reaches the caller with its message; both languages, the hook has no request.
  throw new MedusaError(MedusaError.Types.INVALID_DATA, `${text.vi} / ${text.en}`)
})
