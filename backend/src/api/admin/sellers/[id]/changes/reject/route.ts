import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { reviewSellerChanges } from "../../../../../../lib/seller-queries"
import { requestActor } from "../../../../../utils/audit-actor"
import { parseInput } from "../../../../../utils/validate"
import { RejectChanges } from "../../../../validators"

/** The operator rejects a seller's pending changes anywhere, with a reason. */
export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { reason } = parseInput(RejectChanges, req.body)
  const seller = await reviewSellerChanges(req.scope, {
    seller_id: req.params.id!,
    decision: "reject",
    reason,
    actor: requestActor(req),
    area: {},
  })
  res.json({ seller })
}
