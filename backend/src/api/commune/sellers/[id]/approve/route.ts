import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { changeSellerState } from "../../../../../lib/seller-queries"
import { communeAccess } from "../../../../utils/access"
import { requestActor } from "../../../../utils/audit-actor"
import { parseInput } from "../../../../utils/validate"
import { sellerAreaFilter } from "../../../area"
import { ApproveSeller } from "../../../validators"

/** The commune approves a seller: its products go on sale in the store. */
export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { reason } = parseInput(ApproveSeller, req.body)
  const seller = await changeSellerState(req.scope, {
    seller_id: req.params.id!,
    state: "approved",
    reason: reason ?? null,
    actor: requestActor(req),
    area: sellerAreaFilter(communeAccess(req)),
  })
  res.json({ seller })
}
