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
  payment: { method: PaymentMethod; status: PaymentStatus; captured_at: string | null }
  shipped_at: string | null
  delivered_at: string | null
  canceled_at: string | null
  items: { id: string; title: string; quantity: number; unit_price: number; total: number }[]
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
  return {
    confirmPayment:
      order.payment.method === "vietqr" &&
      order.payment.status === "awaiting" &&
      order.status !== "canceled",
    ship: order.status === "placed",
    deliver: order.status === "shipped",
    cancel: order.status === "placed",
  }
}
