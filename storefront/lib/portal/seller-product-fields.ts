import type { ReactNode } from "react"
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

type PerKgKey =
  | "saleUnit"
  | "saleUnitFixed"
  | "saleUnitPiece"
  | "saleUnitStep"
  | "pricePerKg"
  | "pricePerKgHint"
  | "unitKg"
  | "unitKgHint"
  | "tolerancePct"
  | "tolerancePctHint"

/** How a variant is charged: a fixed price, or per kg (weighed at packing). */
export function saleUnitField(t: (key: PerKgKey) => string) {
  return {
    name: "sale_unit",
    label: t("saleUnit"),
    type: "radio",
    required: true,
    options: [
      { value: "fixed", label: t("saleUnitFixed") },
      { value: "piece", label: t("saleUnitPiece") },
      { value: "step", label: t("saleUnitStep") },
    ],
  } satisfies FieldSpec
}

/**
 * The per-kg fields (backend `sold_by_weight`), shown only when selling by weight; `estimate`
 * (the computed unit price) follows them. `t`: the "Portal.products" messages.
 */
export function perKgFields(t: (key: PerKgKey) => string, estimate: ReactNode) {
  return [
    {
      name: "price_per_kg",
      label: t("pricePerKg"),
      hint: t("pricePerKgHint"),
      pattern: WHOLE_PATTERN,
      inputMode: "numeric",
      className: "per-kg-only",
    },
    {
      name: "unit_kg",
      label: t("unitKg"),
      hint: t("unitKgHint"),
      pattern: KG_PATTERN,
      inputMode: "decimal",
      className: "per-kg-only",
    },
    {
      name: "tolerance_pct",
      label: t("tolerancePct"),
      hint: t("tolerancePctHint"),
      pattern: "[0-9]{1,2}",
      inputMode: "numeric",
      className: "per-kg-only",
      after: estimate,
    },
  ] satisfies FieldSpec[]
}

/** Kilograms as people type them: "1,8", "1.85", "2". */
export const KG_PATTERN = "[0-9]+([.,][0-9]{1,3})?"
