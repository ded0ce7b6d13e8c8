import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { MedusaContainer } from "@medusajs/framework/types"
import { withOrderPart } from "../../../lib/order-part-actions"
import { loadOrderParts } from "../../../lib/order-parts"
import type { PartActionInput } from "../../../workflows/order-parts"
import { sellerAccess } from "../../utils/access"
import { sellerActor } from "../../utils/audit-actor"

type Part = Parameters<Parameters<typeof withOrderPart>[3]>[0]
type Workflow = (container: MedusaContainer) => {
  run: (args: { input: PartActionInput }) => Promise<unknown>
}

/**
 * A seller's action on one of its order parts (`/seller/orders/{id}/…`): checked and run under
 * the part's lock, answered with the part as it is afterwards. Another seller's part is a 404.
 */
export function partAction(
  workflow: Workflow,
  check: (part: Part, container: MedusaContainer) => void | Promise<void>,
) {
  return async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
    const access = sellerAccess(req)
    const where = { part_order_id: req.params.id, seller_id: access.sellerId }
    await withOrderPart(
      req.scope,
      where,
      sellerActor(access),
      (part) => check(part, req.scope),
      (input) => workflow(req.scope).run({ input }),
    )
    const [order] = await loadOrderParts(req.scope, where)
    res.json({ order })
  }
}
