import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { changeSellerState } from "../../../../../lib/seller-queries"
import { communeAccess } from "../../../../utils/access"
import { requestActor } from "../../../../utils/audit-actor"
import { parseInput } from "../../../../utils/validate"
import { sellerAreaFilter } from "../../../area"
import { SuspendSeller } from "../../../validators"

/** The commune suspends a seller, with its reason: its products leave the store at once. */
export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { reason } = parseInput(SuspendSeller, req.body)
  const seller = await changeSellerState(req.scope, {
    seller_id: req.params.id!,
    state: "suspended",
    reason,
    actor: requestActor(req),
    area: sellerAreaFilter(communeAccess(req)),
  })
  res.json({ seller })
}
