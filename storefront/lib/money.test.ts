import { describe, expect, it } from "vitest"
import { formatQuantity } from "./format"
import { formatVnd } from "./money"

const normalise = (text: string) => text.replace(/\s/g, " ")

describe("formatVnd", () => {
  it("formats whole dong with dots and the dong sign in Vietnamese", () => {
    expect(normalise(formatVnd(185000, "vi"))).toBe("185.000 ₫")
    expect(normalise(formatVnd(1250000, "vi"))).toBe("1.250.000 ₫")
  })

  it("formats dong with commas in English", () => {
    expect(formatVnd(185000, "en")).toBe("₫185,000")
    expect(formatVnd(1250000, "en")).toBe("₫1,250,000")
  })

  it("puts a non-breaking space before the sign so it never wraps alone", () => {
    expect(formatVnd(185000, "vi")).toBe("185.000\u00a0₫")
  })

  it("rounds stray fractions to whole dong", () => {
    expect(normalise(formatVnd(185000.55, "vi"))).toBe("185.001 ₫")
    expect(normalise(formatVnd(0, "vi"))).toBe("0 ₫")
    expect(formatVnd(185000.4, "en")).toBe("₫185,000")
  })

  it("groups digits as the quantities beside it do, in each language", () => {
    // The example: 6.000 kg next to 185.000 ₫, never 6,000 kg next to 185.000 ₫.
    for (const locale of ["vi", "en"] as const) {
      const separator = formatQuantity(6000, locale).charAt(1)
      expect(formatVnd(185000, locale)).toContain(`185${separator}000`)
    }
    expect(`${formatQuantity(6000, "vi")} kg`).toBe("6.000 kg")
    expect(`${formatQuantity(6000, "en")} kg`).toBe("6,000 kg")
  })
})
