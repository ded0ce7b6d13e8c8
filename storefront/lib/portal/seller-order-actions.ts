"use server"

import { redirect } from "next/navigation"
import { getTranslations } from "next-intl/server"
import { formLocale } from "@/i18n/form-locale"
import { localePath } from "@/i18n/paths"
import { backend } from "./api"
import { type FormState, failureState, parseWhole, readText } from "./seller-form"
import { parseKg } from "./seller-orders"

// The seller's actions on one of its order parts. Each posts to /seller/orders/{id}/{action};
// on success the order's page opens again with what changed, otherwise the form shows why.

const ACTIONS = ["confirm-payment", "ship", "deliver", "cancel", "weigh", "accept-weight"] as const
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
  // The weighing form names its inputs `kg_<line id>`; the line ids come in `items`.
  const lines = String(form.get("items") ?? "")
    .split(",")
    .filter(Boolean)
  const v = readText(form, ["amount", ...lines.map((id) => `kg_${id}`)])
  if (!action) return { values: v, errors: {}, formError: texts.failed }
  let body: Record<string, unknown> = {}
  if (action === "confirm-payment") {
    const amount = parseWhole(v.amount)
    if (!amount) return { values: v, errors: { amount: t("errors.amount") }, formError: null }
    body = { amount }
  }
  if (action === "weigh") {
    const errors: Record<string, string> = {}
    const weighed = lines.map((id) => {
      const grams = parseKg(v[`kg_${id}`] ?? "")
      if (!grams) errors[`kg_${id}`] = t("errors.weight")
      return { item_id: id, grams: grams ?? 0 }
    })
    if (Object.keys(errors).length) return { values: v, errors, formError: null }
    body = { lines: weighed }
  }
  const done = await backend(`/seller/orders/${encodeURIComponent(id)}/${action}`, {
    method: "POST",
    locale,
    body,
  })
  if (!done.ok) {
    const fields: Record<string, { name: string; label: string }> = {
      amount: { name: "amount", label: t("amount") },
    }
    lines.forEach((id, i) => {
      fields[`lines.${i}.grams`] = { name: `kg_${id}`, label: t("weightLabel") }
    })
    return failureState(done.error, v, fields, texts)
  }
  redirect(`${localePath(locale, `/seller/orders/${encodeURIComponent(id)}`)}?status=${action}`)
}
