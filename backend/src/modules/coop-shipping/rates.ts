/**
 * How a seller's part is shipped, and what it costs. Pure: the fulfilment provider and the seed
 * both read these.
 */

export const SHIPPING_CODES = [
  "pickup_seller",
  "pickup_village",
  "delivery_commune",
  "delivery_elsewhere",
] as const
export type ShippingCode = (typeof SHIPPING_CODES)[number]

export const isShippingCode = (value: unknown): value is ShippingCode =>
  SHIPPING_CODES.includes(value as ShippingCode)

/** Flat fee for delivery inside the seller's own commune, in whole dong. */
export const COMMUNE_DELIVERY_VND = 15000

/** A weight band: parts up to `up_to_grams` cost `amount` dong. */
export type WeightBand = { up_to_grams: number; amount: number }

/** Delivery elsewhere in Việt Nam, by the part's weight (a typical post-office tariff shape). */
export const DEFAULT_WEIGHT_BANDS: WeightBand[] = [
  { up_to_grams: 1000, amount: 25000 },
  { up_to_grams: 3000, amount: 35000 },
  { up_to_grams: 5000, amount: 45000 },
  { up_to_grams: 10000, amount: 70000 },
]
/** Past the last band, each started 5 kg adds this much. */
export const EXTRA_PER_5KG_VND = 20000

export function weightBandPrice(grams: number, bands: WeightBand[] = DEFAULT_WEIGHT_BANDS) {
  if (!Number.isFinite(grams) || grams < 0) throw new Error(`Invalid weight: ${grams} g`)
  const sorted = [...bands].sort((a, b) => a.up_to_grams - b.up_to_grams)
  const band = sorted.find((b) => grams <= b.up_to_grams)
  if (band) return band.amount
  const last = sorted[sorted.length - 1]!
  return last.amount + Math.ceil((grams - last.up_to_grams) / 5000) * EXTRA_PER_5KG_VND
}

type WeighedItem = {
  quantity: number | string | { toString(): string }
  variant?: { weight?: number | null } | null
  product?: { weight?: number | string | null } | null
}

/** Grams of a part: each item's variant weight, else its product's, times the quantity. */
export function partWeightGrams(items: WeighedItem[]) {
  return items.reduce((sum, item) => {
    const each = Number(item.variant?.weight ?? item.product?.weight ?? 0)
    return sum + each * Number(item.quantity)
  }, 0)
}

/** The options every seller offers, in the order the storefront lists them. */
export function sellerShippingOptions(seller: { village_name?: string | null }) {
  // Village names are official ("Thôn Phú Xuân"); in a sentence the word is lower case.
  const village = seller.village_name?.replace(/^Thôn /, "thôn ") ?? "thôn"
  return [
    {
      code: "pickup_seller" as const,
      name: "Nhận tại nơi bán",
      description: "Đến lấy tại hợp tác xã hoặc hộ kinh doanh (miễn phí)",
      amount: 0,
    },
    {
      code: "pickup_village" as const,
      name: `Nhận tại nhà văn hóa ${village}`,
      description: "Người bán mang đến nhà văn hóa thôn, bạn đến lấy (miễn phí)",
      amount: 0,
    },
    {
      code: "delivery_commune" as const,
      name: "Giao tận nhà trong xã",
      description: "Giao tận nơi trong xã của người bán (đồng giá)",
      amount: COMMUNE_DELIVERY_VND,
    },
    {
      code: "delivery_elsewhere" as const,
      name: "Giao ngoài xã (theo cân nặng)",
      description: "Giao qua bưu điện, giá theo cân nặng",
      amount: null,
    },
  ]
}
