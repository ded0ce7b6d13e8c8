import type { PreorderWindow } from "@coop/contracts/preorders"
import type { Locale } from "@/i18n/routing"
import { backend } from "./api"

// The seller's harvest pre-orders as GET /seller/preorders returns them: the contract's shape.
export type SellerPreorder = PreorderWindow

export function listSellerPreorders(locale: Locale) {
  return backend<{ preorders: SellerPreorder[] }>("/seller/preorders", { locale })
}

/** A batch of the product a pre-order can be opened on: open, with no harvest recorded yet. */
export interface PlannedBatch {
  id: string
  lot_code: string
  quantity: number
  unit: string
  started_on: string | null
  harvested_on: string | null
}

export function listPlannedBatches(locale: Locale, productId: string) {
  return backend<{ batches: PlannedBatch[] }>(
    `/seller/preorders/batches?${new URLSearchParams({ product_id: productId })}`,
    { locale },
  )
}
