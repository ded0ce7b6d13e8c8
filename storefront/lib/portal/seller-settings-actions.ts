"use server"

import { payeeName } from "@coop/contracts/text"
import { revalidateTag } from "next/cache"
import { redirect } from "next/navigation"
import { getTranslations } from "next-intl/server"
import { formLocale } from "@/i18n/form-locale"
import { localePath } from "@/i18n/paths"
import { CACHE_TAGS } from "@/lib/cache-tags"
import { backend } from "./api"
import { type FormState, failureState, readText } from "./seller-form"
import {
  normaliseAccountNumber,
  validAccountNumber,
  validInvoiceSeries,
  validPayeeName,
  validPhone,
  validTaxCode,
} from "./seller-settings"

// The seller's settings: one POST /seller/me. The backend decides what applies at once (the logo)
// and what waits for the commune (name, address, phone, payee), and refuses payee changes from
// anyone but the owner (403 naming the field); the form only carries the payee, the tax code and
// the invoice series for the owner.

const FIELDS = [
  "name",
  "phone",
  "address",
  "logo_url",
  "bank_bin",
  "bank_account_number",
  "bank_account_name",
  "tax_code",
  "invoice_series",
] as const

export async function saveSellerSettings(_previous: FormState, form: FormData): Promise<FormState> {
  const locale = formLocale(form)
  const t = await getTranslations({ locale, namespace: "Portal.settings" })
  const f = await getTranslations({ locale, namespace: "Portal.sellerForm" })
  const texts = {
    unavailable: f("unavailable"),
    signInAgain: f("signInAgain"),
    failed: f("failed"),
  }
  const v = readText(form, FIELDS)
  v.bank_account_name = payeeName(v.bank_account_name)
  v.bank_account_number = normaliseAccountNumber(v.bank_account_number)
  // A seller may sell without VietQR: an owner who leaves the whole payee empty sends none.
  const withPayee =
    form.get("payee") === "1" &&
    [v.bank_bin, v.bank_account_number, v.bank_account_name].some(Boolean)

  const errors: Record<string, string> = {}
  if (v.name.length < 2 || v.name.length > 200) errors.name = t("errors.name")
  if (!validPhone(v.phone)) errors.phone = t("errors.phone")
  if (v.address.length < 3 || v.address.length > 300) errors.address = t("errors.address")
  if (withPayee) {
    if (!/^\d{6}$/.test(v.bank_bin)) errors.bank_bin = t("errors.bank")
    if (!validAccountNumber(v.bank_account_number)) {
      errors.bank_account_number = t("errors.accountNumber")
    }
    if (!validPayeeName(v.bank_account_name)) errors.bank_account_name = t("errors.accountName")
  }
  // The owner's invoice details (only the owner's form carries them).
  const owner = form.get("payee") === "1"
  v.tax_code = v.tax_code.replace(/\s+/g, "")
  v.invoice_series = v.invoice_series.replace(/\s+/g, "").toUpperCase()
  if (owner && v.tax_code && !validTaxCode(v.tax_code)) errors.tax_code = t("errors.taxCode")
  if (owner && v.invoice_series && !validInvoiceSeries(v.invoice_series)) {
    errors.invoice_series = t("errors.invoiceSeries")
  }
  if (Object.keys(errors).length) return { values: v, errors, formError: t("errors.fixFields") }

  const logo = form.get("logo_url_file")
  if (logo instanceof File && logo.size > 0) {
    const upload = new FormData()
    upload.append("files", logo, logo.name)
    const sent = await backend<{ files: { url: string }[] }>("/seller/uploads", {
      method: "POST",
      form: upload,
      locale,
    })
    if (!sent.ok) {
      return failureState(sent.error, v, { files: { name: "logo_url", label: t("logo") } }, texts)
    }
    v.logo_url = sent.data.files[0]?.url ?? v.logo_url
  }

  const saved = await backend<{ seller: { pending_changes?: Record<string, unknown> | null } }>(
    "/seller/me",
    {
      method: "POST",
      locale,
      body: {
        name: v.name,
        phone: v.phone,
        address: v.address,
        ...(v.logo_url ? { logo_url: v.logo_url } : {}),
        ...(withPayee
          ? {
              bank_bin: v.bank_bin,
              bank_account_number: v.bank_account_number,
              bank_account_name: v.bank_account_name,
            }
          : {}),
        ...(owner && v.tax_code ? { tax_code: v.tax_code } : {}),
        ...(owner && v.invoice_series ? { invoice_series: v.invoice_series } : {}),
      },
    },
  )
  if (!saved.ok) {
    const fields = Object.fromEntries(
      FIELDS.map((name) => [name, { name, label: t(name === "logo_url" ? "logo" : name) }]),
    )
    return failureState(saved.error, v, fields, texts)
  }
  // The logo shows on the shop's seller page at once; the rest waits for the commune.
  revalidateTag(CACHE_TAGS.sellers, { expire: 0 })
  const waiting = Object.keys(saved.data.seller.pending_changes ?? {}).length > 0
  redirect(`${localePath(locale, "/seller/settings")}?status=${waiting ? "review" : "saved"}`)
}
