import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { partNotFound } from "../../../../lib/order-part-actions"
import { loadOrderParts } from "../../../../lib/order-parts"
import { sellerAccess } from "../../../utils/access"

/** One of the seller's orders; another seller's looks exactly like a missing one. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const access = sellerAccess(req)
  const [order] = await loadOrderParts(req.scope, {
    part_order_id: req.params.id,
    seller_id: access.sellerId,
  })
  if (!order) throw partNotFound()
  res.json({ order })
}
