import type { Locale } from "../i18n/routing"
import { nationwideDeliveryVnd, SHIPPING_SERVICE } from "./channels/shipping"
import type { ShippingRates } from "./medusa/shipping-rates"
import type { Product, ProductVariant } from "./medusa/types"
import { productDescription, productTitle } from "./text/localized"

// schema.org Product data for search engines (https://schema.org/Product, Google's merchant
// listing: https://developers.google.com/search/docs/appearance/structured-data/merchant-listing):
// a pure function of the storefront's Product and where it is shown, tested without a page.

/**
 * The shop has no return flow: a buyer cancels a part before it ships (docs/checkout.md), and
 * fresh food is not taken back. Stated once here; change it when the platform offers returns.
 */
export const RETURN_POLICY = {
  "@type": "MerchantReturnPolicy",
  applicableCountry: "VN",
  returnPolicyCategory: "https://schema.org/MerchantReturnNotPermitted",
} as const

/** Prices change when a seller edits them; a listing promises this many days at most. */
export const PRICE_VALID_DAYS = 30

type MonetaryAmount = { "@type": "MonetaryAmount"; value: number; currency: "VND" }

type ShippingDetails = {
  "@type": "OfferShippingDetails"
  shippingLabel: string
  shippingRate: MonetaryAmount
  shippingDestination: { "@type": "DefinedRegion"; addressCountry: "VN" }
}

type SellerOrganization = { "@type": "Organization"; name: string; url?: string }

type Offer = {
  "@type": "Offer"
  url: string
  sku?: string
  gtin?: string
  name?: string
  /** Whole dong: VND has no minor unit. */
  price: number
  priceCurrency: "VND"
  priceValidUntil: string
  itemCondition: "https://schema.org/NewCondition"
  availability: "https://schema.org/InStock" | "https://schema.org/OutOfStock"
  seller?: SellerOrganization
  shippingDetails?: ShippingDetails[]
  hasMerchantReturnPolicy: typeof RETURN_POLICY
}

export type ProductJsonLd = {
  "@context": "https://schema.org"
  "@type": "Product"
  name: string
  url?: string
  description?: string
  image?: string[]
  sku?: string
  gtin?: string
  brand?: { "@type": "Brand"; name: string }
  offers?: Offer | Offer[]
}

export type JsonLdContext = {
  /** The shop's origin, "https://shop.example". */
  origin: string
  /** The page's language: the offer's URL is the product page in it. */
  locale: Locale
  now?: Date
  /** The backend's delivery tariff (GET /store/shipping-rates); without it no rate is stated. */
  shippingRates?: ShippingRates | null
}

/** The nationwide delivery of one piece (lib/channels/shipping.ts says why only that one). */
function shippingDetails(
  variant: ProductVariant,
  product: Product,
  context: JsonLdContext,
): ShippingDetails[] {
  const amount = nationwideDeliveryVnd(
    variant.weightGrams,
    product.seller?.id,
    context.shippingRates,
  )
  if (amount === null) return []
  return [
    {
      "@type": "OfferShippingDetails",
      shippingLabel: SHIPPING_SERVICE[context.locale],
      shippingRate: { "@type": "MonetaryAmount", value: amount, currency: "VND" },
      shippingDestination: { "@type": "DefinedRegion", addressCountry: "VN" },
    },
  ]
}

/** "2027-01-06": the day `days` after `now`, in Vietnam (UTC+7, no daylight saving). */
export function dayAfter(now: Date, days: number): string {
  const vietnam = new Date(now.getTime() + 7 * 3600_000 + days * 86_400_000)
  return vietnam.toISOString().slice(0, 10)
}

function sellerOrganization(product: Product, context: JsonLdContext): SellerOrganization | null {
  if (!product.seller) return null
  return {
    "@type": "Organization",
    name: product.seller.name,
    url: `${context.origin}/${context.locale}/sellers/${encodeURIComponent(product.seller.handle)}`,
  }
}

function offer(
  variant: ProductVariant,
  product: Product,
  named: boolean,
  url: string,
  context: JsonLdContext,
): Offer | null {
  if (!variant.price) return null
  const seller = sellerOrganization(product, context)
  const shipping = shippingDetails(variant, product, context)
  return {
    "@type": "Offer",
    url,
    ...(variant.sku ? { sku: variant.sku } : {}),
    ...(variant.gtin ? { gtin: variant.gtin } : {}),
    ...(named && variant.title ? { name: variant.title } : {}),
    price: variant.price.amount,
    priceCurrency: "VND",
    priceValidUntil: dayAfter(context.now ?? new Date(), PRICE_VALID_DAYS),
    itemCondition: "https://schema.org/NewCondition",
    availability: variant.inStock ? "https://schema.org/InStock" : "https://schema.org/OutOfStock",
    ...(seller ? { seller } : {}),
    ...(shipping.length ? { shippingDetails: shipping } : {}),
    hasMerchantReturnPolicy: RETURN_POLICY,
  }
}

/** One offer per priced variant; the product's sku and gtin are its only (or first) variant's. */
export function productJsonLd(product: Product, context: JsonLdContext): ProductJsonLd {
  const url = `${context.origin}/${context.locale}/products/${encodeURIComponent(product.handle)}`
  const several = product.variants.length > 1
  const offers = product.variants
    .map((variant) => offer(variant, product, several, url, context))
    .filter((o): o is Offer => o !== null)
  const sku = product.variants.find((variant) => variant.sku)?.sku
  const gtin = product.variants.find((variant) => variant.gtin)?.gtin
  // The page's language when the seller wrote the text in it, as the page's heading shows it.
  const description = productDescription(product, context.locale)
  return {
    "@context": "https://schema.org",
    "@type": "Product",
    name: productTitle(product, context.locale).text,
    url,
    ...(description ? { description: description.text } : {}),
    ...(product.images.length ? { image: product.images.map((image) => image.url) } : {}),
    ...(sku ? { sku } : {}),
    ...(gtin ? { gtin } : {}),
    // The cooperative or household that makes and sells it is the brand a buyer knows.
    ...(product.seller ? { brand: { "@type": "Brand", name: product.seller.name } } : {}),
    ...(offers.length ? { offers: offers.length === 1 ? offers[0] : offers } : {}),
  }
}

/**
 * The JSON for a `<script type="application/ld+json">`: `<` is escaped so a product text holding
 * "</script>" cannot end the script early (what Next's docs advise).
 */
export function jsonLdScript(data: object): string {
  return JSON.stringify(data).replace(/</g, "\\u003c")
}
