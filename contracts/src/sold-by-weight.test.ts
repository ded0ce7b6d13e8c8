import { describe, expect, it } from "vitest"
import { acceptanceOf, WEIGHT_ACCEPTANCE_FIELD } from "./sold-by-weight.js"

describe("the buyer's acceptance of a weighing tolerance", () => {
  it("reads the accepted percentages from a cart's metadata", () => {
    expect(acceptanceOf({ weight_tolerances_accepted: { variant_1: 10 }, other: 1 })).toEqual({
      variant_1: 10,
    })
    expect(WEIGHT_ACCEPTANCE_FIELD).toBe("metadata.weight_tolerances_accepted")
  })

  it("treats anything malformed or absent as nothing accepted", () => {
    expect(acceptanceOf(null)).toEqual({})
    expect(acceptanceOf({})).toEqual({})
    expect(acceptanceOf({ weight_tolerances_accepted: { variant_1: "10" } })).toEqual({})
    expect(acceptanceOf({ weight_tolerances_accepted: { variant_1: 10.5 } })).toEqual({})
    expect(acceptanceOf({ weight_tolerances_accepted: { variant_1: 51 } })).toEqual({})
    expect(acceptanceOf({ weight_tolerances_accepted: [10] })).toEqual({})
  })
})
