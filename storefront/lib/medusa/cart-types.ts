// The storefront's own shapes for carts, checkout and orders. Pages never see Medusa's.
import type { Money, ProductVariant } from "./types"

export type CartLine = {
  id: string
  variantId: string
  productHandle: string | null
  title: string
  variantTitle: string | null
  thumbnail: string | null
  quantity: number
  unitPrice: Money
  total: Money
  /** Priced per kg and weighed at packing: the buyer accepts its tolerance at checkout. */
  soldByWeight: ProductVariant["soldByWeight"]
}

export type Address = {
  fullName: string
  phone: string
  /** Street, house number or village (thôn). */
  line: string
  provinceCode: string
  provinceName: string
  communeCode: string
  communeName: string
}

export type Cart = {
  id: string
  email: string | null
  customerId: string | null
  lines: CartLine[]
  itemCount: number
  subtotal: Money
  shippingTotal: Money
  total: Money
  address: Address | null
  /** Shipping method count: one per seller part when every part has chosen. */
  shippingMethodCount: number
  /** The tolerances the buyer accepted for lines sold by weight: variant id -> percent. */
  weightAccepted: Record<string, number>
}

export type ShippingOption = {
  id: string
  /** pickup_seller, pickup_village, delivery_commune, delivery_elsewhere */
  code: string
  /** The backend's (Vietnamese) name, used when a code has no translation. */
  name: string
  amount: Money | null
}

/** One seller's share of the cart and how it can reach the buyer. */
export type SellerPart = {
  seller: { id: string; handle: string; name: string; communeCode: string | null }
  lines: { id: string; title: string; quantity: number }[]
  options: ShippingOption[]
  selectedOptionId: string | null
}

export type PaymentMethod = "cod" | "vietqr" | "card"

export type AdminUnit = { code: string; name: string }

export type VietQr = {
  svg: string
  bankName: string | null
  accountNumber: string
  accountName: string | null
  amount: Money
  reference: string
  purpose: string | null
}

export type OrderPart = {
  id: string
  reference: string
  status: string
  amount: Money
  payment: { method: PaymentMethod | string; status: string; capturedAt: Date | null }
  shippedAt: Date | null
  deliveredAt: Date | null
  canceledAt: Date | null
  seller: { handle: string | null; name: string; phone: string | null }
  items: { id: string; title: string; quantity: number; total: Money }[]
  shipping: { code: string | null; name: string; amount: Money } | null
  vietqr: VietQr | null
  /** The seller's message when a pre-ordered share shrank at harvest or was cancelled. */
  preorderNote: { vi: string; en: string } | null
  /** Produce sold by weight: the estimate at checkout and whether the weighing is done. */
  weighing: { status: string; estimated: Money } | null
  /**
   * A pre-order's deposit paid by VietQR: asked first, the rest after the harvest. `status` is
   * the deposit's (awaiting, captured, refunded, canceled); `rest` the amount less the deposit.
   */
  deposit: { amount: Money; status: string; rest: Money; harvested: boolean } | null
}

export type Order = {
  id: string
  displayId: number
  status: string
  total: Money
  createdAt: Date
  parts: OrderPart[]
}

export type Customer = { id: string; email: string; firstName: string | null }
