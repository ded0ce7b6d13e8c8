import { describe, expect, it } from "vitest"
import {
  isQuarter,
  previousQuarter,
  QUARTER_PATTERN_SOURCE,
  quarterLabel,
  quarterOf,
  quarterRange,
  quartersBefore,
  quartersBetween,
  vietnamToday,
} from "./quarters.js"

describe("quarters in Vietnam's time", () => {
  it("places a moment in its Vietnamese quarter, not its UTC one", () => {
    expect(quarterOf("2026-09-30T16:59:59Z")).toBe("2026-Q3")
    // 17:00 UTC on 30 September is midnight on 1 October in Hà Nội.
    expect(quarterOf("2026-09-30T17:00:00Z")).toBe("2026-Q4")
    expect(quarterOf("2026-12-31T17:00:00Z")).toBe("2027-Q1")
    expect(quarterOf(new Date("2026-09-30T23:30:00+07:00"))).toBe("2026-Q3")
    expect(quarterOf(new Date("2026-09-30T17:30:00Z"))).toBe("2026-Q4")
    expect(quarterOf(new Date("2026-01-01T00:00:00+07:00"))).toBe("2026-Q1")
    // 30 June 2026 20:00 UTC is already 1 July in Vietnam.
    expect(quarterOf(new Date("2026-06-30T20:00:00Z"))).toBe("2026-Q3")
    expect(quarterOf(new Date("2026-06-30T16:00:00Z"))).toBe("2026-Q2")
  })

  it("gives a quarter's bounds and refuses malformed quarters", () => {
    expect(quarterRange("2026-Q3")).toEqual({
      start: new Date("2026-06-30T17:00:00Z"),
      end: new Date("2026-09-30T17:00:00Z"),
    })
    expect(quarterRange("2026-Q3")).toEqual({
      start: new Date("2026-07-01T00:00:00+07:00"),
      end: new Date("2026-10-01T00:00:00+07:00"),
    })
    expect(quarterRange("2026-Q4")?.end).toEqual(new Date("2027-01-01T00:00:00+07:00"))
    for (const bad of ["2026-Q5", "2026-Q0", "2026-q3", "26-Q3", "2026Q3", "", "2026-Q3 "]) {
      expect(quarterRange(bad), bad).toBeNull()
      expect(isQuarter(bad), bad).toBe(false)
      expect(new RegExp(QUARTER_PATTERN_SOURCE).test(bad), bad).toBe(false)
    }
    expect(isQuarter("2026-Q3")).toBe(true)
    expect(new RegExp(QUARTER_PATTERN_SOURCE).test("2026-Q3")).toBe(true)
  })

  it("steps back across years and lists a range", () => {
    expect(previousQuarter("2026-Q1")).toBe("2025-Q4")
    expect(quartersBetween("2025-Q4", "2026-Q2")).toEqual(["2025-Q4", "2026-Q1", "2026-Q2"])
    expect(() => quartersBetween("2027-Q1", "2026-Q1")).toThrow()
    expect(quartersBefore("2026-Q2", 4)).toEqual(["2026-Q2", "2026-Q1", "2025-Q4", "2025-Q3"])
  })

  it("names a quarter in each language", () => {
    expect(quarterLabel("2026-Q3", "vi")).toBe("Quý 3/2026")
    expect(quarterLabel("2026-Q3", "en")).toBe("Q3 2026")
    expect(quarterLabel("soon", "en")).toBe("soon")
  })

  it("tells today's date in Vietnam", () => {
    expect(vietnamToday(new Date("2026-06-30T17:30:00Z"))).toBe("2026-07-01")
    expect(vietnamToday(new Date("2026-06-30T16:30:00Z"))).toBe("2026-06-30")
  })
})
