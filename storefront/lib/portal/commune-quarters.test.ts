import { describe, expect, it } from "vitest"
import { chosenQuarter } from "./commune-quarters"

describe("commune quarters", () => {
  it("falls back to the current quarter for a malformed or future one", () => {
    const now = new Date("2026-11-29T10:00:00Z")
    expect(chosenQuarter("2026-Q2", now)).toBe("2026-Q2")
    expect(chosenQuarter("2027-Q1", now)).toBe("2026-Q4")
    expect(chosenQuarter("2026-Q5", now)).toBe("2026-Q4")
    expect(chosenQuarter(undefined, now)).toBe("2026-Q4")
  })
})
