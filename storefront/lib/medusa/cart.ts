import type { HttpTypes } from "@medusajs/types"
import { reshapeCart, reshapeSellerParts } from "./cart-reshape"
import type { Cart, PaymentMethod, SellerPart } from "./cart-types"
import { medusa } from "./client"
import { callStore } from "./errors"
import { customerHeaders, readCartId } from "./session"

// Carts are the buyer's own and change with every click: never cached.
export const CART_FIELDS = [
  "id",
  "email",
  "customer_id",
  "currency_code",
  "completed_at",
  "total",
  "subtotal",
  "item_subtotal",
  "shipping_total",
  "metadata",
  "*items",
  "items.created_at",
  // Produce sold by weight: the rule the buyer accepts at checkout (metadata.sold_by_weight).
  "items.variant.metadata",
  "*shipping_address",
  "shipping_address.metadata",
  "*shipping_methods",
  // The payment step reuses the cart's payment collection instead of asking for a new one.
  "payment_collection.id",
].join(",")

/** The provider ids of the payment methods the shop offers. */
export const PAYMENT_PROVIDERS: Record<PaymentMethod, string> = {
  cod: "pp_cod_cod",
  vietqr: "pp_vietqr_vietqr",
  card: "pp_stripe_stripe",
}

/** The raw cart, or null when there is none, it is gone or already completed. */
export async function retrieveRawCart(id: string): Promise<HttpTypes.StoreCart | null> {
  const headers = await customerHeaders()
  try {
    const { cart } = await medusa().store.cart.retrieve(id, { fields: CART_FIELDS }, headers)
    return cart.completed_at ? null : cart
  } catch (error) {
    if ((error as { status?: number }).status === 404) return null
    throw error
  }
}

/** The buyer's open cart, or null. Throws StoreUnavailableError when the backend fails. */
export async function getCart(): Promise<Cart | null> {
  const id = await readCartId()
  if (!id) return null
  const cart = await callStore("retrieve cart", () => retrieveRawCart(id))
  return cart ? reshapeCart(cart) : null
}

/**
 * How many pieces the buyer's open cart holds (2 bags of one rice = 2), for the header on every
 * page; 0 without a cart, and 0 rather than an error when the backend is down, so no page fails
 * over its header. Asks for the quantities only: no totals are computed.
 */
export async function getCartItemCount(): Promise<number> {
  const id = await readCartId()
  if (!id) return 0
  try {
    const { cart } = await medusa().store.cart.retrieve(
      id,
      { fields: "id,completed_at,items.id,items.quantity" },
      await customerHeaders(),
    )
    if (cart.completed_at) return 0
    return (cart.items ?? []).reduce((sum, item) => sum + Number(item.quantity), 0)
  } catch {
    return 0
  }
}

/** The cart's items grouped by seller, with each seller's shipping options priced. */
export async function getSellerParts(cartId: string): Promise<SellerPart[]> {
  const { parts } = await callStore("list seller shipping options", () =>
    medusa().client.fetch<{ parts: Record<string, unknown>[] }>(
      `/store/carts/${cartId}/seller-shipping-options`,
      { cache: "no-store" },
    ),
  )
  return reshapeSellerParts(parts)
}

/**
 * The payment methods the buyer can choose: those the region's backend offers, and the card
 * only when the storefront also has a Stripe publishable key to show Stripe's card form with.
 */
export async function getPaymentMethods(regionId: string): Promise<PaymentMethod[]> {
  const { payment_providers } = await callStore("list payment providers", () =>
    medusa().store.payment.listPaymentProviders({ region_id: regionId }),
  )
  const offered = new Set(payment_providers.map((p) => p.id))
  return (Object.keys(PAYMENT_PROVIDERS) as PaymentMethod[]).filter(
    (method) =>
      offered.has(PAYMENT_PROVIDERS[method]) && (method !== "card" || stripePublishableKey()),
  )
}

/**
 * What the cart's sellers and pre-orders allow beyond the region's methods: the sellers a VietQR
 * transfer cannot pay yet (their payee awaits the commune's confirmation; empty when VietQR can
 * pay every seller), and whether cash on delivery is refused because a pre-order in the cart asks
 * a deposit (`depositPercent`, the highest; null when none). The backend refuses such sessions
 * and such orders anyway.
 */
export async function getCartPaymentLimits(
  cartId: string,
): Promise<{ sellersWithoutVietQr: string[]; depositPercent: number | null }> {
  const body = await callStore("check payment methods", () =>
    medusa().client.fetch<{
      sellers_without_payee: { name: string }[]
      cod_available?: boolean
      deposit_percent?: number | null
    }>(`/store/carts/${cartId}/vietqr`, { cache: "no-store" }),
  )
  return {
    sellersWithoutVietQr: body.sellers_without_payee.map((s) => s.name),
    depositPercent: body.cod_available === false ? (body.deposit_percent ?? 0) : null,
  }
}

/** Read per request (not inlined at build time), like the Medusa key: see lib/medusa/config.ts. */
export function stripePublishableKey(): string | undefined {
  const key = Reflect.get(process.env, "NEXT_PUBLIC_STRIPE_PUBLISHABLE_KEY") as string | undefined
  return key || undefined
}
