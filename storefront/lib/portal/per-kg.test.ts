import { describe, expect, it } from "vitest"
import { perKgValues, readPerKg } from "./per-kg"

const chicken = { sale_unit: "piece", price_per_kg: "150.000", unit_kg: "1,8", tolerance_pct: "10" }

describe("the per-kg fields of the seller's product form", () => {
  it("reads a chicken priced per kg and derives one bird's price as the backend does", () => {
    expect(readPerKg(chicken)).toEqual({
      kind: "perKg",
      rule: { unit: "piece", price_per_kg: 150000, grams: 1800, tolerance_pct: 10 },
      price: 270000,
    })
    // 99.999 ₫/kg × 0,333 kg = 33.299,667: rounded to the dong.
    const odd = readPerKg({
      ...chicken,
      sale_unit: "step",
      price_per_kg: "99999",
      unit_kg: "0.333",
    })
    expect(odd).toMatchObject({ kind: "perKg", price: 33300, rule: { unit: "step", grams: 333 } })
  })

  it("is a fixed price unless the seller chose piece or step", () => {
    expect(readPerKg({ ...chicken, sale_unit: "fixed" })).toEqual({ kind: "fixed" })
    expect(readPerKg({ ...chicken, sale_unit: "" })).toEqual({ kind: "fixed" })
  })

  it("names each field it cannot read", () => {
    expect(
      readPerKg({
        sale_unit: "piece",
        price_per_kg: "một trăm",
        unit_kg: "abc",
        tolerance_pct: "51",
      }),
    ).toEqual({
      kind: "invalid",
      errors: { price_per_kg: "pricePerKg", unit_kg: "unitKg", tolerance_pct: "tolerance" },
    })
    expect(readPerKg({ ...chicken, price_per_kg: "0", unit_kg: "0", tolerance_pct: "" })).toEqual({
      kind: "invalid",
      errors: { price_per_kg: "pricePerKg", unit_kg: "unitKg", tolerance_pct: "tolerance" },
    })
    // Over a tonne is a typing error, as the backend says.
    expect(readPerKg({ ...chicken, unit_kg: "1000,001" })).toMatchObject({
      errors: { unit_kg: "unitKg" },
    })
    expect(readPerKg({ ...chicken, tolerance_pct: "0" })).toMatchObject({ kind: "perKg" })
  })

  it("writes a stored rule back into the fields in the page's decimal mark", () => {
    const rule = { unit: "piece" as const, price_per_kg: 150000, grams: 1850, tolerance_pct: 10 }
    expect(perKgValues(rule, "vi")).toEqual({
      sale_unit: "piece",
      price_per_kg: "150000",
      unit_kg: "1,85",
      tolerance_pct: "10",
    })
    expect(perKgValues(rule, "en").unit_kg).toBe("1.85")
    expect(readPerKg(perKgValues(rule, "vi"))).toMatchObject({ rule })
  })
})
