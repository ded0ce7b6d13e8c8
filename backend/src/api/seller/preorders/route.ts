import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { openPreorder, publicWindow } from "../../../lib/preorders"
import { PREORDER_MODULE } from "../../../modules/preorder"
import type PreorderModuleService from "../../../modules/preorder/service"
import { parseInput } from "../../utils/validate"
import { OpenPreorder } from "../validators"
import { preorderScope } from "./scope"

/** The seller's pre-order windows, newest first. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { seller_id } = preorderScope(req)
  const windows = await req.scope
    .resolve<PreorderModuleService>(PREORDER_MODULE)
    .listPreorderWindows({ seller_id }, { order: { created_at: "DESC" }, take: 100 })
  res.json({ preorders: windows.map(publicWindow) })
}

/** Opens a pre-order for a coming harvest of one of the seller's variants. */
export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const input = parseInput(OpenPreorder, req.body)
  const window = await openPreorder(req.scope, preorderScope(req), input)
  res.status(201).json({ preorder: publicWindow(window) })
}
