import type { ApiResult } from "./api"
import type { PerKgRule } from "./per-kg"

// The seller's products as GET /seller/products and /seller/products/{id} return them
// (backend/src/api/seller/products/helpers.ts reshapeProduct): whole-dong prices, stock at the
// seller's own location, the registry's OCOP certificate when one links the listing.

export type SellerVariant = {
  id: string
  title: string
  sku: string | null
  price: number | null
  stock: number
  manage_inventory: boolean
  /** Priced per kg and weighed at packing (backend/src/lib/sold-by-weight.ts); null otherwise. */
  sold_by_weight?: PerKgRule | null
}

export type SellerProduct = {
  id: string
  title: string
  handle: string
  description: string | null
  /** The seller's English texts, shown on /en. */
  en: { title: string | null; description: string | null }
  status: "draft" | "published" | "proposed" | "rejected"
  thumbnail: string | null
  images: string[]
  category_ids: string[]
  /** On the seller's e-invoices: VAT rate ("KCT" unless set) and unit (default: the variant). */
  vat_rate?: string
  invoice_unit?: string | null
  in_store: boolean
  ocop: { id: string; stars: number; certificate_number: string; expires_on: string } | null
  variants: SellerVariant[]
}

/** What the list and the edit page say about where the product stands. */
export type ProductState = "draft" | "onSale" | "waitingApproval"

export function productState(product: SellerProduct): ProductState {
  if (product.status !== "published") return "draft"
  return product.in_store ? "onSale" : "waitingApproval"
}

/** A 404 from the backend means "not this seller's": the page answers 404 too. */
export function isMissing<T>(result: ApiResult<T>): boolean {
  return !result.ok && (result.error.status === 404 || result.error.status === 400)
}
