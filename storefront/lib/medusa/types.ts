// The storefront's own shapes. Pages and components only see these, never Medusa's API types.
import type { IndicatorValue, PublicIndicatorCode } from "@coop/contracts/indicators"

export type Money = {
  /** Whole units of the currency (dong for VND). */
  amount: number
  currencyCode: string
}

export type ProductImage = {
  url: string
  alt: string
}

export type ProductVariant = {
  id: string
  title: string
  sku: string | null
  price: Money | null
  /** Whether a buyer can order it now: stock at the seller, or not stock-managed, or backorder. */
  inStock: boolean
  /** The barcode (GTIN-8/12/13/14) the seller gave, from Medusa's ean, upc or barcode. */
  gtin?: string | null
  /** Grams of one piece (the variant's weight, else the product's), for shipping prices. */
  weightGrams?: number | null
  /** Priced per kg and weighed at packing: the price is one unit at its estimated weight. */
  soldByWeight?: {
    unit: "piece" | "step"
    pricePerKg: number
    grams: number
    tolerancePct: number
  } | null
}

/** Product categories carry their English name in `metadata.name_en`; Vietnamese is `name`. */
export type LocalizedName = { vi: string; en: string }

export type Category = {
  id: string
  handle: string
  name: LocalizedName
}

/** The OCOP registry entry a product is certified under (public badge fields only). */
export type OcopBadge = {
  stars: number
  certificateNumber: string | null
  /** The certificate's last valid day (Medusa stores it as midnight in Vietnam). */
  expiresOn: Date | null
}

/** The seller as a product names it. */
export type ProductSeller = {
  id: string
  handle: string
  name: string
  communeCode: string | null
}

export type Product = {
  id: string
  handle: string
  /** Vietnamese, the shop's own language (Medusa's `title`). */
  title: string
  description: string | null
  /** What the seller wrote in English (`metadata.i18n.en`); pages pick with lib/text/localized. */
  en: { title: string | null; description: string | null }
  thumbnail: string | null
  images: ProductImage[]
  variants: ProductVariant[]
  /** The lowest variant price in the shop's region; null when no variant has one. */
  price: Money | null
  /** Whether any variant can be ordered now. */
  inStock: boolean
  seller: ProductSeller | null
  ocop: OcopBadge | null
  categories: Category[]
  /** When the product last changed (sitemap lastmod); absent when not read. */
  updatedAt?: Date | null
}

export type Region = {
  id: string
  name: string
  currencyCode: string
}

/** An approved seller's public profile (never tax code, e-mail or bank account). */
export type Seller = {
  id: string
  handle: string
  name: string
  kind: "cooperative" | "household" | null
  description: string | null
  address: string | null
  phone: string | null
  logoUrl: string | null
  commune: { code: string; name: string } | null
  province: { code: string; name: string } | null
  village: { code: string; name: string } | null
  /** Products a buyer can see. */
  productCount: number
}

/** A commune with approved sellers. */
export type Commune = {
  code: string
  name: string
  province: { code: string; name: string }
  sellers: number
}

/** One public indicator: a share (numerator of denominator) or, for flows, a count. */
export type Indicator = IndicatorValue

export { PUBLIC_INDICATORS } from "@coop/contracts/indicators"
export type IndicatorCode = PublicIndicatorCode

export type CommuneIndicators = {
  commune: { code: string; name: string; province: { code: string; name: string } }
  /** "2026-Q4". */
  quarter: string
  closedAt: Date | null
  indicators: Partial<Record<IndicatorCode, Indicator>>
}
