import { parseWhole } from "./seller-form"
import { parseKg } from "./seller-orders"

// The per-kg fields of the seller's product form (produce sold by weight, docs/checkout.md):
// the backend's `variants[].sold_by_weight`. Pure: the unit tests run it without a server.

export type PerKgRule = {
  unit: "piece" | "step"
  price_per_kg: number
  grams: number
  tolerance_pct: number
}

/** "fixed": one price per unit, as before; "piece" and "step": priced per kg, weighed at packing. */
export const SALE_UNITS = ["fixed", "piece", "step"] as const
export type SaleUnit = (typeof SALE_UNITS)[number]

/** The same limits the backend takes (SoldByWeightInput). */
const MAX_PRICE_PER_KG = 100_000_000
const MAX_GRAMS = 1_000_000
const MAX_TOLERANCE = 50

/** The variant's price: one unit at its estimated weight, in whole dong (as the backend rounds). */
export const estimatedUnitPrice = (pricePerKg: number, grams: number) =>
  Math.round((pricePerKg * grams) / 1000)

export type PerKgErrors = Partial<Record<"price_per_kg" | "unit_kg" | "tolerance_pct", PerKgError>>
export type PerKgError = "pricePerKg" | "unitKg" | "tolerance"

export type PerKgResult =
  | { kind: "fixed" }
  | { kind: "perKg"; rule: PerKgRule; price: number }
  | { kind: "invalid"; errors: PerKgErrors }

/**
 * Reads the form's `sale_unit`, `price_per_kg` ("150.000"), `unit_kg` ("1,8") and
 * `tolerance_pct` ("10"). Anything but "piece" or "step" is a fixed price.
 */
export function readPerKg(v: Record<string, string>): PerKgResult {
  const unit = v.sale_unit
  if (unit !== "piece" && unit !== "step") return { kind: "fixed" }
  const errors: PerKgErrors = {}
  const pricePerKg = parseWhole(v.price_per_kg ?? "")
  if (pricePerKg === null || pricePerKg < 1 || pricePerKg > MAX_PRICE_PER_KG) {
    errors.price_per_kg = "pricePerKg"
  }
  const grams = parseKg(v.unit_kg ?? "")
  if (grams === null || grams > MAX_GRAMS) errors.unit_kg = "unitKg"
  const tolerance = parseWhole(v.tolerance_pct ?? "")
  if (tolerance === null || tolerance > MAX_TOLERANCE) errors.tolerance_pct = "tolerance"
  if (Object.keys(errors).length) return { kind: "invalid", errors }
  const rule: PerKgRule = {
    unit,
    price_per_kg: pricePerKg as number,
    grams: grams as number,
    tolerance_pct: tolerance as number,
  }
  return { kind: "perKg", rule, price: estimatedUnitPrice(rule.price_per_kg, rule.grams) }
}

/** A rule as the form shows it: "150000", "1,8" (in the page's decimal mark), "10". */
export function perKgValues(rule: PerKgRule, locale: "vi" | "en"): Record<string, string> {
  const kg = rule.grams / 1000
  return {
    sale_unit: rule.unit,
    price_per_kg: String(rule.price_per_kg),
    unit_kg: locale === "vi" ? String(kg).replace(".", ",") : String(kg),
    tolerance_pct: String(rule.tolerance_pct),
  }
}
