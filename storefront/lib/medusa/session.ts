import { cookies } from "next/headers"

// The buyer's cart id and, once signed in, their customer token live in httpOnly cookies: the
// browser never runs code that reads them, and every backend call is made by the server.
const CART_COOKIE = "coop_cart"
const CUSTOMER_COOKIE = "coop_customer"
/**
 * What a buyer asked this device to remember for the next order: name, phone (stored form),
 * e-mail if given, province, commune and street line. Never a card, a cart or an order. Kept
 * 180 days (a season between two orders of rice or honey), renewed by each order's address step,
 * and deleted when the buyer unticks "remember" there.
 */
const BUYER_COOKIE = "coop_buyer"
const BUYER_MAX_AGE = 60 * 60 * 24 * 180

const BASE = {
  httpOnly: true,
  sameSite: "lax" as const,
  path: "/",
  // Opt-in: a commune's shop is often served over plain http on a local network first, where a
  // Secure cookie would silently never come back. Set COOKIE_SECURE=true behind https.
  secure: process.env.COOKIE_SECURE === "true",
}

export async function readCartId(): Promise<string | undefined> {
  return (await cookies()).get(CART_COOKIE)?.value || undefined
}

/**
 * A cookie the page's script may read, holding no id: "this browser has a cart". Catalogue pages
 * are the same cached HTML for everyone, so their header asks /api/cart/count for the count,
 * and only when this says there is a cart to count (an anonymous visitor costs no request).
 */
export const HAS_CART_COOKIE = "coop_has_cart"

export async function writeCartId(id: string) {
  const jar = await cookies()
  const maxAge = 60 * 60 * 24 * 30
  jar.set(CART_COOKIE, id, { ...BASE, maxAge })
  jar.set(HAS_CART_COOKIE, "1", { ...BASE, httpOnly: false, maxAge })
}

export async function clearCartId() {
  const jar = await cookies()
  jar.delete(CART_COOKIE)
  jar.delete(HAS_CART_COOKIE)
}

export async function readCustomerToken(): Promise<string | undefined> {
  return (await cookies()).get(CUSTOMER_COOKIE)?.value || undefined
}

export async function writeCustomerToken(token: string) {
  ;(await cookies()).set(CUSTOMER_COOKIE, token, { ...BASE, maxAge: 60 * 60 * 24 * 7 })
}

export async function clearCustomerToken() {
  ;(await cookies()).delete(CUSTOMER_COOKIE)
}

export type RememberedBuyer = {
  full_name: string
  phone: string
  email: string
  province_code: string
  commune_code: string
  line: string
}

const BUYER_FIELDS: (keyof RememberedBuyer)[] = [
  "full_name",
  "phone",
  "email",
  "province_code",
  "commune_code",
  "line",
]

/** The remembered buyer, or null; a cookie that is not ours (edited, truncated) is ignored. */
export async function readRememberedBuyer(): Promise<RememberedBuyer | null> {
  const raw = (await cookies()).get(BUYER_COOKIE)?.value
  if (!raw) return null
  try {
    const parsed = JSON.parse(Buffer.from(raw, "base64url").toString("utf8"))
    if (!parsed || typeof parsed !== "object") return null
    const buyer = Object.fromEntries(
      BUYER_FIELDS.map((field) => [field, typeof parsed[field] === "string" ? parsed[field] : ""]),
    ) as RememberedBuyer
    // Only ever a form's prefill: the address step checks every value again when it is posted.
    return buyer.phone ? buyer : null
  } catch {
    return null
  }
}

export async function writeRememberedBuyer(buyer: RememberedBuyer) {
  const value = Buffer.from(JSON.stringify(buyer), "utf8").toString("base64url")
  ;(await cookies()).set(BUYER_COOKIE, value, { ...BASE, maxAge: BUYER_MAX_AGE })
}

export async function forgetBuyer() {
  ;(await cookies()).delete(BUYER_COOKIE)
}

/** Authorization header of the signed-in buyer, or none. */
export async function customerHeaders(): Promise<Record<string, string>> {
  const token = await readCustomerToken()
  return token ? { authorization: `Bearer ${token}` } : {}
}
