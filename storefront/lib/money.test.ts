import { describe, expect, it } from "vitest"
import { formatVnd } from "./money"

const normalise = (text: string) => text.replace(/\s/g, " ")

describe("formatVnd", () => {
  it("formats whole dong with dots and the dong sign", () => {
    expect(normalise(formatVnd(185000))).toBe("185.000 ₫")
    expect(normalise(formatVnd(1250000))).toBe("1.250.000 ₫")
  })

  it("puts a non-breaking space before the sign so it never wraps alone", () => {
    expect(formatVnd(185000)).toBe("185.000\u00a0₫")
  })

  it("rounds stray fractions to whole dong", () => {
    expect(normalise(formatVnd(185000.55))).toBe("185.001 ₫")
    expect(normalise(formatVnd(0))).toBe("0 ₫")
  })
})
