import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { communesWithSellers } from "../../../../lib/indicators/communes"

/** Every commune with sellers or indicator counts, for the indicators page's picker. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const communes = await communesWithSellers(req.scope)
  res.json({ communes, count: communes.length })
}
