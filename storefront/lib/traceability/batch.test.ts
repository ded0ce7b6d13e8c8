import { afterEach, beforeEach, describe, expect, it, vi } from "vitest"
import { getProductOrigin } from "./batch"
import { TraceUnavailableError } from "./errors"

// The record of GET /products/{product_id}/provenance (a lot's record: no stamp, no verdict).
const RECORD = {
  batch: {
    id: "1b4e28ba-2fa1-11d2-883f-0016d3cca427",
    lot_code: "GP-2026-MUA10",
    quantity: 600,
    unit: "kg",
    state: "open",
    harvested_on: "2026-03-10",
    packed_on: "2026-03-14",
    expires_on: "2027-03-14",
    area: { village: "Thôn Phú Xuân", plot: "Ruộng 3", lat: null, lng: null },
  },
  product: { id: "prod_1", title: "Gạo Séng Cù", handle: "gao", thumbnail: null, gtin: null },
  producer: {
    id: "sel_1",
    name: "HTX Nông nghiệp Gia Phú",
    kind: "cooperative",
    village_name: "Thôn Phú Xuân",
    commune_name: "Xã Gia Phú",
    province_name: "Tỉnh Lào Cai",
  },
  certifications: { vietgap: null, organic: null, ocop_stars: 3 },
  events: [
    {
      id: "e1",
      seq: 1,
      type: "harvest",
      occurred_at: "2026-03-10T06:00:00.000+07:00",
      place: { name: "Ruộng 3", lat: null, lng: null },
      actor: null,
      photos: [],
      note: null,
      details: { quantity: { amount: 700, unit: "kg" } },
    },
  ],
  chain: { events: 1, head_hash: "ab" },
}

type Call = { url: string; init: RequestInit & { next?: unknown } }

function stubService(status: number, body: unknown) {
  const calls: Call[] = []
  vi.stubGlobal(
    "fetch",
    vi.fn(async (input: URL | string, init: Call["init"]) => {
      calls.push({ url: input.toString(), init })
      const text = typeof body === "string" ? body : JSON.stringify(body)
      return new Response(text, { status, headers: { "content-type": "application/json" } })
    }),
  )
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

describe("getProductOrigin", () => {
  it("reads the product's newest batch, cached a minute under the batches tag", async () => {
    const calls = stubService(200, RECORD)
    const origin = await getProductOrigin("prod_1/x")
    expect(calls[0].url).toBe("http://tem.test:9100/products/prod_1%2Fx/provenance")
    expect(calls[0].init.next).toEqual({ revalidate: 60, tags: ["batches"] })
    expect(calls[0].init.signal).toBeInstanceOf(AbortSignal)
    expect(origin).toMatchObject({
      batch: {
        lotCode: "GP-2026-MUA10",
        harvestedOn: "2026-03-10",
        packedOn: "2026-03-14",
        area: { village: "Thôn Phú Xuân", plot: "Ruộng 3" },
      },
      seller: { name: "HTX Nông nghiệp Gia Phú", commune: "Xã Gia Phú" },
      certifications: { ocopStars: 3, vietgap: null },
    })
    expect(origin?.events).toHaveLength(1)
    expect(origin?.events[0]).toMatchObject({
      place: "Ruộng 3",
      facts: { type: "harvest", quantity: { amount: 700, unit: "kg" } },
    })
    expect(origin?.events[0].occurredAt.toISOString()).toBe("2026-03-09T23:00:00.000Z")
  })

  it("is null when the service says the product has no batch", async () => {
    stubService(404, { error: "not_found", message: "no batch" })
    expect(await getProductOrigin("prod_1")).toBeNull()
  })

  it("treats another server's 404, errors, malformed answers and timeouts as unavailable", async () => {
    stubService(404, "<html>Not Found</html>")
    await expect(getProductOrigin("p")).rejects.toBeInstanceOf(TraceUnavailableError)
    stubService(503, { error: "unavailable" })
    await expect(getProductOrigin("p")).rejects.toBeInstanceOf(TraceUnavailableError)
    stubService(200, { ...RECORD, batch: { id: "x" } })
    await expect(getProductOrigin("p")).rejects.toBeInstanceOf(TraceUnavailableError)
    const timeout = new DOMException("The operation was aborted due to timeout", "TimeoutError")
    vi.stubGlobal("fetch", vi.fn().mockRejectedValue(timeout))
    await expect(getProductOrigin("p")).rejects.toBeInstanceOf(TraceUnavailableError)
  })

  it("keeps a record whose optional parts are missing or odd", async () => {
    const { certifications: _, events: __, ...bare } = RECORD
    stubService(200, { ...bare, batch: { ...RECORD.batch, state: "weird", area: null } })
    const origin = await getProductOrigin("p")
    expect(origin?.batch.state).toBe("open")
    expect(origin?.batch.area).toEqual({ village: null, plot: null })
    expect(origin?.events).toEqual([])
    expect(origin?.certifications).toEqual({
      vietgap: null,
      organic: null,
      ocopStars: null,
      ocopCertificate: null,
    })
  })
})
