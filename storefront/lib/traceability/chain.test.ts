import { afterEach, beforeEach, describe, expect, it, vi } from "vitest"
import { getChainCheck, reshapeChainCheck } from "./chain"

beforeEach(() => {
  vi.stubEnv("TRACEABILITY_URL", "http://tem.test:9100")
  vi.spyOn(console, "error").mockImplementation(() => {})
})

afterEach(() => {
  vi.unstubAllGlobals()
  vi.unstubAllEnvs()
  vi.restoreAllMocks()
})

describe("reshapeChainCheck", () => {
  it("reads an intact chain and a broken one with the first bad event", () => {
    expect(reshapeChainCheck({ valid: true, events: 5, broken_at: null })).toEqual({
      intact: true,
      events: 5,
    })
    expect(
      reshapeChainCheck({
        valid: false,
        events: 5,
        broken_at: { seq: 3, event_id: "e3", reason: "content_altered" },
      }),
    ).toEqual({ intact: false, events: 5, brokenAt: 3 })
    expect(reshapeChainCheck({ valid: false, events: 5, broken_at: null })).toEqual({
      intact: false,
      events: 5,
      brokenAt: null,
    })
  })

  it("says nothing about an answer it does not understand", () => {
    expect(reshapeChainCheck({ valid: "yes", events: 5 })).toBeNull()
    expect(reshapeChainCheck(undefined)).toBeNull()
  })
})

describe("getChainCheck", () => {
  it("asks the public verify route, cached under the batches tag", async () => {
    const fetchMock = vi.fn(
      async () => new Response(JSON.stringify({ valid: true, events: 2, broken_at: null })),
    )
    vi.stubGlobal("fetch", fetchMock)
    expect(await getChainCheck("b/1")).toEqual({ intact: true, events: 2 })
    const [url, init] = fetchMock.mock.calls[0] as unknown as [
      string,
      RequestInit & { next: unknown },
    ]
    expect(url).toBe("http://tem.test:9100/batches/b%2F1/verify")
    expect(init.next).toEqual({ revalidate: 300, tags: ["batches"] })
  })

  it("is null, not an accusation, when the service cannot answer", async () => {
    vi.stubGlobal("fetch", vi.fn().mockRejectedValue(new TypeError("fetch failed")))
    expect(await getChainCheck("b")).toBeNull()
    vi.stubGlobal(
      "fetch",
      vi.fn(async () => new Response("{}", { status: 404 })),
    )
    expect(await getChainCheck("b")).toBeNull()
  })
})
