import { describe, expect, it } from "vitest"
import {
  estimatedUnitPrice,
  firstUnaccepted,
  soldByWeightOf,
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
})
