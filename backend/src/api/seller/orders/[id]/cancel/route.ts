import { partChecks } from "../../../../../lib/order-part-actions"
import { cancelOrderPartWorkflow } from "../../../../../workflows/order-parts"
import { partAction } from "../../action"

/** The seller cancels its part before shipping it; its payment share is cancelled or refunded. */
export const POST = partAction(cancelOrderPartWorkflow, partChecks.cancel)
