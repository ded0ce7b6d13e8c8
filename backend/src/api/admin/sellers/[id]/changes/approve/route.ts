import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { reviewSellerChanges } from "../../../../../../lib/seller-queries"
import { requestActor } from "../../../../../utils/audit-actor"
import { parseInput } from "../../../../../utils/validate"
import { ApproveChanges } from "../../../../validators"

/** The operator approves a seller's pending changes anywhere. */
export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { reason } = parseInput(ApproveChanges, req.body)
  const seller = await reviewSellerChanges(req.scope, {
    seller_id: req.params.id!,
    decision: "approve",
    reason: reason ?? null,
    actor: requestActor(req),
    area: {},
  })
  res.json({ seller })
}
