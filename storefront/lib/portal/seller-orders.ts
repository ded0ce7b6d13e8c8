// The seller's parts of buyers' orders as GET /seller/orders and /seller/orders/{id} return them
// (backend/src/lib/order-parts.ts): the part's own Medusa order (`part_order_id`, the id in the
// portal's URLs), its items, the buyer's address, the shipping choice and the payment's state.

export type PartStatus = "placed" | "shipped" | "delivered" | "canceled"
export type PaymentMethod = "cod" | "vietqr" | "card"
export type PaymentStatus = "awaiting" | "captured" | "canceled" | "refunded"

export type SellerOrder = {
  id: string
  reference: string
  part_order_id: string
  display_id: number | null
  status: PartStatus
  amount: number
  payment: {
    method: PaymentMethod
    status: PaymentStatus
    captured_at: string | null
    /** What the buyer has to transfer now, as the backend reckons it (0: nothing now). */
    due?: number
    due_for?: "deposit" | "rest" | "whole" | "topup" | "none"
  }
  shipped_at: string | null
  delivered_at: string | null
  canceled_at: string | null
  items: {
    id: string
    title: string
    quantity: number
    unit_price: number
    total: number
    metadata?: { sold_by_weight?: SoldByWeight; weighed_grams?: number } | null
  }[]
  /** Produce sold by weight: where the weighing stands (backend docs/checkout.md). */
  weighing?: {
    status: "none" | "required" | "weighed" | "contact_buyer" | "accepted"
    estimated_amount: number
    weighed_at: string | null
    topup: { amount: number; status: "awaiting" | "captured" | "canceled" | "refunded" } | null
  }
  shipping: { name: string; code: string | null; amount: number } | null
  shipping_address: {
    first_name?: string | null
    last_name?: string | null
    address_1?: string | null
    address_2?: string | null
    city?: string | null
    province?: string | null
    phone?: string | null
  } | null
}

/** A line priced per kg, weighed at packing. */
export type SoldByWeight = {
  unit: "piece" | "step"
  price_per_kg: number
  grams: number
  tolerance_pct: number
}

/** The lines the seller weighs at packing. */
export function weighableItems(order: SellerOrder) {
  return order.items.filter((i) => i.metadata?.sold_by_weight)
}

/**
 * What the buyer still has to transfer: the backend's figure when it gives one (a pre-order's
 * deposit, then the rest after the harvest); else the whole amount, or a weighing's top-up.
 */
export function amountDue(order: SellerOrder): number {
  if (typeof order.payment.due === "number") return order.payment.due
  if (order.payment.status === "awaiting") return order.amount
  if (order.payment.status === "captured" && order.weighing?.topup?.status === "awaiting") {
    return order.weighing.topup.amount
  }
  return 0
}

/** "1,85" or "1.85" kg as whole grams (1850); null unless a positive weight with ≤ 3 decimals. */
export function parseKg(text: string): number | null {
  const cleaned = text.replace(/\s|kg/gi, "").replace(",", ".")
  if (!/^\d{1,5}(\.\d{1,3})?$/.test(cleaned)) return null
  const grams = Math.round(Number(cleaned) * 1000)
  return grams > 0 ? grams : null
}

/** The buyer's name and address on one line each, leaving out what is empty. */
export function buyerLines(order: SellerOrder): { name: string; address: string; phone: string } {
  const a = order.shipping_address ?? {}
  const join = (parts: (string | null | undefined)[]) =>
    parts
      .map((p) => (p ?? "").trim())
      .filter(Boolean)
      .join(", ")
  return {
    name: [a.first_name, a.last_name]
      .map((p) => (p ?? "").trim())
      .filter(Boolean)
      .join(" "),
    address: join([a.address_1, a.address_2, a.city, a.province]),
    phone: (a.phone ?? "").trim(),
  }
}

/** Which buttons the part's state allows (the backend checks again, under a lock). */
export function orderActions(order: SellerOrder) {
  const weighing = order.weighing?.status ?? "none"
  const unsettled = weighing === "required" || weighing === "contact_buyer"
  return {
    confirmPayment:
      order.payment.method === "vietqr" &&
      // A deposit received: nothing to confirm until the harvest makes the rest due.
      order.payment.due !== 0 &&
      (order.payment.status === "awaiting" ||
        (order.payment.status === "captured" && order.weighing?.topup?.status === "awaiting")) &&
      weighing !== "contact_buyer" &&
      order.status !== "canceled",
    weigh: order.status === "placed" && unsettled,
    acceptWeight: order.status === "placed" && weighing === "contact_buyer",
    ship: order.status === "placed" && !unsettled,
    deliver: order.status === "shipped",
    cancel: order.status === "placed",
  }
}
