import { partChecks, requirePreorderSettled } from "../../../../../lib/order-part-actions"
import { shipOrderPartWorkflow } from "../../../../../workflows/order-parts"
import { partAction } from "../../action"

/**
 * The seller hands its part to the buyer or the carrier (or has it ready for pickup); a
 * pre-ordered part only once its harvest is recorded and its share settled.
 */
export const POST = partAction(shipOrderPartWorkflow, async (part, container) => {
  partChecks.ship(part)
  await requirePreorderSettled(container, part)
})
