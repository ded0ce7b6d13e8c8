import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { changeSellerState } from "../../../../../lib/seller-queries"
import { requestActor } from "../../../../utils/audit-actor"
import { parseInput } from "../../../../utils/validate"
import { SuspendSeller } from "../../../validators"

/** The operator suspends a seller, with its reason: its products leave the store at once. */
export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { reason } = parseInput(SuspendSeller, req.body)
  const seller = await changeSellerState(req.scope, {
    seller_id: req.params.id!,
    state: "suspended",
    reason,
    actor: requestActor(req),
    area: {},
  })
  res.json({ seller })
}
