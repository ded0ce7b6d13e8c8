import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { closePreorder, publicWindow } from "../../../../../lib/preorders"
import { preorderScope } from "../../scope"

/** Stops taking pre-orders before the planned closing time. */
export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const window = await closePreorder(req.scope, preorderScope(req), req.params.id!)
  res.json({ preorder: publicWindow(window) })
}
