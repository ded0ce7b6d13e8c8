import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { listSellersForOfficers } from "../../../lib/seller-queries"
import { communeAccess } from "../../utils/access"
import { parseInput } from "../../utils/validate"
import { sellerAreaFilter } from "../area"
import { ListSellers } from "../validators"

/** The sellers of the officer's commune (or province), newest first; filter by state or name. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { state, q, limit, offset } = parseInput(ListSellers, req.query)
  const area = sellerAreaFilter(communeAccess(req))
  res.json(await listSellersForOfficers(req.scope, { ...area, state, q }, { limit, offset }))
}
