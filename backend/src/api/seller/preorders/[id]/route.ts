import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { loadOwnWindow, publicWindow } from "../../../../lib/preorders"
import { PREORDER_MODULE } from "../../../../modules/preorder"
import type PreorderModuleService from "../../../../modules/preorder/service"
import { preorderScope } from "../scope"

/** One window with its buyers' lines in the order they were placed (the packing order). */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { seller_id } = preorderScope(req)
  const window = await loadOwnWindow(req.scope, seller_id, req.params.id!)
  const lines = await req.scope
    .resolve<PreorderModuleService>(PREORDER_MODULE)
    .listPreorderLines({ window_id: window.id }, { order: { created_at: "ASC", id: "ASC" } })
  res.json({
    preorder: publicWindow(window),
    lines: lines.map((l) => ({
      id: l.id,
      part_order_id: l.part_order_id,
      quantity: l.quantity,
      allocated_quantity: l.allocated_quantity,
      status: l.status,
      difference: l.difference,
      message: l.message,
      created_at: l.created_at,
    })),
  })
}
