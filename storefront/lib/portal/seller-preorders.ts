import type { PreorderWindow } from "@coop/contracts/preorders"
import type { Locale } from "@/i18n/routing"
import { backend } from "./api"

// The seller's harvest pre-orders as GET /seller/preorders returns them: the contract's shape.
export type SellerPreorder = PreorderWindow

export function listSellerPreorders(locale: Locale) {
  return backend<{ preorders: SellerPreorder[] }>("/seller/preorders", { locale })
}
