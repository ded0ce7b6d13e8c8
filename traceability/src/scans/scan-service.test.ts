import { describe, expect, it } from "vitest"
import { timeOrderedUuid } from "./scan-service.js"

describe("timeOrderedUuid", () => {
  it("is a version 7 UUID that sorts by time", () => {
    const earlier = timeOrderedUuid(new Date("2026-07-01T08:00:00.000Z"))
    const later = timeOrderedUuid(new Date("2026-07-01T08:00:00.001Z"))
    for (const id of [earlier, later]) {
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
    }
    expect(earlier < later).toBe(true)
    expect(Number.parseInt(earlier.replace("-", "").slice(0, 12), 16)).toBe(
      Date.parse("2026-07-01T08:00:00.000Z"),
    )
    expect(timeOrderedUuid(new Date(0))).not.toBe(timeOrderedUuid(new Date(0)))
  })
})
