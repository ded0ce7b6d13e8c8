/**
 * Produce priced per kilogram and weighed at packing (issue 17): a whole chicken "~1,8 kg/con,
 * 150.000 ₫/kg", or pork in 0,5 kg steps. Pure rules; the variant keeps them in
 * `metadata.sold_by_weight`, the split copies them onto the part's line, and weighing
 * (src/workflows/weigh-order-part.ts) reprices the line with Medusa's order edit.
 */
import { z } from "zod"

export interface SoldByWeight {
  /** "piece": a whole animal, a bag (~grams each); "step": a cut sold in steps of `grams`. */
  unit: "piece" | "step"
  /** Whole dong per kilogram. */
  price_per_kg: number
  /** Estimated grams of one unit (one piece, one step). */
  grams: number
  /** How far, in percent, the charge may move from the estimate before the buyer is asked. */
  tolerance_pct: number
}

export const SoldByWeightInput = z.strictObject({
  unit: z.enum(["piece", "step"]),
  price_per_kg: z
    .number()
    .int("Giá mỗi kg là số đồng nguyên|The price per kg is whole dong")
    .min(1)
    .max(100_000_000),
  grams: z
    .number()
    .int("Cân nặng tính bằng gam nguyên|Weights are whole grams")
    .min(1)
    .max(1_000_000),
  tolerance_pct: z.number().int().min(0).max(50),
})

/** The variant's price: one unit at its estimated weight, in whole dong. */
export const estimatedUnitPrice = (s: SoldByWeight) => Math.round((s.price_per_kg * s.grams) / 1000)

/** Reads a variant's or a line's `metadata.sold_by_weight`, or null for a fixed-price one. */
export function soldByWeightOf(metadata: unknown): SoldByWeight | null {
  const raw = (metadata as { sold_by_weight?: unknown } | null | undefined)?.sold_by_weight
  const parsed = SoldByWeightInput.safeParse(raw)
  return parsed.success ? parsed.data : null
}

/** Weights beyond this multiple of the line's estimate are a typing error, not a heavy chicken. */
export const MAX_WEIGHT_FACTOR = 10

export interface WeighedLine {
  /** The line's unit price after weighing: the line's amount shared by its units, whole dong. */
  unit_price: number
  /** unit_price × quantity. */
  total: number
  estimated_total: number
  estimated_grams: number
  within_tolerance: boolean
}

/**
 * A line's amount from its actual weight (all its units together). The line keeps its quantity
 * (stock and fulfilment count pieces); its unit price becomes the weighed amount divided by the
 * quantity, rounded to the dong, so every price stays whole dong.
 */
export function weighLine(s: SoldByWeight, quantity: number, grams: number): WeighedLine {
  const estimatedGrams = s.grams * quantity
  const estimatedTotal = estimatedUnitPrice(s) * quantity
  const unitPrice = Math.round((s.price_per_kg * grams) / 1000 / quantity)
  const total = unitPrice * quantity
  const limit = (estimatedTotal * s.tolerance_pct) / 100
  return {
    unit_price: unitPrice,
    total,
    estimated_total: estimatedTotal,
    estimated_grams: estimatedGrams,
    within_tolerance: Math.abs(total - estimatedTotal) <= limit,
  }
}

/** A cart line sold by weight: what the buyer must accept before the cart completes. */
export interface WeighedCartLine {
  variant_id: string
  title: string
  rule: SoldByWeight
}

/**
 * The first line sold by weight whose tolerance the buyer did not accept, or accepted at another
 * percentage than the variant's today (the seller changed it since): null when all are accepted.
 * `accepted` maps a variant id to the percentage ticked (the cart's metadata, @coop/contracts).
 */
export function firstUnaccepted(
  lines: WeighedCartLine[],
  accepted: Record<string, number>,
): WeighedCartLine | null {
  return lines.find((l) => accepted[l.variant_id] !== l.rule.tolerance_pct) ?? null
}

/** Why the cart cannot complete, in both languages. */
export const unacceptedText = (line: WeighedCartLine) => ({
  vi: `Vui lòng đồng ý rằng số tiền của "${line.title}" có thể thay đổi tối đa ±${line.rule.tolerance_pct}% sau khi cân`,
  en: `Please accept that the amount for "${line.title}" may change by up to ±${line.rule.tolerance_pct}% after weighing`,
})

/**
 * How much more than its estimate a line may cost within its tolerance, in whole dong: what a
 * card holds on top of the estimate for it (docs/checkout.md "Produce sold by weight"). Rounded
 * down, as `weighLine` accepts at most this much above the estimate.
 */
export const toleranceHeadroom = (s: SoldByWeight, quantity: number) =>
  Math.floor((estimatedUnitPrice(s) * quantity * s.tolerance_pct) / 100)
