import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { extendPreorder, publicWindow } from "../../../../../lib/preorders"
import { parseInput } from "../../../../utils/validate"
import { ExtendPreorder } from "../../../validators"
import { preorderScope } from "../../scope"

/** Takes pre-orders for longer or for a larger planned quantity; reopens a closed window. */
export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const input = parseInput(ExtendPreorder, req.body)
  const window = await extendPreorder(req.scope, preorderScope(req), req.params.id!, input)
  res.json({ preorder: publicWindow(window) })
}
