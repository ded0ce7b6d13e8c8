"use server"

import { redirect } from "next/navigation"
import { formLocale } from "@/i18n/form-locale"
import { localePath } from "@/i18n/paths"
import { backend } from "./api"
import { parseWhole } from "./seller-form"

// The seller's actions on its harvest pre-orders. Each posts to /seller/preorders[/{id}/{action}]
// and opens the page again with ?status= (done) or ?error= (the backend's message, in the
// seller's language, naming the field).

const ACTIONS = ["close", "extend", "cancel", "harvest"] as const

const text = (form: FormData, name: string) => String(form.get(name) ?? "").trim()
const whole = (form: FormData, name: string) => {
  const value = text(form, name)
  return value === "" ? undefined : (parseWhole(value) ?? Number.NaN)
}

function back(locale: ReturnType<typeof formLocale>, query: Record<string, string>): never {
  redirect(`${localePath(locale, "/seller/preorders")}?${new URLSearchParams(query)}`)
}

export async function openPreorderAction(form: FormData): Promise<void> {
  const locale = formLocale(form)
  const [product_id, variant_id] = text(form, "variant").split("|")
  const body = {
    product_id,
    variant_id,
    batch_id: text(form, "batch_id"),
    planned_quantity: whole(form, "planned_quantity"),
    expected_harvest_on: text(form, "expected_harvest_on"),
    delivery_from: text(form, "delivery_from"),
    ...(whole(form, "per_buyer_cap") !== undefined
      ? { per_buyer_cap: whole(form, "per_buyer_cap") }
      : {}),
    ...(whole(form, "deposit_percent") !== undefined
      ? { deposit_percent: whole(form, "deposit_percent") }
      : {}),
    ...(whole(form, "deposit_due_days") !== undefined
      ? { deposit_due_days: whole(form, "deposit_due_days") }
      : {}),
  }
  const done = await backend("/seller/preorders", { method: "POST", locale, body })
  // Back to the same product, so its batches are offered again beside the error.
  if (!done.ok) back(locale, { error: done.error.message || "failed", product: product_id ?? "" })
  back(locale, { status: "opened" })
}

export async function preorderAction(form: FormData): Promise<void> {
  const locale = formLocale(form)
  const id = text(form, "preorder_id")
  const action = ACTIONS.find((a) => a === form.get("action"))
  if (!action) back(locale, { error: "failed" })
  const body =
    action === "harvest"
      ? { allocation: text(form, "allocation") || "first_come" }
      : action === "cancel"
        ? { reason: text(form, "reason") }
        : action === "extend"
          ? { planned_quantity: whole(form, "planned_quantity") }
          : {}
  const done = await backend(`/seller/preorders/${encodeURIComponent(id)}/${action}`, {
    method: "POST",
    locale,
    body,
  })
  if (!done.ok) back(locale, { error: done.error.message || "failed" })
  back(locale, { status: action })
}
