// What delivering one piece of a product anywhere in Việt Nam costs, for search engines and
// feeds (schema.org shippingDetails, Google's g:shipping). The same numbers as the backend's
// fulfilment provider (backend/src/modules/coop-shipping/rates.ts, docs/checkout.md "Shipping per
// seller"); keep the two in step until the store API lists a seller's rates.
//
// Every seller also offers free pickup and a flat 15.000 ₫ delivery inside its own commune.
// Neither is stated to search engines: Google reads a rate as valid for the whole region named,
// and no region code names one commune, so only the nationwide rate is true everywhere it applies.

const WEIGHT_BANDS = [
  { upToGrams: 1000, amount: 25000 },
  { upToGrams: 3000, amount: 35000 },
  { upToGrams: 5000, amount: 45000 },
  { upToGrams: 10000, amount: 70000 },
]
const EXTRA_PER_5KG_VND = 20000

/** Delivery elsewhere in Việt Nam for a part of this many grams, in whole dong. */
export function deliveryElsewhereVnd(grams: number): number {
  const band = WEIGHT_BANDS.find((b) => grams <= b.upToGrams)
  if (band) return band.amount
  const last = WEIGHT_BANDS[WEIGHT_BANDS.length - 1]
  return last.amount + Math.ceil((grams - last.upToGrams) / 5000) * EXTRA_PER_5KG_VND
}

/** One piece delivered anywhere in the country; null when its weight is unknown (no honest price). */
export function nationwideDeliveryVnd(weightGrams: number | null | undefined): number | null {
  return weightGrams && weightGrams > 0 ? deliveryElsewhereVnd(weightGrams) : null
}

export const SHIPPING_SERVICE = {
  vi: "Giao ngoài xã (theo cân nặng)",
  en: "Delivery elsewhere (by weight)",
} as const
