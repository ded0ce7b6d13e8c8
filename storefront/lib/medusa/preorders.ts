import type { PreorderWindow } from "@coop/contracts/preorders"
import { CACHE_TAGS } from "../cache-tags"
import { medusa } from "./client"
import { callStore } from "./errors"

/** A harvest pre-order a product sells through: dates as the seller wrote them (YYYY-MM-DD). */
export type Preorder = {
  id: string
  variantId: string
  batchId: string
  status: "open" | "closed"
  planned: number
  left: number
  perBuyerCap: number | null
  depositPercent: number | null
  expectedHarvestOn: string
  deliveryFrom: string
  deliveryTo: string | null
}

/** The store's answer: the contract's window, only open or closed ones. */
type ApiPreorder = Omit<PreorderWindow, "status"> & { status: "open" | "closed" }

export function reshapePreorder(p: ApiPreorder): Preorder {
  return {
    id: p.id,
    variantId: p.variant_id,
    batchId: p.batch_id,
    status: p.status,
    planned: p.planned_quantity,
    left: p.left,
    perBuyerCap: p.per_buyer_cap,
    depositPercent: p.deposit_percent,
    expectedHarvestOn: p.expected_harvest_on,
    deliveryFrom: p.delivery_from,
    deliveryTo: p.delivery_to,
  }
}

// How much is left changes with every order: a short life, and the products tag drops it too.
const PREORDERS_CACHE = { revalidate: 15, tags: [CACHE_TAGS.products] }

/** The product's pre-order (open, or closed and awaiting its harvest); null when it has none. */
export async function getProductPreorder(productId: string): Promise<Preorder | null> {
  const { preorders } = await callStore(`pre-orders of ${productId}`, () =>
    medusa().client.fetch<{ preorders: ApiPreorder[] }>("/store/preorders", {
      query: { product_id: productId },
      next: PREORDERS_CACHE,
    }),
  )
  return preorders[0] ? reshapePreorder(preorders[0]) : null
}
