import { describe, expect, it } from "vitest"
import { isoWithOffset, offsetMinutes, offsetOf } from "./event-time.js"

describe("time zone offsets", () => {
  it("reads offsets within ±14:00", () => {
    expect(offsetMinutes("+07:00")).toBe(420)
    expect(offsetMinutes("-03:30")).toBe(-210)
    expect(offsetMinutes("Z")).toBe(0)
    expect(offsetMinutes("+14:00")).toBe(840)
    expect(offsetMinutes("+14:30")).toBeNull()
    expect(offsetMinutes("+7:00")).toBeNull()
    expect(offsetMinutes("+07:60")).toBeNull()
  })

  it("takes the offset an RFC 3339 time was written with", () => {
    expect(offsetOf("2025-10-05T06:00:00+07:00")).toBe("+07:00")
    expect(offsetOf("2025-10-05T06:00:00.5-05:00")).toBe("-05:00")
    expect(offsetOf("2025-10-05T06:00:00Z")).toBe("+00:00")
    expect(offsetOf("2025-10-05T06:00:00")).toBeNull()
    expect(offsetOf("2025-10-05T06:00:00+15:00")).toBeNull()
  })

  it("writes an instant as local time at its offset", () => {
    const instant = new Date("2025-10-04T23:00:00Z")
    expect(isoWithOffset(instant, "+07:00")).toBe("2025-10-05T06:00:00.000+07:00")
    expect(isoWithOffset(instant, "-03:30")).toBe("2025-10-04T19:30:00.000-03:30")
    expect(isoWithOffset(instant, "Z")).toBe("2025-10-04T23:00:00.000+00:00")
    expect(new Date(isoWithOffset(instant, "+07:00")).getTime()).toBe(instant.getTime())
    expect(() => isoWithOffset(instant, "+7")).toThrow()
  })
})
