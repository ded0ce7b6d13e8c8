"use server"

import { redirect } from "next/navigation"
import { getTranslations } from "next-intl/server"
import { formLocale } from "@/i18n/form-locale"
import type { Locale } from "@/i18n/routing"
import { type ApiError, backend } from "./api"

// The commune portal's writes. Each returns what was typed and the errors (the backend's own
// message, in the page's language, beside the field it names) so nothing typed is lost; on
// success it redirects back with a short `status` the page turns into a notice.

export type CommuneFormState = {
  values: Record<string, string>
  errors: Record<string, string>
  formError: string | null
  /**
   * Changes with every answer: the forms use it as their key, so they are drawn again from
   * `values` (React resets a form after its action, and a <select> would fall back to its
   * first option: react#32362).
   */
  attempt?: number
}

function text(form: FormData, name: string): string {
  const value = form.get(name)
  return typeof value === "string" ? value.trim() : ""
}

/** Where to go after success: only a commune portal page, never an open redirect. */
function backTo(form: FormData, locale: Locale, status: string): string {
  const back = text(form, "back")
  const safe =
    back.startsWith(`/${locale}/commune`) && !back.startsWith("//") ? back : `/${locale}/commune`
  const [path, search = ""] = safe.split("?")
  const params = new URLSearchParams(search)
  params.delete("confirm")
  params.set("status", status)
  return `${path}?${params}`
}

async function failure(
  locale: Locale,
  error: ApiError,
  values: Record<string, string>,
  fields: string[],
): Promise<CommuneFormState> {
  const t = await getTranslations({ locale, namespace: "Portal.sellers.errors" })
  if (error.status === 0 || error.status >= 500) {
    return { values, errors: {}, formError: t("unavailable"), attempt: Date.now() }
  }
  if (error.status === 401)
    return { values, errors: {}, formError: t("signedOut"), attempt: Date.now() }
  if (error.status === 403)
    return { values, errors: {}, formError: t("forbidden"), attempt: Date.now() }
  const message = error.message || t("rejected")
  // "variants.0.price" style fields name their first segment in our forms.
  const field = error.field?.split(".")[0] ?? null
  if (field && fields.includes(field)) {
    return { values, errors: { [field]: message }, formError: t("fixFields"), attempt: Date.now() }
  }
  return { values, errors: {}, formError: message, attempt: Date.now() }
}

/**
 * One of the officer's decisions on a seller (`/commune/sellers/{id}/{action}`): a reason of at
 * least 3 characters when `withReason`, checked here first and by the backend again.
 */
async function sellerDecision(
  form: FormData,
  action: string,
  status: string,
  withReason: boolean,
): Promise<CommuneFormState> {
  const locale = formLocale(form)
  const id = text(form, "id")
  const values: Record<string, string> = withReason ? { reason: text(form, "reason") } : {}
  if (withReason && values.reason.length < 3) {
    const t = await getTranslations({ locale, namespace: "Portal.sellers.errors" })
    return {
      values,
      errors: { reason: t("reason") },
      formError: t("fixFields"),
      attempt: Date.now(),
    }
  }
  const result = await backend(`/commune/sellers/${encodeURIComponent(id)}/${action}`, {
    method: "POST",
    body: withReason ? { reason: values.reason } : {},
    locale,
  })
  if (!result.ok) return failure(locale, result.error, values, withReason ? ["reason"] : [])
  redirect(backTo(form, locale, status))
}

export async function approveSeller(
  _previous: CommuneFormState,
  form: FormData,
): Promise<CommuneFormState> {
  return sellerDecision(form, "approve", "approved", false)
}

export async function suspendSeller(
  _previous: CommuneFormState,
  form: FormData,
): Promise<CommuneFormState> {
  return sellerDecision(form, "suspend", "suspended", true)
}

/** Approves the seller's pending changes: its new name, address, phone or payee go live. */
export async function approveSellerChanges(
  _previous: CommuneFormState,
  form: FormData,
): Promise<CommuneFormState> {
  return sellerDecision(form, "changes/approve", "changesApproved", false)
}

/** Rejects them, with the reason the owner is told. */
export async function rejectSellerChanges(
  _previous: CommuneFormState,
  form: FormData,
): Promise<CommuneFormState> {
  return sellerDecision(form, "changes/reject", "changesRejected", true)
}

const ENTRY_FIELDS = [
  "seller_id",
  "product_name",
  "group",
  "stars",
  "certificate_number",
  "decision_number",
  "issuing_level",
  "issued_on",
  "expires_on",
] as const

/** Adds a registry entry, or changes one when the form carries its `id`. */
export async function saveEntry(
  _previous: CommuneFormState,
  form: FormData,
): Promise<CommuneFormState> {
  const locale = formLocale(form)
  const id = text(form, "id")
  const values = Object.fromEntries(ENTRY_FIELDS.map((f) => [f, text(form, f)]))
  const t = await getTranslations({ locale, namespace: "Portal.registry.errors" })
  const required = ENTRY_FIELDS.filter(
    (f) => f !== "decision_number" && f !== "expires_on" && !values[f],
  )
  if (required.length) {
    const errors = Object.fromEntries(required.map((f) => [f, t("required")]))
    return { values, errors, formError: t("fixFields"), attempt: Date.now() }
  }
  const body: Record<string, unknown> = {
    seller_id: values.seller_id,
    product_name: values.product_name,
    group: values.group,
    stars: Number(values.stars),
    certificate_number: values.certificate_number,
    decision_number: values.decision_number || null,
    issuing_level: values.issuing_level,
    issued_on: values.issued_on,
  }
  if (values.expires_on) body.expires_on = values.expires_on
  const result = await backend<{ ocop_entry: { id: string } }>(
    id ? `/commune/ocop-entries/${encodeURIComponent(id)}` : "/commune/ocop-entries",
    { method: "POST", body, locale },
  )
  if (!result.ok) return failure(locale, result.error, values, [...ENTRY_FIELDS])
  const entryPath = `/${locale}/commune/registry/${encodeURIComponent(result.data.ocop_entry.id)}`
  redirect(`${entryPath}?status=${id ? "saved" : "created"}`)
}

/** Links an entry to one of its seller's listings, or unlinks it (an empty `product_id`). */
export async function linkEntry(
  _previous: CommuneFormState,
  form: FormData,
): Promise<CommuneFormState> {
  const locale = formLocale(form)
  const id = text(form, "id")
  const unlink = form.get("unlink") === "1"
  const productId = unlink ? "" : text(form, "product_id")
  const values = { product_id: text(form, "product_id") }
  if (!productId && !unlink) {
    const t = await getTranslations({ locale, namespace: "Portal.registry.errors" })
    return {
      values,
      errors: { product_id: t("chooseProduct") },
      formError: null,
      attempt: Date.now(),
    }
  }
  const result = await backend(`/commune/ocop-entries/${encodeURIComponent(id)}`, {
    method: "POST",
    body: { product_id: productId || null },
    locale,
  })
  if (!result.ok) return failure(locale, result.error, values, ["product_id"])
  redirect(backTo(form, locale, productId ? "linked" : "unlinked"))
}

export async function closeQuarter(
  _previous: CommuneFormState,
  form: FormData,
): Promise<CommuneFormState> {
  const locale = formLocale(form)
  const quarter = text(form, "quarter")
  const result = await backend("/commune/indicators/close", {
    method: "POST",
    body: { quarter },
    locale,
  })
  if (!result.ok) return failure(locale, result.error, { quarter }, [])
  redirect(`/${locale}/commune/indicators?${new URLSearchParams({ quarter, status: "closed" })}`)
}
