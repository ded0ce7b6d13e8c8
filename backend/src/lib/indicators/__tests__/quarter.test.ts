import { previousQuarter, quarterOf, quarterRange, quartersBetween } from "../quarter"

describe("quarters in Vietnam's time", () => {
  it("places a moment in its Vietnamese quarter, not its UTC one", () => {
    expect(quarterOf("2026-09-30T16:59:59Z")).toBe("2026-Q3")
    // 17:00 UTC on 30 September is midnight on 1 October in Hà Nội.
    expect(quarterOf("2026-09-30T17:00:00Z")).toBe("2026-Q4")
    expect(quarterOf("2026-12-31T17:00:00Z")).toBe("2027-Q1")
  })

  it("gives a quarter's bounds and refuses malformed quarters", () => {
    expect(quarterRange("2026-Q3")).toEqual({
      start: new Date("2026-06-30T17:00:00Z"),
      end: new Date("2026-09-30T17:00:00Z"),
    })
    for (const bad of ["2026-Q5", "2026-q3", "26-Q3", "2026Q3", ""])
      expect(quarterRange(bad)).toBeNull()
  })

  it("steps back across years and lists a range", () => {
    expect(previousQuarter("2026-Q1")).toBe("2025-Q4")
    expect(quartersBetween("2025-Q4", "2026-Q2")).toEqual(["2025-Q4", "2026-Q1", "2026-Q2"])
    expect(() => quartersBetween("2027-Q1", "2026-Q1")).toThrow()
  })
})
