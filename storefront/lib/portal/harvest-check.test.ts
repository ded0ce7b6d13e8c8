import { describe, expect, it } from "vitest"
import { harvestOverBatch } from "./harvest-check"

describe("harvestOverBatch", () => {
  const batch = { amount: 6000, unit: "kg" }

  it("warns when the harvests add up to more than the batch, in the batch's unit", () => {
    expect(harvestOverBatch(batch, [{ amount: 6500, unit: "kg" }])).toBe(6500)
    expect(
      harvestOverBatch(batch, [
        { amount: 4000, unit: "kg" },
        { amount: 2500, unit: " KG " },
      ]),
    ).toBe(6500)
  })

  it("stays quiet at or under the batch's quantity", () => {
    expect(harvestOverBatch(batch, [{ amount: 6000, unit: "kg" }])).toBeNull()
    expect(harvestOverBatch(batch, [{ amount: 5999.5, unit: "kg" }])).toBeNull()
    expect(harvestOverBatch(batch, [])).toBeNull()
    expect(
      harvestOverBatch({ amount: 0.3, unit: "tấn" }, [
        { amount: 0.1, unit: "tấn" },
        { amount: 0.2, unit: "tấn" },
      ]),
    ).toBeNull()
  })

  it("converts between the mass units people write", () => {
    expect(harvestOverBatch({ amount: 6, unit: "tấn" }, [{ amount: 6500, unit: "kg" }])).toBe(6.5)
    expect(harvestOverBatch(batch, [{ amount: 61, unit: "tạ" }])).toBe(6100)
    expect(harvestOverBatch(batch, [{ amount: 59, unit: "tạ" }])).toBeNull()
    expect(harvestOverBatch({ amount: 50, unit: "yến" }, [{ amount: 501, unit: "kg" }])).toBe(50.1)
  })

  it("leaves out what cannot be compared", () => {
    expect(harvestOverBatch(batch, [{ amount: 9000, unit: "túi" }])).toBeNull()
    expect(harvestOverBatch({ amount: 100, unit: "túi" }, [{ amount: 120, unit: "kg" }])).toBeNull()
    expect(
      harvestOverBatch(batch, [
        { amount: 9000, unit: "bó" },
        { amount: 6001, unit: "kg" },
      ]),
    ).toBe(6001)
  })
})
