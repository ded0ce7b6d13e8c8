import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { partChecks, withOrderPart } from "../../../../../lib/order-part-actions"
import { loadOrderParts } from "../../../../../lib/order-parts"
import { shipOrderPartWorkflow } from "../../../../../workflows/order-parts"
import { sellerAccess } from "../../../../utils/access"
import { sellerActor } from "../../../../utils/audit-actor"

/** The seller hands its part to the buyer or the carrier (or has it ready for pickup). */
export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const access = sellerAccess(req)
  await withOrderPart(
    req.scope,
    { part_order_id: req.params.id, seller_id: access.sellerId },
    sellerActor(access),
    partChecks.ship,
    (input) => shipOrderPartWorkflow(req.scope).run({ input }),
  )
  const [order] = await loadOrderParts(req.scope, {
    part_order_id: req.params.id,
    seller_id: access.sellerId,
  })
  res.json({ order })
}
