import type { ShippingRates, WeightBand } from "../medusa/shipping-rates"

// What delivering one piece of a product anywhere in Việt Nam costs, for search engines and
// feeds (schema.org shippingDetails, Google's g:shipping), from the backend's own tariff
// (GET /store/shipping-rates, the bands its fulfilment provider charges at checkout; a seller's
// own bands when it has them).
//
// Every seller also offers free pickup and a flat delivery inside its own commune. Neither is
// stated to search engines: Google reads a rate as valid for the whole region named, and no
// region code names one commune, so only the nationwide rate is true everywhere it applies.

/** Delivery elsewhere in Việt Nam for a part of this many grams, in whole dong. */
export function deliveryElsewhereVnd(
  grams: number,
  bands: WeightBand[],
  extraPer5kg: number,
): number {
  const band = bands.find((b) => grams <= b.upToGrams)
  if (band) return band.amount
  const last = bands[bands.length - 1]!
  return last.amount + Math.ceil((grams - last.upToGrams) / 5000) * extraPer5kg
}

/**
 * One piece delivered anywhere in the country by this seller; null when the weight or the
 * tariff is unknown (no honest price).
 */
export function nationwideDeliveryVnd(
  weightGrams: number | null | undefined,
  sellerId: string | null | undefined,
  rates: ShippingRates | null | undefined,
): number | null {
  if (!rates || !weightGrams || weightGrams <= 0) return null
  const bands = (sellerId && rates.sellerBands[sellerId]) || rates.weightBands
  if (bands.length === 0) return null
  return deliveryElsewhereVnd(weightGrams, bands, rates.extraPer5kg)
}

export const SHIPPING_SERVICE = {
  vi: "Giao ngoài xã (theo cân nặng)",
  en: "Delivery elsewhere (by weight)",
} as const
