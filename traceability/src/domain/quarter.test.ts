import { describe, expect, it } from "vitest"
import { parseQuarter, quarterOf } from "./quarter.js"

describe("parseQuarter", () => {
  it("gives a quarter's range in Vietnam's time", () => {
    expect(parseQuarter("2026-Q3")).toEqual({
      quarter: "2026-Q3",
      start: new Date("2026-07-01T00:00:00+07:00"),
      end: new Date("2026-10-01T00:00:00+07:00"),
    })
    expect(parseQuarter("2026-Q4")?.end).toEqual(new Date("2027-01-01T00:00:00+07:00"))
  })

  it("rejects anything else", () => {
    for (const text of ["2026-Q5", "2026-Q0", "2026Q3", "26-Q3", "2026-q3", "", "2026-Q3 "]) {
      expect(parseQuarter(text), text).toBeNull()
    }
  })
})

describe("quarterOf", () => {
  it("places instants by the local date in Vietnam", () => {
    expect(quarterOf(new Date("2026-09-30T23:30:00+07:00"))).toBe("2026-Q3")
    expect(quarterOf(new Date("2026-09-30T17:30:00Z"))).toBe("2026-Q4")
    expect(quarterOf(new Date("2026-01-01T00:00:00+07:00"))).toBe("2026-Q1")
  })
})
