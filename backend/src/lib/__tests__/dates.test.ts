import { addDays, addMonths, isCalendarDate, vietnamToday } from "../dates"
import { certificateState, defaultExpiry } from "../ocop-certificate"

describe("registry dates", () => {
  it("takes today's date in Vietnam, not in the server's zone", () => {
    expect(vietnamToday(new Date("2025-06-30T16:59:59Z"))).toBe("2025-06-30")
    expect(vietnamToday(new Date("2025-06-30T17:00:00Z"))).toBe("2025-07-01")
  })

  it("accepts only real calendar days", () => {
    expect(isCalendarDate("2024-02-29")).toBe(true)
    expect(isCalendarDate("2025-02-29")).toBe(false)
    expect(isCalendarDate("2025-13-01")).toBe(false)
    expect(isCalendarDate("2025-1-01")).toBe(false)
    expect(isCalendarDate("01/02/2025")).toBe(false)
  })

  it("adds months, falling back to the last day of a shorter month", () => {
    expect(addMonths("2024-03-15", 36)).toBe("2027-03-15")
    expect(addMonths("2024-02-29", 36)).toBe("2027-02-28")
    expect(addMonths("2025-01-31", 1)).toBe("2025-02-28")
    expect(addMonths("2025-03-31", -1)).toBe("2025-02-28")
    expect(addDays("2024-12-31", 1)).toBe("2025-01-01")
  })

  it("runs a certificate 36 months and flags it 90 days before and after expiry", () => {
    expect(defaultExpiry("2023-07-01")).toBe("2026-07-01")
    const today = "2026-01-01"
    expect(certificateState("2025-12-31", today)).toEqual({ expired: true, expiring_soon: false })
    // Valid through its expiry day.
    expect(certificateState("2026-01-01", today)).toEqual({ expired: false, expiring_soon: true })
    expect(certificateState("2026-04-01", today)).toEqual({ expired: false, expiring_soon: true })
    expect(certificateState("2026-04-02", today)).toEqual({ expired: false, expiring_soon: false })
  })
})
