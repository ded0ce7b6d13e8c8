import { partChecks } from "../../../../../lib/order-part-actions"
import { acceptWeighingWorkflow } from "../../../../../workflows/weigh-order-part"
import { partAction } from "../../action"

/**
 * The buyer agreed to a weighed amount beyond the tolerance (the seller called them): the
 * money is settled and the part can ship. Otherwise the seller cancels the part.
 */
export const POST = partAction(acceptWeighingWorkflow, partChecks.acceptWeighing)
