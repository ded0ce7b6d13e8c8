import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { reviewSellerChanges } from "../../../../../../lib/seller-queries"
import { communeAccess } from "../../../../../utils/access"
import { requestActor } from "../../../../../utils/audit-actor"
import { parseInput } from "../../../../../utils/validate"
import { sellerAreaFilter } from "../../../../area"
import { RejectChanges } from "../../../../validators"

/** The commune rejects a seller's pending changes, with the reason the owner is told. */
export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { reason } = parseInput(RejectChanges, req.body)
  const seller = await reviewSellerChanges(req.scope, {
    seller_id: req.params.id!,
    decision: "reject",
    reason,
    actor: requestActor(req),
    area: sellerAreaFilter(communeAccess(req)),
  })
  res.json({ seller })
}
