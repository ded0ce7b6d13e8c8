import { describe, expect, it } from "vitest"
import {
  estimatedUnitPrice,
  firstUnaccepted,
  soldByWeightOf,
  toleranceHeadroom,
  unacceptedText,
  weighLine,
} from "../sold-by-weight"

const CHICKEN = { unit: "piece" as const, price_per_kg: 150000, grams: 1800, tolerance_pct: 10 }

describe("produce sold by weight", () => {
  it("prices a unit at its estimated weight, in whole dong", () => {
    expect(estimatedUnitPrice(CHICKEN)).toBe(270000)
    expect(estimatedUnitPrice({ ...CHICKEN, price_per_kg: 99999, grams: 333 })).toBe(33300)
  })

  it("reprices a line from its weight, keeping whole-dong unit prices and the quantity", () => {
    expect(weighLine(CHICKEN, 2, 3800)).toEqual({
      unit_price: 285000,
      total: 570000,
      estimated_total: 540000,
      estimated_grams: 3600,
      within_tolerance: true,
    })
    // 3 birds, 5,555 g: 833,250 VND shared by 3 is 277,750 each.
    const odd = weighLine(CHICKEN, 3, 5555)
    expect(Number.isInteger(odd.unit_price)).toBe(true)
    expect(odd.total).toBe(odd.unit_price * 3)
  })

  it("holds the tolerance at its edge both ways", () => {
    // ±10% of 540,000 is 54,000: 3,960 g is exactly +54,000, 3,961 g is beyond.
    expect(weighLine(CHICKEN, 2, 3960).within_tolerance).toBe(true)
    expect(weighLine(CHICKEN, 2, 3961).within_tolerance).toBe(false)
    expect(weighLine(CHICKEN, 2, 3240).within_tolerance).toBe(true)
    expect(weighLine(CHICKEN, 2, 3239).within_tolerance).toBe(false)
  })

  it("reads only a well-formed rule from metadata", () => {
    expect(soldByWeightOf({ sold_by_weight: CHICKEN })).toEqual(CHICKEN)
    expect(soldByWeightOf({ sold_by_weight: { ...CHICKEN, price_per_kg: 1.5 } })).toBeNull()
    expect(soldByWeightOf(null)).toBeNull()
  })

  it("finds the first line sold by weight the buyer did not accept at its current tolerance", () => {
    const lines = [
      { variant_id: "variant_ga", title: "Gà đồi", rule: CHICKEN },
      { variant_id: "variant_lon", title: "Thịt lợn", rule: { ...CHICKEN, tolerance_pct: 5 } },
    ]
    expect(firstUnaccepted(lines, { variant_ga: 10, variant_lon: 5 })).toBeNull()
    expect(firstUnaccepted([], {})).toBeNull()
    expect(firstUnaccepted(lines, {})?.variant_id).toBe("variant_ga")
    expect(firstUnaccepted(lines, { variant_ga: 10 })?.variant_id).toBe("variant_lon")
    // Accepted at another percentage than the listing's today: not accepted.
    expect(firstUnaccepted(lines, { variant_ga: 10, variant_lon: 10 })?.variant_id).toBe(
      "variant_lon",
    )
    expect(unacceptedText(lines[1]!)).toEqual({
      vi: 'Vui lòng đồng ý rằng số tiền của "Thịt lợn" có thể thay đổi tối đa ±5% sau khi cân',
      en: 'Please accept that the amount for "Thịt lợn" may change by up to ±5% after weighing',
    })
  })

  it("holds on a card exactly the most a line within its tolerance can add", () => {
    expect(toleranceHeadroom(CHICKEN, 2)).toBe(54000)
    expect(toleranceHeadroom({ ...CHICKEN, tolerance_pct: 0 }, 2)).toBe(0)
    // 3 birds at 7%: 810,000 × 7% is 56,700; an odd price rounds down to whole dong.
    expect(toleranceHeadroom({ ...CHICKEN, tolerance_pct: 7 }, 3)).toBe(56700)
    const odd = { ...CHICKEN, price_per_kg: 99999, grams: 333, tolerance_pct: 3 }
    expect(toleranceHeadroom(odd, 1)).toBe(999)
    // Every weight the tolerance accepts costs at most the headroom above the estimate.
    for (let grams = 3500; grams <= 4100; grams++) {
      const line = weighLine(CHICKEN, 2, grams)
      if (line.within_tolerance) {
        expect(line.total - line.estimated_total).toBeLessThanOrEqual(toleranceHeadroom(CHICKEN, 2))
      }
    }
  })
})
