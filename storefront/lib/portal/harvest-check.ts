import type { Quantity } from "@/lib/traceability/types"

// Whether a batch's harvests add up to more than the batch declares. A warning, not a refusal:
// the season may have yielded more than planned, but a slip of the unit ("6500" typed in "kg"
// for a batch of "6 tấn") is far more common, and the diary cannot be edited once written.
// Pure: unit-tested beside it.

/** Mass units a cooperative writes, in kilograms (tạ = 100 kg, yến = 10 kg). */
const KILOGRAMS: Record<string, number> = {
  kg: 1,
  kí: 1,
  ký: 1,
  g: 0.001,
  gam: 0.001,
  gram: 0.001,
  tấn: 1000,
  tan: 1000,
  t: 1000,
  tạ: 100,
  yến: 10,
}

const unitKey = (unit: string) => unit.normalize("NFC").trim().toLowerCase()

/** `amount` of `unit` in `target`, or null when the two cannot be compared (kg and túi). */
function convert(amount: number, unit: string, target: string): number | null {
  const from = unitKey(unit)
  const to = unitKey(target)
  if (from === to) return amount
  const a = KILOGRAMS[from]
  const b = KILOGRAMS[to]
  return a && b ? (amount * a) / b : null
}

/**
 * The harvests' total in the batch's unit when it is larger than the batch's quantity; null when
 * it is not, or when no harvest is in a unit comparable with the batch's.
 */
export function harvestOverBatch(batch: Quantity, harvests: readonly Quantity[]): number | null {
  let total = 0
  let compared = false
  for (const harvest of harvests) {
    const amount = convert(harvest.amount, harvest.unit, batch.unit)
    if (amount === null) continue
    total += amount
    compared = true
  }
  // Rounded to grams' precision, so 0.1 + 0.2 tấn is not "more" than 0.3 tấn.
  const rounded = Math.round(total * 1000) / 1000
  return compared && rounded > batch.amount ? rounded : null
}
