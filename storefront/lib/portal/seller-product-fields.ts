import type { FieldSpec } from "@/components/portal/seller-form"
import type { Locale } from "@/i18n/routing"
import { listCategories } from "@/lib/medusa/categories"
import type { Option } from "./seller-form"

/** The shop's categories as choices, in the page's language (none when the shop is down). */
export async function categoryOptions(locale: Locale): Promise<Option[]> {
  const categories = await listCategories().catch(() => [])
  return categories.map((c) => ({ value: c.id, label: c.name[locale] }))
}

/**
 * The optional English name and description, shown on /en (Vietnamese is shown there without
 * them); same limits as the Vietnamese fields (checked by the backend, which names the limit). `t`: the "Portal.products" messages.
 */
export function englishFields(t: (key: "titleEn" | "descriptionEn" | "englishHint") => string) {
  return [
    { name: "title_en", label: t("titleEn"), hint: t("englishHint"), minLength: 2 },
    { name: "description_en", label: t("descriptionEn"), type: "textarea" },
  ] satisfies FieldSpec[]
}

/** Whole dong or pieces, as the number input's pattern: digits, with dots or spaces as people type them. */
export const WHOLE_PATTERN = "[0-9][0-9 .]*"

/** VAT rates a product can carry on invoices ("KCT": not subject to VAT), as the backend takes them. */
export const VAT_RATES = ["KCT", "0%", "5%", "8%", "10%"] as const

export const isVatRate = (value: string) => (VAT_RATES as readonly string[]).includes(value)

type InvoiceKey = "vatRate" | "vatRateHint" | "vatKCT" | "invoiceUnit" | "invoiceUnitHint"

/** The product's VAT rate and unit on the seller's e-invoices. `t`: the "Portal.products" messages. */
export function invoiceFields(t: (key: InvoiceKey) => string) {
  return [
    {
      name: "vat_rate",
      label: t("vatRate"),
      hint: t("vatRateHint"),
      type: "select",
      options: VAT_RATES.map((rate) => ({
        value: rate,
        label: rate === "KCT" ? t("vatKCT") : rate,
      })),
    },
    { name: "invoice_unit", label: t("invoiceUnit"), hint: t("invoiceUnitHint") },
  ] satisfies FieldSpec[]
}
