// Every cached backend read names the tags below in its fetch's `next.tags`; the revalidation
// route (app/api/revalidate) drops them when the backend or the traceability service reports a
// change. One place, so a reader and the webhook can never disagree on a tag's spelling.
export const CACHE_TAGS = {
  /** Product lists and product pages: titles, prices, stock, images, publish state. */
  products: "products",
  /** Categories and their names. */
  categories: "categories",
  /** Sellers' public profiles (a suspended seller disappears). */
  sellers: "sellers",
  /** The OCOP registry badges shown on products. */
  ocop: "ocop",
  /** Communes' public indicators. */
  indicators: "indicators",
  /** Production batches and their events (the product page's origin section). */
  batches: "batches",
  /** Regions (rarely change). */
  regions: "regions",
} as const

export type CacheTag = (typeof CACHE_TAGS)[keyof typeof CACHE_TAGS]
