import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { harvestPreorder, publicWindow } from "../../../../../lib/preorders"
import { parseInput } from "../../../../utils/validate"
import { HarvestPreorder } from "../../../validators"
import { preorderScope } from "../../scope"

/**
 * The harvest is in (recorded as the batch's harvest event in traceability, whose quantity is
 * read here): the pre-orders become parts to pack, in the order they were placed; when it
 * falls short, each buyer's part is cut to its allocation (first-come or pro-rata) and the
 * difference refunded or no longer owed.
 */
export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const input = parseInput(HarvestPreorder, req.body ?? {})
  const window = await harvestPreorder(req.scope, preorderScope(req), req.params.id!, input)
  res.json({ preorder: publicWindow(window) })
}
