import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { publicWindow } from "../../../lib/preorders"
import { PREORDER_MODULE } from "../../../modules/preorder"
import type PreorderModuleService from "../../../modules/preorder/service"
import { badRequest } from "../../utils/errors"

/**
 * The pre-order windows a product sells through now (open, or closed and awaiting the harvest):
 * planned quantity, how much is left, harvest and delivery dates, and the batch whose diary the
 * product page links to. `?product_id=` is required.
 */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const productId = req.query.product_id
  if (typeof productId !== "string" || !productId || productId.length > 100) {
    throw badRequest("product_id", {
      vi: 'Thiếu trường bắt buộc "product_id"',
      en: '"product_id" is required',
    })
  }
  const windows = await req.scope
    .resolve<PreorderModuleService>(PREORDER_MODULE)
    .listPreorderWindows({ product_id: productId, status: ["open", "closed"] })
  res.json({ preorders: windows.map(publicWindow) })
}
