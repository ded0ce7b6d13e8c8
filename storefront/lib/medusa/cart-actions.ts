"use server"

import { redirect } from "next/navigation"
import { formLocale } from "@/i18n/form-locale"
import { localePath } from "@/i18n/paths"
import { CART_FIELDS, retrieveRawCart } from "./cart"
import { type CartErrorCode, classifyCartError } from "./cart-errors"
import { medusa } from "./client"
import { getShopRegion } from "./regions"
import { customerHeaders, readCartId, writeCartId } from "./session"

// Cart changes are plain form posts: they work without JavaScript, and each ends in a redirect,
// so a reload never posts twice. Failures come back as `?cart_error=<code>`, explained by the page.

/** Only a path of this site: never an open redirect to another host. */
function safePath(value: FormDataEntryValue | null, fallback: string): string {
  return typeof value === "string" && /^\/(?!\/)[^\s\\]*$/.test(value) ? value : fallback
}

function quantityOf(form: FormData, min: number): number | null {
  const quantity = Number(form.get("quantity") ?? 1)
  return Number.isInteger(quantity) && quantity >= min && quantity <= 99 ? quantity : null
}

function withError(path: string, code: CartErrorCode): string {
  return `${path}${path.includes("?") ? "&" : "?"}cart_error=${code}`
}

/** The buyer's open cart id, creating a cart in the shop's region when there is none. */
async function openCartId(): Promise<string> {
  const existing = await readCartId()
  if (existing && (await retrieveRawCart(existing))) return existing
  const region = await getShopRegion()
  const { cart } = await medusa().store.cart.create(
    { region_id: region.id },
    { fields: "id" },
    await customerHeaders(),
  )
  await writeCartId(cart.id)
  return cart.id
}

export async function addToCart(form: FormData) {
  const locale = formLocale(form)
  const back = localePath(locale, safePath(form.get("return_path"), "/"))
  const variantId = form.get("variant_id")
  const quantity = quantityOf(form, 1)
  if (typeof variantId !== "string" || !variantId || quantity === null) {
    redirect(withError(back, "invalid"))
  }
  let failure: CartErrorCode | null = null
  try {
    const cartId = await openCartId()
    await medusa().store.cart.createLineItem(
      cartId,
      { variant_id: variantId, quantity },
      { fields: "id" },
      await customerHeaders(),
    )
  } catch (error) {
    console.error(`[cart] add ${variantId} failed: ${(error as Error).message}`)
    failure = classifyCartError(error)
  }
  redirect(failure ? withError(back, failure) : `${localePath(locale, "/cart")}?added=1`)
}

/** Sets a line's quantity; 0 removes it. */
export async function updateCartLine(form: FormData) {
  const locale = formLocale(form)
  const cartPath = localePath(locale, "/cart")
  const lineId = form.get("line_id")
  const quantity = form.get("remove") ? 0 : quantityOf(form, 0)
  const cartId = await readCartId()
  if (typeof lineId !== "string" || quantity === null || !cartId) {
    redirect(withError(cartPath, cartId ? "invalid" : "cart_gone"))
  }
  let failure: CartErrorCode | null = null
  try {
    const headers = await customerHeaders()
    if (quantity === 0) await medusa().store.cart.deleteLineItem(cartId, lineId, undefined, headers)
    else {
      await medusa().store.cart.updateLineItem(
        cartId,
        lineId,
        { quantity },
        { fields: CART_FIELDS },
        headers,
      )
    }
  } catch (error) {
    console.error(`[cart] update ${lineId} failed: ${(error as Error).message}`)
    failure = classifyCartError(error)
  }
  redirect(failure ? withError(cartPath, failure) : cartPath)
}
