"use server"

import { redirect } from "next/navigation"
import { getTranslations } from "next-intl/server"
import { formLocale } from "@/i18n/form-locale"
import { localePath } from "@/i18n/paths"
import { backend } from "./api"
import { type FormState, failureState, parseWhole, readText } from "./seller-form"

// The seller's actions on one of its order parts. Each posts to /seller/orders/{id}/{action};
// on success the order's page opens again with what changed, otherwise the form shows why.

const ACTIONS = ["confirm-payment", "ship", "deliver", "cancel"] as const
type OrderAction = (typeof ACTIONS)[number]

export async function orderAction(_previous: FormState, form: FormData): Promise<FormState> {
  const locale = formLocale(form)
  const f = await getTranslations({ locale, namespace: "Portal.sellerForm" })
  const t = await getTranslations({ locale, namespace: "Portal.orders" })
  const texts = {
    unavailable: f("unavailable"),
    signInAgain: f("signInAgain"),
    failed: f("failed"),
  }
  const id = String(form.get("order_id") ?? "")
  const action = ACTIONS.find((a) => a === form.get("action")) as OrderAction | undefined
  const v = readText(form, ["amount"])
  if (!action) return { values: v, errors: {}, formError: texts.failed }
  let body: Record<string, unknown> = {}
  if (action === "confirm-payment") {
    const amount = parseWhole(v.amount)
    if (!amount) return { values: v, errors: { amount: t("errors.amount") }, formError: null }
    body = { amount }
  }
  const done = await backend(`/seller/orders/${encodeURIComponent(id)}/${action}`, {
    method: "POST",
    locale,
    body,
  })
  if (!done.ok) {
    return failureState(done.error, v, { amount: { name: "amount", label: t("amount") } }, texts)
  }
  redirect(`${localePath(locale, `/seller/orders/${encodeURIComponent(id)}`)}?status=${action}`)
}
