import { partWeightGrams, weightBandPrice } from "../rates"

describe("weightBandPrice", () => {
  it("charges the first band that holds the weight", () => {
    expect(weightBandPrice(0)).toBe(25000)
    expect(weightBandPrice(1000)).toBe(25000)
    expect(weightBandPrice(1001)).toBe(35000)
    expect(weightBandPrice(5000)).toBe(45000)
    expect(weightBandPrice(10000)).toBe(70000)
  })

  it("adds a fee per started 5 kg past the last band", () => {
    expect(weightBandPrice(10001)).toBe(90000)
    expect(weightBandPrice(15000)).toBe(90000)
    expect(weightBandPrice(15001)).toBe(110000)
  })

  it("takes the option's own bands in any order and refuses a negative weight", () => {
    const bands = [
      { up_to_grams: 2000, amount: 30000 },
      { up_to_grams: 500, amount: 10000 },
    ]
    expect(weightBandPrice(400, bands)).toBe(10000)
    expect(weightBandPrice(1500, bands)).toBe(30000)
    expect(() => weightBandPrice(-1)).toThrow(/Invalid weight/)
  })
})

describe("partWeightGrams", () => {
  it("uses the variant's weight, else the product's, times the quantity", () => {
    expect(
      partWeightGrams([
        { quantity: 2, variant: { weight: 5000 }, product: { weight: 9999 } },
        { quantity: 3, variant: { weight: null }, product: { weight: 500 } },
        { quantity: 1, variant: null, product: null },
      ]),
    ).toBe(11500)
  })
})
