import type { HttpTypes } from "@medusajs/types"
import { medusa } from "./client"
import { callStore, StoreUnavailableError } from "./errors"
import { reshapeRegion } from "./reshape"
import type { Region } from "./types"

/** The shop sells in Vietnam, priced in dong: prices are calculated for the VND region. */
export const SHOP_CURRENCY = "vnd"

/** The region whose currency is VND. Regions change rarely, so they are cached for an hour. */
export async function getShopRegion(): Promise<Region> {
  const { regions } = await callStore("list regions", () =>
    medusa().client.fetch<HttpTypes.StoreRegionListResponse>("/store/regions", {
      query: { fields: "id,name,currency_code", limit: 50 },
      next: { revalidate: 3600, tags: ["regions"] },
    }),
  )
  const region = regions.map(reshapeRegion).find((r) => r.currencyCode === SHOP_CURRENCY)
  if (!region) {
    console.error(`[medusa] no region with currency ${SHOP_CURRENCY}: run the backend's seed`)
    throw new StoreUnavailableError(`No region with currency ${SHOP_CURRENCY}`)
  }
  return region
}
