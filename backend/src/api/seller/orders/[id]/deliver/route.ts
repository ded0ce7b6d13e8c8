import { partChecks } from "../../../../../lib/order-part-actions"
import { deliverOrderPartWorkflow } from "../../../../../workflows/order-parts"
import { partAction } from "../../action"

/** The buyer has the goods; cash on delivery is collected now. */
export const POST = partAction(deliverOrderPartWorkflow, partChecks.deliver)
