import { describe, expect, it } from "vitest"
import { chosenQuarter, quarterLabel, quarterOf, quartersBefore } from "./commune-quarters"

describe("commune quarters", () => {
  it("places a moment in Vietnam's quarter, not UTC's", () => {
    // 30 June 2026 20:00 UTC is already 1 July in Vietnam.
    expect(quarterOf(new Date("2026-06-30T20:00:00Z"))).toBe("2026-Q3")
    expect(quarterOf(new Date("2026-06-30T16:00:00Z"))).toBe("2026-Q2")
  })

  it("counts back across a year", () => {
    expect(quartersBefore("2026-Q2", 4)).toEqual(["2026-Q2", "2026-Q1", "2025-Q4", "2025-Q3"])
  })

  it("names a quarter in each language", () => {
    expect(quarterLabel("2026-Q3", "vi")).toBe("Quý 3/2026")
    expect(quarterLabel("2026-Q3", "en")).toBe("Q3 2026")
  })

  it("falls back to the current quarter for a malformed or future one", () => {
    const now = new Date("2026-11-29T10:00:00Z")
    expect(chosenQuarter("2026-Q2", now)).toBe("2026-Q2")
    expect(chosenQuarter("2027-Q1", now)).toBe("2026-Q4")
    expect(chosenQuarter("2026-Q5", now)).toBe("2026-Q4")
    expect(chosenQuarter(undefined, now)).toBe("2026-Q4")
  })
})
