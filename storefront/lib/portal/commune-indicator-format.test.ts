import { describe, expect, it } from "vitest"
import { percentText, shortQuarter, shortText, valueText } from "./commune-indicator-format"

const nbsp = (s: string) => s.replace(/\s/g, " ")

describe("indicator values", () => {
  it("reads a share as numerator/denominator", () => {
    const value = { numerator: 8, denominator: 9, ratio: 0.8889 }
    expect(valueText("OCOP_ONLINE", value, "vi")).toBe("8/9")
    expect(nbsp(percentText(value, "vi") ?? "")).toBe("88,9%")
    expect(percentText(value, "en")).toBe("88.9%")
  })

  it("reads a flow as a count, and money in dong", () => {
    expect(valueText("ORDERS", { numerator: 1234, denominator: 0, ratio: null }, "vi")).toBe(
      "1.234",
    )
    // Money with the page's separators, as the counts beside it.
    expect(
      nbsp(valueText("GMV", { numerator: 1_850_000, denominator: 0, ratio: null }, "vi")),
    ).toBe("1.850.000 ₫")
    expect(valueText("GMV", { numerator: 1_850_000, denominator: 0, ratio: null }, "en")).toBe(
      "₫1,850,000",
    )
    expect(percentText({ numerator: 3, denominator: 0, ratio: null }, "vi")).toBeNull()
  })

  it("shortens values and quarters for the chart", () => {
    expect(shortText("GMV", { numerator: 1_850_000, denominator: 0, ratio: null }, "en")).toBe(
      "1.9m",
    )
    expect(shortText("TRACEABLE", { numerator: 5, denominator: 12, ratio: 0.4 }, "vi")).toBe("5/12")
    expect(shortQuarter("2026-Q3")).toBe("Q3/26")
  })
})
