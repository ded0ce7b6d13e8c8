import type { Product, ProductVariant } from "./medusa/types"

// schema.org Product data for search engines (https://schema.org/Product, Google's "Product
// snippet"): a pure function of the storefront's Product, so it is tested without a page.

type Offer = {
  "@type": "Offer"
  sku?: string
  name?: string
  /** Whole dong: VND has no minor unit. */
  price: number
  priceCurrency: "VND"
  availability: "https://schema.org/InStock" | "https://schema.org/OutOfStock"
  seller?: { "@type": "Organization"; name: string }
}

export type ProductJsonLd = {
  "@context": "https://schema.org"
  "@type": "Product"
  name: string
  description?: string
  image?: string[]
  sku?: string
  brand?: { "@type": "Brand"; name: string }
  offers?: Offer | Offer[]
}

function offer(variant: ProductVariant, product: Product, named: boolean): Offer | null {
  if (!variant.price) return null
  return {
    "@type": "Offer",
    ...(variant.sku ? { sku: variant.sku } : {}),
    ...(named && variant.title ? { name: variant.title } : {}),
    price: variant.price.amount,
    priceCurrency: "VND",
    availability: variant.inStock ? "https://schema.org/InStock" : "https://schema.org/OutOfStock",
    ...(product.seller ? { seller: { "@type": "Organization", name: product.seller.name } } : {}),
  }
}

/** One offer per priced variant; the product's sku is its only (or first) variant's. */
export function productJsonLd(product: Product): ProductJsonLd {
  const several = product.variants.length > 1
  const offers = product.variants
    .map((variant) => offer(variant, product, several))
    .filter((o): o is Offer => o !== null)
  const sku = product.variants.find((variant) => variant.sku)?.sku
  return {
    "@context": "https://schema.org",
    "@type": "Product",
    name: product.title,
    ...(product.description ? { description: product.description } : {}),
    ...(product.images.length ? { image: product.images.map((image) => image.url) } : {}),
    ...(sku ? { sku } : {}),
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
