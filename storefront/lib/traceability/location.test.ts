import { afterEach, beforeEach, describe, expect, it, vi } from "vitest"
import { dayToDate } from "./days"
import { isSharedLocation, shareScanLocation } from "./location"

function answer(status: number, body: unknown) {
  const calls: { url: string; init: RequestInit }[] = []
  vi.stubGlobal(
    "fetch",
    vi.fn(async (input: URL | string, init: RequestInit) => {
      calls.push({ url: input.toString(), init })
      return new Response(JSON.stringify(body), { status })
    }),
  )
  return calls
}

beforeEach(() => {
  vi.stubEnv("TRACEABILITY_URL", "http://tem.test:9100")
  vi.spyOn(console, "error").mockImplementation(() => {})
})

afterEach(() => {
  vi.unstubAllGlobals()
  vi.unstubAllEnvs()
  vi.restoreAllMocks()
})

describe("shareScanLocation", () => {
  it("posts the location to the scan and thanks the buyer", async () => {
    const calls = answer(201, { verdict: "genuine_first_scan", impossible_travel: false })
    const outcome = await shareScanLocation("AQ/scan+1", { lat: 22.39, lng: 104.06, accuracy: 30 })
    expect(outcome).toEqual({ status: "recorded", suspicious: false })
    expect(calls[0].url).toBe("http://tem.test:9100/scans/AQ%2Fscan%2B1/location")
    expect(calls[0].init.method).toBe("POST")
    expect(JSON.parse(String(calls[0].init.body))).toEqual({
      lat: 22.39,
      lng: 104.06,
      accuracy: 30,
    })
  })

  it("says so when the location shows the stamp was copied", async () => {
    answer(201, { verdict: "suspicious", impossible_travel: true })
    expect(await shareScanLocation("s", { lat: 10.8, lng: 106.7 })).toEqual({
      status: "recorded",
      suspicious: true,
    })
  })

  it("tells a late location from a second one, and turns anything else into failed", async () => {
    answer(409, { error: "too_late", message: "…" })
    expect(await shareScanLocation("s", { lat: 1, lng: 1 })).toEqual({ status: "too_late" })
    answer(409, { error: "conflict", message: "…" })
    expect(await shareScanLocation("s", { lat: 1, lng: 1 })).toEqual({ status: "already_shared" })
    answer(404, { error: "not_found" })
    expect(await shareScanLocation("s", { lat: 1, lng: 1 })).toEqual({ status: "failed" })
    vi.stubGlobal("fetch", vi.fn().mockRejectedValue(new TypeError("fetch failed")))
    expect(await shareScanLocation("s", { lat: 1, lng: 1 })).toEqual({ status: "failed" })
  })
})

describe("isSharedLocation", () => {
  it("accepts only coordinates the service would take", () => {
    expect(isSharedLocation({ lat: 22.39, lng: 104.06 })).toBe(true)
    expect(isSharedLocation({ lat: 22.39, lng: 104.06, accuracy: 12.5 })).toBe(true)
    expect(isSharedLocation({ lat: 91, lng: 0 })).toBe(false)
    expect(isSharedLocation({ lat: 0, lng: -181 })).toBe(false)
    expect(isSharedLocation({ lat: "22", lng: 104 })).toBe(false)
    expect(isSharedLocation({ lat: Number.NaN, lng: 104 })).toBe(false)
    expect(isSharedLocation({ lat: 0, lng: 0, accuracy: -1 })).toBe(false)
    expect(isSharedLocation(null)).toBe(false)
  })
})

describe("dayToDate", () => {
  it("falls inside the same calendar day in Vietnam", () => {
    expect(dayToDate("2026-10-05").toISOString()).toBe("2026-10-05T05:00:00.000Z")
  })
})
