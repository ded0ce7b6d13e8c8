"use server"

import { redirect } from "next/navigation"
import { getTranslations } from "next-intl/server"
import { formLocale } from "@/i18n/form-locale"
import { localePath } from "@/i18n/paths"
import { medusa } from "./client"
import { clearCustomerToken, readCartId, writeCustomerToken } from "./session"

export type AccountFormState = { email: string; name: string; error: string | null }

const text = (form: FormData, name: string) => {
  const value = form.get(name)
  return typeof value === "string" ? value.trim() : ""
}

async function login(email: string, password: string): Promise<string> {
  const { token } = await medusa().client.fetch<{ token: string }>("/auth/customer/emailpass", {
    method: "POST",
    body: { email, password },
  })
  return token
}

/** The cart a guest filled becomes the customer's, so its order shows in their history. */
async function adoptCart(token: string) {
  const cartId = await readCartId()
  if (!cartId) return
  await medusa()
    .store.cart.transferCart(cartId, { fields: "id" }, { authorization: `Bearer ${token}` })
    .catch((error) => console.error(`[account] cart transfer failed: ${(error as Error).message}`))
}

function statusOf(error: unknown): number {
  return (error as { status?: number }).status ?? 0
}

export async function signIn(
  _previous: AccountFormState,
  form: FormData,
): Promise<AccountFormState> {
  const locale = formLocale(form)
  const t = await getTranslations({ locale, namespace: "Account.errors" })
  const email = text(form, "email")
  const password = form.get("password")
  if (!email || typeof password !== "string" || !password) {
    return { email, name: "", error: t("missing") }
  }
  try {
    const token = await login(email, password)
    await writeCustomerToken(token)
    await adoptCart(token)
  } catch (error) {
    const status = statusOf(error)
    return {
      email,
      name: "",
      error: status === 401 || status === 400 ? t("wrongLogin") : t("unavailable"),
    }
  }
  redirect(localePath(locale, "/account"))
}

export async function register(
  _previous: AccountFormState,
  form: FormData,
): Promise<AccountFormState> {
  const locale = formLocale(form)
  const t = await getTranslations({ locale, namespace: "Account.errors" })
  const email = text(form, "email")
  const name = text(form, "name")
  const password = form.get("password")
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) return { email, name, error: t("email") }
  if (name.length < 2) return { email, name, error: t("name") }
  if (typeof password !== "string" || password.length < 8)
    return { email, name, error: t("password") }
  try {
    const { token: registration } = await medusa().client.fetch<{ token: string }>(
      "/auth/customer/emailpass/register",
      { method: "POST", body: { email, password } },
    )
    await medusa().store.customer.create(
      { email, first_name: name },
      {},
      { authorization: `Bearer ${registration}` },
    )
    const token = await login(email, password)
    await writeCustomerToken(token)
    await adoptCart(token)
  } catch (error) {
    const status = statusOf(error)
    console.error(`[account] register failed: ${(error as Error).message}`)
    return { email, name, error: status === 401 || status === 400 ? t("exists") : t("unavailable") }
  }
  redirect(localePath(locale, "/account"))
}

export async function signOut(form: FormData) {
  await clearCustomerToken()
  redirect(localePath(formLocale(form)))
}
