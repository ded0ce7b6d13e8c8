"use server"

import { WEIGHT_ACCEPTANCE_KEY } from "@coop/contracts/sold-by-weight"
import type { HttpTypes } from "@medusajs/types"
import { refresh } from "next/cache"
import { redirect } from "next/navigation"
import { getTranslations } from "next-intl/server"
import { formLocale } from "@/i18n/form-locale"
import { localePath } from "@/i18n/paths"
import type { Locale } from "@/i18n/routing"
import {
  type AddressErrors,
  type AddressInput,
  normalisePhone,
  readAddressInput,
  validateAddress,
} from "@/lib/address"
import { listCommunes, listProvinces } from "./admin-units"
import { PAYMENT_PROVIDERS, retrieveRawCart } from "./cart"
import { type CartErrorCode, classifyCartError } from "./cart-errors"
import { reshapeCart } from "./cart-reshape"
import type { AdminUnit, PaymentMethod } from "./cart-types"
import { medusa } from "./client"
import { type MedusaAddress, retrieveSavedAddress, saveCustomerAddress } from "./customer-addresses"
import {
  clearCartId,
  customerHeaders,
  forgetBuyer,
  readCartId,
  writeRememberedBuyer,
} from "./session"

// Each checkout step is a server action. Address errors come back as state (the form keeps what
// was typed); the other steps end in a redirect, carrying `?cart_error=` when they fail.

export type AddressFormState = {
  values: AddressInput
  /** Translated messages per field. */
  errors: Partial<Record<keyof AddressInput, string>>
  /** A message about the whole form (the backend failed). */
  formError: string | null
  /** The communes of the chosen province, so the form can be redrawn without JavaScript. */
  communes?: AdminUnit[]
  /** Whether "remember on this device" is ticked (it is, until the buyer unticks it). */
  remember?: boolean
}

/**
 * Where a step sends the buyer next. Each step has its own URL (`?step=`): a redirect to the very
 * URL the browser is on would only scroll, and the page would not show the saved step.
 */
function checkoutPath(locale: Locale, error?: CartErrorCode, anchor = ""): string {
  const step = anchor.replace("#", "")
  const query = error ? `cart_error=${error}` : step ? `step=${step}` : ""
  return `${localePath(locale, "/checkout")}${query ? `?${query}` : ""}${anchor}`
}

async function translated(locale: Locale, errors: AddressErrors, values: AddressInput) {
  const t = await getTranslations({ locale, namespace: "Checkout.errors" })
  return Object.fromEntries(
    Object.entries(errors).map(([field, key]) => {
      // "…tối đa 100 ký tự (bạn đã nhập 265)": the length typed, for the messages that say it.
      const length = String(values[field as keyof AddressInput]?.length ?? 0)
      return [field, t(key as Parameters<typeof t>[0], { length })]
    }),
  )
}

export async function saveAddress(
  _previous: AddressFormState,
  form: FormData,
): Promise<AddressFormState> {
  const locale = formLocale(form)
  const values = readAddressInput(form)
  const remember = form.get("remember") === "1"
  const t = await getTranslations({ locale, namespace: "Checkout.errors" })
  const cartId = await readCartId()
  if (!cartId) redirect(`${localePath(locale, "/cart")}?cart_error=cart_gone`)
  let saved = false
  try {
    const [provinces, communes] = await Promise.all([
      listProvinces(),
      listCommunes(values.province_code),
    ])
    // The no-JS "show its communes" button: redraw with the province's list, save nothing yet.
    // When that list is already shown, the buyer pressed Enter to save: go on.
    const redraw = form.has("show_communes") && form.get("communes_of") !== values.province_code
    if (redraw) return { values, errors: {}, formError: null, communes }
    const errors = validateAddress(values, provinces, communes)
    if (Object.keys(errors).length) {
      return {
        values,
        errors: await translated(locale, errors, values),
        formError: t("fixFields"),
        communes,
        remember,
      }
    }
    const province = provinces.find((p) => p.code === values.province_code)
    const commune = communes.find((c) => c.code === values.commune_code)
    const address: MedusaAddress = {
      first_name: values.full_name,
      last_name: "",
      address_1: values.line,
      city: commune?.name ?? "",
      province: province?.name ?? "",
      country_code: "vn",
      phone: normalisePhone(values.phone),
      metadata: { commune_code: values.commune_code, province_code: values.province_code },
    }
    // Medusa takes a cart and an order without an e-mail (both columns are nullable), so none is
    // sent, and none is made up, when the buyer gives only a phone. One caveat of Medusa's update:
    // a cart keeps an e-mail it was given once, even if the buyer later clears the box.
    await medusa().store.cart.update(
      cartId,
      {
        ...(values.email ? { email: values.email } : {}),
        shipping_address: address,
        billing_address: address,
      },
      { fields: "id" },
      await customerHeaders(),
    )
    saved = true
    await rememberBuyer(remember, { ...values, phone: address.phone })
    // The account's address book is a convenience: failing to add to it never blocks the order.
    await saveCustomerAddress(address).catch((error) =>
      console.error(`[checkout] save customer address failed: ${(error as Error).message}`),
    )
  } catch (error) {
    console.error(`[checkout] save address failed: ${(error as Error).message}`)
    const code = classifyCartError(error)
    if (code === "cart_gone") redirect(`${localePath(locale, "/cart")}?cart_error=cart_gone`)
    return {
      values,
      errors: {},
      formError: t(code === "unavailable" ? "unavailable" : "saveFailed"),
      remember,
    }
  }
  if (saved) {
    refresh()
    redirect(checkoutPath(locale, undefined, "#shipping"))
  }
  return { values, errors: {}, formError: null }
}

/** Remembers (or forgets, when the box is unticked) the buyer's details on this device. */
async function rememberBuyer(remember: boolean, values: AddressInput) {
  if (remember) await writeRememberedBuyer(values)
  else await forgetBuyer()
}

/** A signed-in buyer's saved address, put on the cart as it is (it was checked when saved). */
export async function chooseSavedAddress(form: FormData) {
  const locale = formLocale(form)
  const cartId = await readCartId()
  if (!cartId) redirect(`${localePath(locale, "/cart")}?cart_error=cart_gone`)
  const id = form.get("address_id")
  const saved = typeof id === "string" ? await retrieveSavedAddress(id) : null
  if (!saved) redirect(`${localePath(locale, "/checkout")}?edit=address#address`)
  let failure: CartErrorCode | null = null
  try {
    const address: MedusaAddress = {
      first_name: saved.fullName,
      last_name: "",
      address_1: saved.line,
      city: saved.communeName,
      province: saved.provinceName,
      country_code: "vn",
      phone: saved.phone,
      metadata: { commune_code: saved.communeCode, province_code: saved.provinceCode },
    }
    await medusa().store.cart.update(
      cartId,
      { shipping_address: address, billing_address: address },
      { fields: "id" },
      await customerHeaders(),
    )
  } catch (error) {
    console.error(`[checkout] choose saved address failed: ${(error as Error).message}`)
    failure = classifyCartError(error)
  }
  refresh()
  redirect(checkoutPath(locale, failure ?? undefined, failure ? "#address" : "#shipping"))
}

/** The communes of a province, for the address form's second picker. */
export async function communesOf(provinceCode: string): Promise<AdminUnit[]> {
  try {
    return await listCommunes(provinceCode)
  } catch {
    return []
  }
}

/** One shipping option per seller part: the form posts `option_<sellerId>` = option id. */
export async function saveShipping(form: FormData) {
  const locale = formLocale(form)
  const cartId = await readCartId()
  const chosen = [...form.entries()]
    .filter(([name, value]) => name.startsWith("option_") && typeof value === "string" && value)
    .map(([, value]) => value as string)
  const expected = Number(form.get("part_count"))
  if (!cartId || chosen.length === 0 || chosen.length !== expected) {
    redirect(checkoutPath(locale, cartId ? "shipping_missing" : "cart_gone", "#shipping"))
  }
  let failure: CartErrorCode | null = null
  try {
    const headers = await customerHeaders()
    // One at a time: Medusa replaces the method of the same seller's profile on each call.
    for (const optionId of chosen) {
      await medusa().store.cart.addShippingMethod(
        cartId,
        { option_id: optionId },
        { fields: "id" },
        headers,
      )
    }
  } catch (error) {
    console.error(`[checkout] shipping failed: ${(error as Error).message}`)
    failure = classifyCartError(error)
    if (failure === "invalid") failure = "shipping_refused"
  }
  refresh()
  redirect(checkoutPath(locale, failure ?? undefined, failure ? "#shipping" : "#payment"))
}

function paymentMethodOf(form: FormData): PaymentMethod | null {
  const method = form.get("payment_method")
  return method === "cod" || method === "vietqr" || method === "card" ? method : null
}

/** Opens a payment session for the method; returns the session's provider data. */
async function openPaymentSession(cart: HttpTypes.StoreCart, method: PaymentMethod) {
  const { payment_collection } = await medusa().store.payment.initiatePaymentSession(
    cart,
    { provider_id: PAYMENT_PROVIDERS[method] },
    undefined,
    await customerHeaders(),
  )
  const session = payment_collection.payment_sessions?.find(
    (s) => s.provider_id === PAYMENT_PROVIDERS[method],
  )
  return (session?.data ?? {}) as Record<string, unknown>
}

type Completion = { orderId: string } | { error: CartErrorCode }

/** Completes the cart into an order; Medusa returns the same order if it is asked twice. */
async function completeCart(cartId: string): Promise<Completion> {
  try {
    const result = await medusa().store.cart.complete(
      cartId,
      { fields: "id" },
      await customerHeaders(),
    )
    if (result.type === "order") {
      await clearCartId()
      return { orderId: result.order.id }
    }
    console.error(`[checkout] complete refused: ${result.error?.message}`)
    return {
      error: classifyCartError(
        Object.assign(new Error(result.error?.message ?? ""), { status: 400 }),
      ),
    }
  } catch (error) {
    console.error(`[checkout] complete failed: ${(error as Error).message}`)
    return { error: classifyCartError(error) }
  }
}

async function readyCart(cartId: string | undefined) {
  if (!cartId) return null
  return retrieveRawCart(cartId).catch(() => null)
}

/**
 * The tolerances ticked on the payment form (`accept_weight` = "variant id:percent"), for the
 * cart's lines sold by weight, recorded on the cart for the backend to check when it places the
 * order (docs/checkout.md). An unticked line is recorded as not accepted. Returns whether every
 * such line is accepted at its current tolerance.
 */
async function recordWeightAcceptance(cart: HttpTypes.StoreCart, form: FormData) {
  const weighed = reshapeCart(cart).lines.filter((line) => line.soldByWeight)
  if (!weighed.length) return true
  const ticked = new Set(form.getAll("accept_weight").map(String))
  const accepted: Record<string, number> = {}
  for (const line of weighed) {
    const pct = line.soldByWeight?.tolerancePct ?? 0
    if (ticked.has(`${line.variantId}:${pct}`)) accepted[line.variantId] = pct
  }
  // Medusa replaces a cart's metadata as a whole: keep whatever else is there.
  await medusa().store.cart.update(
    cart.id,
    { metadata: { ...(cart.metadata ?? {}), [WEIGHT_ACCEPTANCE_KEY]: accepted } },
    { fields: "id" },
    await customerHeaders(),
  )
  return Object.keys(accepted).length === weighed.length
}

/** Cash on delivery or VietQR: open the session and place the order in one post. */
export async function placeOrder(form: FormData) {
  const locale = formLocale(form)
  const method = paymentMethodOf(form)
  if (!method) redirect(checkoutPath(locale, "invalid", "#payment"))
  const cart = await readyCart(await readCartId())
  if (!cart) redirect(`${localePath(locale, "/cart")}?cart_error=cart_gone`)
  let accepted: boolean
  try {
    accepted = await recordWeightAcceptance(cart, form)
  } catch (error) {
    console.error(`[checkout] weight acceptance failed: ${(error as Error).message}`)
    redirect(checkoutPath(locale, classifyCartError(error), "#payment"))
  }
  // The card is paid in Stripe's own form, which needs the browser: the page shows it next. It is
  // charged before the order is placed, so an unaccepted tolerance stops it here already.
  if (method === "card") {
    if (!accepted) redirect(checkoutPath(locale, "weight_not_accepted", "#payment"))
    redirect(`${localePath(locale, "/checkout")}?pay=card#payment`)
  }
  let result: Completion
  try {
    await openPaymentSession(cart, method)
    result = await completeCart(cart.id)
  } catch (error) {
    console.error(`[checkout] payment session failed: ${(error as Error).message}`)
    result = { error: classifyCartError(error) }
  }
  if ("orderId" in result) redirect(`${localePath(locale, `/orders/${result.orderId}`)}?placed=1`)
  const back =
    result.error === "out_of_stock" || result.error === "product_gone" ? "/cart" : "/checkout"
  redirect(
    `${localePath(locale, back)}?cart_error=${result.error}${back === "/checkout" ? "#payment" : ""}`,
  )
}

export type CardStart = { clientSecret: string } | { error: string }

/** Card: opens a Stripe session and hands its client secret to Stripe's card form. */
export async function startCardPayment(locale: Locale): Promise<CardStart> {
  const t = await getTranslations({ locale, namespace: "CartError" })
  const cart = await readyCart(await readCartId())
  if (!cart) return { error: t("cart_gone.title") }
  try {
    const data = await openPaymentSession(cart, "card")
    const secret = data.client_secret
    if (typeof secret !== "string") return { error: t("payment_failed.title") }
    return { clientSecret: secret }
  } catch (error) {
    console.error(`[checkout] card session failed: ${(error as Error).message}`)
    return { error: t(`${classifyCartError(error)}.title`) }
  }
}

/** Card: after Stripe confirmed the payment, place the order; returns where to go next. */
export async function finishCardPayment(locale: Locale): Promise<{ href: string }> {
  const cartId = await readCartId()
  if (!cartId) return { href: `${localePath(locale, "/cart")}?cart_error=cart_gone` }
  const result = await completeCart(cartId)
  if ("orderId" in result)
    return { href: `${localePath(locale, `/orders/${result.orderId}`)}?placed=1` }
  return { href: checkoutPath(locale, result.error, "#payment") }
}
