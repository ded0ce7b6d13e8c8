import { cookies } from "next/headers"

// The buyer's cart id and, once signed in, their customer token live in httpOnly cookies: the
// browser never runs code that reads them, and every backend call is made by the server.
const CART_COOKIE = "coop_cart"
const CUSTOMER_COOKIE = "coop_customer"

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

export async function writeCartId(id: string) {
  ;(await cookies()).set(CART_COOKIE, id, { ...BASE, maxAge: 60 * 60 * 24 * 30 })
}

export async function clearCartId() {
  ;(await cookies()).delete(CART_COOKIE)
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

/** Authorization header of the signed-in buyer, or none. */
export async function customerHeaders(): Promise<Record<string, string>> {
  const token = await readCustomerToken()
  return token ? { authorization: `Bearer ${token}` } : {}
}
