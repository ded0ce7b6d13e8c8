import { partChecks } from "../../../../../lib/order-part-actions"
import { shipOrderPartWorkflow } from "../../../../../workflows/order-parts"
import { partAction } from "../../action"

/** The seller hands its part to the buyer or the carrier (or has it ready for pickup). */
export const POST = partAction(shipOrderPartWorkflow, partChecks.ship)
