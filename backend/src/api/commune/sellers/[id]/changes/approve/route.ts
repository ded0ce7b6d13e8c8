import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { reviewSellerChanges } from "../../../../../../lib/seller-queries"
import { communeAccess } from "../../../../../utils/access"
import { requestActor } from "../../../../../utils/audit-actor"
import { parseInput } from "../../../../../utils/validate"
import { sellerAreaFilter } from "../../../../area"
import { ApproveChanges } from "../../../../validators"

/** The commune approves a seller's pending changes: its new name, address, phone or payee go live. */
export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { reason } = parseInput(ApproveChanges, req.body)
  const seller = await reviewSellerChanges(req.scope, {
    seller_id: req.params.id!,
    decision: "approve",
    reason: reason ?? null,
    actor: requestActor(req),
    area: sellerAreaFilter(communeAccess(req)),
  })
  res.json({ seller })
}
