import { CACHE_TAGS } from "../cache-tags"
import { medusa } from "./client"
import { callStore, findInStore } from "./errors"
import { getShopRegion } from "./regions"
import { type ApiProduct, reshapeProduct } from "./reshape"
import { type ApiSeller, reshapeSeller } from "./reshape-sellers"
import type { Product, Seller } from "./types"

// Sellers join, are suspended or edit their profile now and then: a few minutes is fresh enough,
// and the "sellers" tag drops them at once (a suspended seller disappears).
const SELLERS_CACHE = { revalidate: 300, tags: [CACHE_TAGS.sellers] }
// A seller's page lists its products with prices and badges: it follows those tags too.
const SELLER_PAGE_CACHE = {
  revalidate: 60,
  tags: [CACHE_TAGS.sellers, CACHE_TAGS.products, CACHE_TAGS.ocop],
}

/** The store API's largest page of sellers. */
export const SELLERS_PAGE_SIZE = 100

/**
 * Every approved seller by name, optionally of one commune: pages of 100 until the count, so a
 * province's thousands of sellers all reach the sitemap and the feeds.
 */
export async function listSellers({
  communeCode,
}: {
  communeCode?: string
} = {}): Promise<Seller[]> {
  const all: ApiSeller[] = []
  for (let offset = 0; ; offset += SELLERS_PAGE_SIZE) {
    const page = await callStore(`list sellers from ${offset}`, () =>
      medusa().client.fetch<{ sellers: ApiSeller[]; count: number }>("/store/sellers", {
        query: {
          limit: SELLERS_PAGE_SIZE,
          offset,
          ...(communeCode ? { commune_code: communeCode } : {}),
        },
        next: SELLERS_CACHE,
      }),
    )
    all.push(...page.sellers)
    if (page.sellers.length < SELLERS_PAGE_SIZE || all.length >= page.count) break
  }
  return all.map(reshapeSeller)
}

export type SellerPage = { seller: Seller; products: Product[] }

/** An approved seller and the products a buyer can see; null when unknown, pending or suspended. */
export async function getSellerPage(handle: string): Promise<SellerPage | null> {
  const region = await getShopRegion()
  const found = await findInStore(`get seller ${handle}`, () =>
    medusa().client.fetch<{ seller: ApiSeller; products: ApiProduct[] }>(
      `/store/sellers/${encodeURIComponent(handle)}`,
      { query: { region_id: region.id, limit: 100 }, next: SELLER_PAGE_CACHE },
    ),
  )
  if (!found) return null
  const seller = reshapeSeller(found.seller)
  const products = found.products.map((product) => ({
    ...reshapeProduct(product),
    seller: {
      id: seller.id,
      handle: seller.handle,
      name: seller.name,
      communeCode: seller.commune?.code ?? null,
    },
  }))
  return { seller, products }
}
