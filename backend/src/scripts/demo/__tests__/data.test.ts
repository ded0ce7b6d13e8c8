import { describe, expect, it } from "vitest"
import { estimatedUnitPrice, soldByWeightOf } from "../../../lib/sold-by-weight"
import { PRODUCTS } from "../data"

/** GS1's mod-10 check digit, computed here rather than taken from the code that reads GTINs. */
function checkDigit(body: string): number {
  const sum = [...body]
    .reverse()
    .reduce((total, digit, i) => total + Number(digit) * (i % 2 === 0 ? 3 : 1), 0)
  return (10 - (sum % 10)) % 10
}

describe("the demo products' GTINs", () => {
  const withGtin = PRODUCTS.filter((p) => p.gtin)

  it("are GTIN-13s under GS1 Vietnam's prefix 893 with valid check digits, each once", () => {
    expect(withGtin.length).toBeGreaterThan(0)
    for (const { handle, gtin } of withGtin) {
      expect(gtin, handle).toMatch(/^893\d{10}$/)
      expect(Number(gtin!.at(-1)), handle).toBe(checkDigit(gtin!.slice(0, 12)))
    }
    expect(new Set(withGtin.map((p) => p.gtin)).size).toBe(withGtin.length)
  })

  it("leave some OCOP products without one, so both stamp forms are shown", () => {
    // npm start's first demo stamp (scripts/lib/demo-trace.mjs) is a GS1 Digital Link.
    expect(PRODUCTS.find((p) => p.handle === "gao-seng-cu-gia-phu-5kg")?.gtin).toBeTruthy()
    expect(PRODUCTS.some((p) => p.ocop_stars && !p.gtin)).toBe(true)
  })
})

describe("the demo produce sold by weight", () => {
  it("has a free-range chicken whose listed price is one bird at its estimated weight", () => {
    const sold = PRODUCTS.filter((p) => p.sold_by_weight)
    expect(sold.map((p) => p.handle)).toContain("ga-doi-tha-vuon-phu-cuong")
    for (const p of sold) {
      expect(p.price, p.handle).toBe(estimatedUnitPrice(p.sold_by_weight!))
      expect(soldByWeightOf({ sold_by_weight: p.sold_by_weight }), p.handle).not.toBeNull()
    }
  })
})
