import { describe, expect, it } from "vitest"
import { estimatedUnitPrice, soldByWeightOf, weighLine } from "../sold-by-weight"

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
})
