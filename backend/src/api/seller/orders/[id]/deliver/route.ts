import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { partChecks, withOrderPart } from "../../../../../lib/order-part-actions"
import { loadOrderParts } from "../../../../../lib/order-parts"
import { deliverOrderPartWorkflow } from "../../../../../workflows/order-parts"
import { sellerAccess } from "../../../../utils/access"
import { sellerActor } from "../../../../utils/audit-actor"

/** The buyer has the goods; cash on delivery is collected now. */
export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const access = sellerAccess(req)
  await withOrderPart(
    req.scope,
    { part_order_id: req.params.id, seller_id: access.sellerId },
    sellerActor(access),
    partChecks.deliver,
    (input) => deliverOrderPartWorkflow(req.scope).run({ input }),
  )
  const [order] = await loadOrderParts(req.scope, {
    part_order_id: req.params.id,
    seller_id: access.sellerId,
  })
  res.json({ order })
}
