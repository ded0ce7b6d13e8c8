import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { sellerDetail } from "../../../../lib/seller-queries"
import { communeAccess } from "../../../utils/access"
import { sellerAreaFilter, sellerNotFound } from "../../area"

/** One seller of the officer's area with its products; a seller elsewhere is a 404. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const area = sellerAreaFilter(communeAccess(req))
  const seller = await sellerDetail(req.scope, { id: req.params.id!, ...area })
  if (!seller) throw sellerNotFound()
  res.json({ seller })
}
