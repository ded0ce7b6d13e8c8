import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { cancelPreorder, publicWindow } from "../../../../../lib/preorders"
import { parseInput } from "../../../../utils/validate"
import { CancelPreorder } from "../../../validators"
import { preorderScope } from "../../scope"

/** Cancels an unharvested window with a reason; every buyer's pre-order is cancelled and refunded. */
export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { reason } = parseInput(CancelPreorder, req.body)
  const window = await cancelPreorder(req.scope, preorderScope(req), req.params.id!, reason)
  res.json({ preorder: publicWindow(window) })
}
