import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { listSellersForOfficers } from "../../../lib/seller-queries"
import { parseInput } from "../../utils/validate"
import { AdminListSellers } from "../validators"

/** Every seller of the platform, newest first; filter by state, commune or name. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { limit, offset, ...filters } = parseInput(AdminListSellers, req.query)
  res.json(await listSellersForOfficers(req.scope, filters, { limit, offset }))
}
