import { CACHE_TAGS } from "../cache-tags"
import { medusa } from "./client"
import { callStore } from "./errors"

// What delivery costs, as the backend's fulfilment provider charges it (GET /store/shipping-rates).
// Tariffs change rarely and only by an operator: an hour is fresh enough, and the "sellers" tag
// drops it with the sellers' profiles.
const RATES_CACHE = { revalidate: 3600, tags: [CACHE_TAGS.sellers] }

export type WeightBand = { upToGrams: number; amount: number }

export type ShippingRates = {
  /** Flat fee inside the seller's own commune, whole dong. */
  communeDelivery: number
  /** "Delivery elsewhere" bands every seller starts with, lightest first. */
  weightBands: WeightBand[]
  /** Past the last band, each started 5 kg adds this much. */
  extraPer5kg: number
  /** Sellers whose own option has other bands, by seller id. */
  sellerBands: Record<string, WeightBand[]>
}

type ApiBand = { up_to_grams: number; amount: number }
type ApiRates = {
  commune_delivery: number
  weight_bands: ApiBand[]
  extra_per_5kg: number
  seller_bands: Record<string, ApiBand[]>
}

const band = (b: ApiBand): WeightBand => ({ upToGrams: b.up_to_grams, amount: b.amount })

export function reshapeShippingRates(api: ApiRates): ShippingRates {
  return {
    communeDelivery: api.commune_delivery,
    weightBands: api.weight_bands.map(band),
    extraPer5kg: api.extra_per_5kg,
    sellerBands: Object.fromEntries(
      Object.entries(api.seller_bands ?? {}).map(([id, bands]) => [id, bands.map(band)]),
    ),
  }
}

export async function getShippingRates(): Promise<ShippingRates> {
  const api = await callStore("get shipping rates", () =>
    medusa().client.fetch<ApiRates>("/store/shipping-rates", { next: RATES_CACHE }),
  )
  return reshapeShippingRates(api)
}
