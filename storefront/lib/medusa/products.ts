import type { HttpTypes } from "@medusajs/types"
import { medusa } from "./client"
import { callStore } from "./errors"
import { getShopRegion } from "./regions"
import { reshapeProduct, reshapeProducts } from "./reshape"
import type { Product } from "./types"

// Cached in Next's data cache: the HTML is rendered per request, the catalogue is not fetched
// per request. A product edit shows within a minute, or at once when the "products" tag is
// revalidated.
const PRODUCTS_CACHE = { revalidate: 60, tags: ["products"] }

const PRODUCT_FIELDS = "*variants.calculated_price"

async function fetchProducts(query: HttpTypes.StoreProductListParams, what: string) {
  const region = await getShopRegion()
  const { products } = await callStore(what, () =>
    medusa().client.fetch<HttpTypes.StoreProductListResponse>("/store/products", {
      query: { ...query, region_id: region.id, fields: PRODUCT_FIELDS },
      next: PRODUCTS_CACHE,
    }),
  )
  return products
}

export async function listProducts({ limit = 24 }: { limit?: number } = {}): Promise<Product[]> {
  const products = await fetchProducts({ limit, order: "created_at" }, "list products")
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
