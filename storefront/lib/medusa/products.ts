import type { HttpTypes } from "@medusajs/types"
import { CACHE_TAGS } from "../cache-tags"
import { medusa } from "./client"
import { callStore } from "./errors"
import { getShopRegion } from "./regions"
import { type ApiProduct, reshapeProduct, reshapeProducts } from "./reshape"
import type { Product } from "./types"

// Cached in Next's data cache: the HTML is rendered per request, the catalogue is not fetched
// per request. A product carries its seller's name and its OCOP badge, so a change to either
// tag drops it too. Changes show within a minute, or at once when a tag is revalidated.
export const PRODUCTS_CACHE = {
  revalidate: 60,
  tags: [CACHE_TAGS.products, CACHE_TAGS.sellers, CACHE_TAGS.ocop, CACHE_TAGS.categories],
}

// Stock needs the publishable key's sales channel (sent by the client); `+seller.*` is rewritten
// by the backend into the seller's public fields only.
export const PRODUCT_FIELDS = [
  "*variants.calculated_price",
  "+variants.inventory_quantity",
  "+variants.manage_inventory",
  "+variants.allow_backorder",
  "+variants.sku",
  // The seller's English texts (metadata.i18n.en).
  "+metadata",
  "+variants.ean",
  "+variants.upc",
  "+variants.barcode",
  "+variants.weight",
  // Produce priced per kg (metadata.sold_by_weight).
  "+variants.metadata",
  "+weight",
  "+updated_at",
  "+seller.*",
  "+ocop_entry.*",
  "*categories",
].join(",")

/** Longest search text sent to the backend; longer input is cut, not refused. */
export const MAX_QUERY_LENGTH = 100

async function fetchProducts(query: HttpTypes.StoreProductListParams, what: string) {
  const region = await getShopRegion()
  const { products } = await callStore(what, () =>
    medusa().client.fetch<{ products: ApiProduct[] }>("/store/products", {
      query: { ...query, region_id: region.id, fields: PRODUCT_FIELDS },
      next: PRODUCTS_CACHE,
    }),
  )
  return products
}

type ListOptions = { limit?: number; categoryId?: string }

/** Products on sale, oldest first (the seed's order), optionally of one category. */
export async function listProducts({
  limit = 24,
  categoryId,
}: ListOptions = {}): Promise<Product[]> {
  const query: HttpTypes.StoreProductListParams = { limit, order: "created_at" }
  if (categoryId) query.category_id = categoryId
  const products = await fetchProducts(
    query,
    `list products${categoryId ? ` of ${categoryId}` : ""}`,
  )
  return reshapeProducts(products)
}

/**
 * The OCOP-certified products among `products`, most stars first: the home page's featured row.
 * Picked here because the store API cannot filter by a linked module; a commune's catalogue is
 * one cached read.
 */
export function pickFeatured(products: Product[], limit = 4): Product[] {
  return products
    .filter((product) => product.ocop)
    .sort((a, b) => (b.ocop?.stars ?? 0) - (a.ocop?.stars ?? 0))
    .slice(0, limit)
}

/** The largest page the store API serves. */
const PAGE_SIZE = 100

/**
 * Every product on sale, oldest first: the sitemap and the feeds. Page after page of 100 (each
 * page cached as any list), so a shop of any size is read whole.
 */
export async function listAllProducts(): Promise<Product[]> {
  const all: ApiProduct[] = []
  for (let offset = 0; ; offset += PAGE_SIZE) {
    const page = await fetchProducts(
      { limit: PAGE_SIZE, offset, order: "created_at" },
      `list all products from ${offset}`,
    )
    all.push(...page)
    if (page.length < PAGE_SIZE) return reshapeProducts(all)
  }
}

/**
 * The backend's product search: every word, diacritics optional, in the Vietnamese texts or the
 * seller's English ones ("rice", "gao nep"); an empty text finds nothing.
 */
export async function searchProducts(text: string, { limit = 48 } = {}): Promise<Product[]> {
  const q = text.trim().slice(0, MAX_QUERY_LENGTH)
  if (!q) return []
  const products = await fetchProducts({ q, limit, order: "created_at" }, `search products "${q}"`)
  return reshapeProducts(products)
}

/** The product with this handle, or null when there is none. */
export async function getProductByHandle(handle: string): Promise<Product | null> {
  const products = await fetchProducts({ handle, limit: 1 }, `get product ${handle}`)
  return products[0] ? reshapeProduct(products[0]) : null
}

/** The product with this Medusa id (as the traceability service knows it), or null. */
export async function getProductById(id: string): Promise<Product | null> {
  const products = await fetchProducts({ id, limit: 1 }, `get product ${id}`)
  return products[0] ? reshapeProduct(products[0]) : null
}
