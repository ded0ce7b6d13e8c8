import { afterEach, beforeEach, describe, expect, it, vi } from "vitest"
import { TraceUnavailableError } from "./errors"
import { GENUINE } from "./fixtures"
import { getProvenance } from "./provenance"

type Call = { url: string; init: RequestInit }

function stubService(status: number, body: unknown) {
  const calls: Call[] = []
  const fetchMock = vi.fn(async (input: URL | string, init: RequestInit) => {
    calls.push({ url: input.toString(), init })
    const text = typeof body === "string" ? body : JSON.stringify(body)
    return new Response(text, { status, headers: { "content-type": "application/json" } })
  })
  vi.stubGlobal("fetch", fetchMock)
  return calls
}

beforeEach(() => {
  vi.stubEnv("TRACEABILITY_URL", "http://tem.test:9100/")
  vi.spyOn(console, "error").mockImplementation(() => {})
})

afterEach(() => {
  vi.unstubAllGlobals()
  vi.unstubAllEnvs()
  vi.restoreAllMocks()
})

describe("getProvenance", () => {
  it("reads the stamp without counting a scan, uncached, and reshapes a genuine stamp", async () => {
    const calls = stubService(200, GENUINE)
    const provenance = await getProvenance("7K3M9Q2XAB4C5D6E7F8G")
    expect(provenance.verdict).toBe("genuine_first_scan")
    if (provenance.verdict === "not_genuine") return
    expect(provenance.product.title).toBe("Gạo Séng Cù Gia Phú (túi 5 kg)")
    expect(provenance.batch.lotCode).toBe("GP-2026-MUA10")
    expect(provenance.stamp.issuedAt.toISOString()).toBe("2026-03-14T20:30:00.000Z")
    expect(calls).toHaveLength(1)
    expect(calls[0].url).toBe("http://tem.test:9100/stamps/7K3M9Q2XAB4C5D6E7F8G/provenance")
    expect(new Headers(calls[0].init.headers).get("accept")).toBe("application/json")
    expect(calls[0].init.cache).toBe("no-store")
    expect(calls[0].init.signal).toBeInstanceOf(AbortSignal)
  })

  it("reads TRACEABILITY_URL at request time and escapes the serial", async () => {
    vi.stubEnv("TRACEABILITY_URL", "http://other.test")
    const calls = stubService(404, { verdict: "not_genuine" })
    await getProvenance("a/b?c")
    expect(calls[0].url).toBe("http://other.test/stamps/a%2Fb%3Fc/provenance")
  })

  it("defaults to the service on localhost:9100", async () => {
    vi.stubEnv("TRACEABILITY_URL", "")
    const calls = stubService(404, { verdict: "not_genuine" })
    await getProvenance("X")
    expect(calls[0].url).toBe("http://localhost:9100/stamps/X/provenance")
  })

  it("passes the redirect's scan id on, so the page shows that scan's verdict", async () => {
    const calls = stubService(200, GENUINE)
    const provenance = await getProvenance("7K3M9Q2XAB4C5D6E7F8G", "AQH2/scan+token")
    expect(calls[0].url).toBe(
      "http://tem.test:9100/stamps/7K3M9Q2XAB4C5D6E7F8G/provenance?scan=AQH2%2Fscan%2Btoken",
    )
    expect(provenance).toMatchObject({
      verdict: "genuine_first_scan",
      scan: { id: "AQH2scan-token", number: 1 },
      scans: { count: 1 },
    })
  })

  it("falls back to the stamp's standing verdict when the scan id is refused", async () => {
    const answers = [
      { status: 400, body: { error: "invalid_request", field: "scan" } },
      { status: 200, body: GENUINE },
    ]
    const urls: string[] = []
    vi.stubGlobal(
      "fetch",
      vi.fn(async (input: URL | string) => {
        urls.push(input.toString())
        const { status, body } = answers.shift()!
        return new Response(JSON.stringify(body), { status })
      }),
    )
    expect((await getProvenance("7K3M9Q2XAB4C5D6E7F8G", "edited")).verdict).toBe(
      "genuine_first_scan",
    )
    expect(urls).toEqual([
      "http://tem.test:9100/stamps/7K3M9Q2XAB4C5D6E7F8G/provenance?scan=edited",
      "http://tem.test:9100/stamps/7K3M9Q2XAB4C5D6E7F8G/provenance",
    ])
  })

  it("turns the resolver's 404 into a not genuine verdict", async () => {
    stubService(404, { verdict: "not_genuine" })
    expect(await getProvenance("7K3M9Q2XAB4C5D6E7F8H")).toEqual({
      verdict: "not_genuine",
      serial: "7K3M9Q2XAB4C5D6E7F8H",
    })
  })

  it("turns an unreachable service into TraceUnavailableError", async () => {
    vi.stubGlobal("fetch", vi.fn().mockRejectedValue(new TypeError("fetch failed")))
    await expect(getProvenance("X")).rejects.toBeInstanceOf(TraceUnavailableError)
  })

  it("turns a timeout into TraceUnavailableError", async () => {
    const timeout = new DOMException("The operation was aborted due to timeout", "TimeoutError")
    vi.stubGlobal("fetch", vi.fn().mockRejectedValue(timeout))
    await expect(getProvenance("X")).rejects.toBeInstanceOf(TraceUnavailableError)
  })

  it("never calls a stamp fake on a 404 that is not the resolver's verdict", async () => {
    stubService(404, "<html>Not Found</html>")
    await expect(getProvenance("X")).rejects.toBeInstanceOf(TraceUnavailableError)
  })

  it("treats server errors and malformed answers as unavailable", async () => {
    stubService(503, { error: "unavailable" })
    await expect(getProvenance("X")).rejects.toBeInstanceOf(TraceUnavailableError)
    stubService(200, { verdict: "genuine_repeat" })
    await expect(getProvenance("X")).rejects.toBeInstanceOf(TraceUnavailableError)
  })
})
