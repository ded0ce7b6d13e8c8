import type { MedusaResponse, MedusaStoreRequest } from "@medusajs/framework/http"
import { communesWithSellers } from "../../../lib/indicators/communes"

/** The communes that have approved sellers: code, name, province and how many sellers. */
export async function GET(req: MedusaStoreRequest, res: MedusaResponse) {
  const communes = (await communesWithSellers(req.scope))
    .filter((c) => c.approved_sellers > 0)
    .map(({ code, name, province, approved_sellers }) => ({
      code,
      name,
      province,
      sellers: approved_sellers,
    }))
  res.json({ communes, count: communes.length })
}
