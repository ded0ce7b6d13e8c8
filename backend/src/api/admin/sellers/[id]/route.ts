import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { sellerDetail } from "../../../../lib/seller-queries"
import { sellerNotFound } from "../../../utils/errors"

export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const seller = await sellerDetail(req.scope, { id: req.params.id! })
  if (!seller) throw sellerNotFound()
  res.json({ seller })
}
