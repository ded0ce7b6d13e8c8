/** What went wrong with a cart or checkout call, as the pages explain it (messages: CartError). */
export type CartErrorCode =
  | "out_of_stock"
  | "product_gone"
  | "cart_gone"
  | "shipping_missing"
  | "shipping_refused"
  | "payment_failed"
  | "invalid"
  | "unavailable"
  | "weight_not_accepted"
  | "deposit_required"

export const CART_ERROR_CODES: readonly CartErrorCode[] = [
  "out_of_stock",
  "product_gone",
  "cart_gone",
  "shipping_missing",
  "shipping_refused",
  "payment_failed",
  "invalid",
  "unavailable",
  "weight_not_accepted",
  "deposit_required",
]

export function isCartErrorCode(value: unknown): value is CartErrorCode {
  return typeof value === "string" && (CART_ERROR_CODES as readonly string[]).includes(value)
}

/**
 * Medusa's core cart routes answer in English only, so their errors are recognised here and
 * explained in the buyer's language by the page. Anything unrecognised from a reachable backend
 * is "invalid"; a backend that cannot be reached, or fails, is "unavailable".
 */
export function classifyCartError(error: unknown): CartErrorCode {
  // The js-sdk's FetchError, or a refusal the backend answered in a 200 (a cart that did not
  // complete): both carry the backend's status. Anything without one never reached it.
  const status = (error as { status?: unknown } | null)?.status
  if (!(error instanceof Error) || typeof status !== "number") return "unavailable"
  const message = error.message.toLowerCase()
  if (!status || status >= 500) return "unavailable"
  // Produce sold by weight without the buyer's acceptance of its tolerance (our own refusal, in
  // either language): first, as the product's name in it may contain any other word.
  if (/sau khi cân|after weighing/.test(message)) return "weight_not_accepted"
  // Cash on delivery for a pre-order whose window asks a deposit (our own refusal, either language).
  if (/cần đặt cọc|needs a deposit/.test(message)) return "deposit_required"
  if (message.includes("inventory") || message.includes("stock")) return "out_of_stock"
  if (message.includes("shipping")) {
    return /missing|require|no shipping/.test(message) ? "shipping_missing" : "shipping_refused"
  }
  if (message.includes("payment")) return "payment_failed"
  if (message.includes("variant") && (status === 404 || message.includes("not found"))) {
    return "product_gone"
  }
  if (message.includes("cart") && (status === 404 || message.includes("completed"))) {
    return "cart_gone"
  }
  return "invalid"
}
