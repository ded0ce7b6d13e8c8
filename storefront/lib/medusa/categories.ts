import type { HttpTypes } from "@medusajs/types"
import { CACHE_TAGS } from "../cache-tags"
import { medusa } from "./client"
import { callStore } from "./errors"
import { reshapeCategory } from "./reshape"
import type { Category } from "./types"

// A handful of categories that change a few times a year: one cached list serves every page.
const CATEGORIES_CACHE = { revalidate: 3600, tags: [CACHE_TAGS.categories] }

/** The shop's categories in the backend's order (rank). */
export async function listCategories(): Promise<Category[]> {
  const { product_categories } = await callStore("list categories", () =>
    medusa().client.fetch<HttpTypes.StoreProductCategoryListResponse>("/store/product-categories", {
      query: { fields: "id,handle,name,metadata,rank", limit: 100, order: "rank" },
      next: CATEGORIES_CACHE,
    }),
  )
  return product_categories.map(reshapeCategory)
}

/** The category with this handle, or null. */
export async function getCategoryByHandle(handle: string): Promise<Category | null> {
  const categories = await listCategories()
  return categories.find((category) => category.handle === handle) ?? null
}
