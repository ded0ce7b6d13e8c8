import type { Locale } from "../../i18n/routing"
import type { ShippingRates } from "../medusa/shipping-rates"
import type { Product, ProductVariant } from "../medusa/types"
import { nationwideDeliveryVnd } from "./shipping"

// One row of a product feed per priced variant, as Google and Meta count items: what every feed
// builder reads, so the three feeds can never disagree on a price, a link or a stock state.

export type FeedItem = {
  /** The variant's SKU when it has one (stable across re-imports), else its Medusa id. */
  id: string
  /** The product's id: Google's item_group_id when a product has several variants. */
  groupId: string | null
  productId: string
  variantId: string
  title: string
  description: string
  link: string
  imageLink: string | null
  additionalImageLinks: string[]
  inStock: boolean
  /** Whole dong. */
  price: number
  brand: string
  sellerHandle: string
  gtin: string | null
  sku: string | null
  weightGrams: number | null
  /** One piece delivered anywhere in Việt Nam by its seller, whole dong; null when unknown. */
  shippingVnd: number | null
}

function itemTitle(product: Product, variant: ProductVariant, several: boolean): string {
  return several && variant.title ? `${product.title} - ${variant.title}` : product.title
}

export type FeedOptions = {
  /** The language the items link to. */
  locale?: Locale
  /** The backend's delivery tariff; without it no shipping price is stated. */
  rates?: ShippingRates | null
}

/** The feed's items: priced variants of products with a seller, linked in `locale`. */
export function feedItems(
  products: Product[],
  origin: string,
  { locale = "vi", rates = null }: FeedOptions = {},
): FeedItem[] {
  return products.flatMap((product) => {
    const seller = product.seller
    if (!seller) return []
    const several = product.variants.length > 1
    const link = `${origin}/${locale}/products/${encodeURIComponent(product.handle)}`
    const [image, ...more] = product.images.map((i) => i.url)
    return product.variants.flatMap((variant): FeedItem[] => {
      if (variant.price?.currencyCode !== "vnd") return []
      return [
        {
          id: variant.sku ?? variant.id,
          groupId: several ? product.id : null,
          productId: product.id,
          variantId: variant.id,
          title: itemTitle(product, variant, several),
          description: product.description ?? product.title,
          link,
          imageLink: image ?? product.thumbnail,
          additionalImageLinks: more.slice(0, 10),
          inStock: variant.inStock,
          price: variant.price.amount,
          brand: seller.name,
          sellerHandle: seller.handle,
          gtin: variant.gtin ?? null,
          sku: variant.sku,
          weightGrams: variant.weightGrams ?? null,
          shippingVnd: nationwideDeliveryVnd(variant.weightGrams, seller.id, rates),
        },
      ]
    })
  })
}
