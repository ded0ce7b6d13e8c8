import type { Locale } from "@/i18n/routing"
import { backend } from "./api"

// The seller's harvest pre-orders as GET /seller/preorders returns them
// (backend/src/lib/preorders.ts publicWindow).

export type SellerPreorder = {
  id: string
  product_id: string
  variant_id: string
  batch_id: string
  status: "open" | "closed" | "harvested" | "canceled"
  planned_quantity: number
  left: number
  per_buyer_cap: number | null
  deposit_percent: number | null
  expected_harvest_on: string
  delivery_from: string
  delivery_to: string | null
  harvested_quantity: number | null
  cancel_reason: string | null
}

export function listSellerPreorders(locale: Locale) {
  return backend<{ preorders: SellerPreorder[] }>("/seller/preorders", { locale })
}
