import { afterAll, beforeAll, describe, expect, it, vi } from "vitest"
import { client, type Json, type Service, startService, tokens } from "./harness.js"
import {
  batchWithStamps,
  GIA_PHU_SELLER,
  JSON_ACCEPT,
  OTHER_SELLER,
  PRODUCTS,
  RICE,
  type Stamp,
} from "./scan-fixtures.js"

// Rate limits on every public route (@fastify/rate-limit): 429 with Retry-After and a message in
// Vietnamese (or English on request), clients keyed on the IPv4 address and the IPv6 /64, X-Forwarded-For
// believed only through TRUST_PROXY_HOPS proxies; and the cached QR images and chain checks.
const LIMIT = 4
const RENDER_LIMIT = 2

let proxied: Service // TRUST_PROXY_HOPS=1: each test names its clients in X-Forwarded-For
let direct: Service // TRUST_PROXY_HOPS=0: X-Forwarded-For is anyone's to write, so ignored
let t: Awaited<ReturnType<typeof tokens>>
let batch: Json
let stamps: Stamp[]

const from = (address: string, headers: Record<string, string> = JSON_ACCEPT) => ({
  ...headers,
  "x-forwarded-for": address,
})

async function statuses(url: string, headers: Record<string, string>, times: number) {
  const seen = []
  for (let i = 0; i < times; i++) seen.push((await fetch(url, { headers })).status)
  return seen
}

beforeAll(async () => {
  const limits = { RESOLVER_RATE_LIMIT: String(LIMIT), RENDER_RATE_LIMIT: String(RENDER_LIMIT) }
  proxied = await startService(PRODUCTS, { ...limits, TRUST_PROXY_HOPS: "1" })
  direct = await startService(PRODUCTS, limits)
  t = await tokens(GIA_PHU_SELLER.id, OTHER_SELLER.id)
  const made = await batchWithStamps(proxied.base, t.member, RICE.id, "RL-1", 3)
  batch = made.batch
  stamps = made.stamps
})

afterAll(async () => {
  await proxied?.close()
  await direct?.close()
})

describe("the public routes' limits", () => {
  it("answers 429 past the limit on every public route, with Retry-After in both languages", async () => {
    const stamp = stamps[0]!
    const scanned = (await (
      await fetch(stamp.uri, { headers: from("192.0.2.200") })
    ).json()) as Json
    const scanId: string = scanned.scan.id
    const routes: [string, string, Record<string, unknown> | null, number][] = [
      ["GET", new URL(stamp.uri).pathname, null, LIMIT],
      ["GET", `/s/${stamp.serial}`, null, LIMIT],
      ["GET", `/stamps/${stamp.serial}/provenance`, null, LIMIT],
      ["GET", `/products/${RICE.id}/provenance`, null, LIMIT],
      ["POST", `/scans/${scanId}/location`, { lat: 21, lng: 105 }, LIMIT],
      ["GET", "/.well-known/gs1resolver", null, LIMIT],
      ["GET", "/openapi.json", null, LIMIT],
      ["GET", "/health", null, LIMIT],
      ["GET", `/stamps/${stamp.serial}.png`, null, RENDER_LIMIT],
      ["GET", `/stamps/${stamp.serial}.svg`, null, RENDER_LIMIT],
      ["GET", `/batches/${batch.id}/verify`, null, RENDER_LIMIT],
      ["GET", `/batches/${batch.id}/epcis`, null, RENDER_LIMIT],
    ]
    for (const [index, [method, path, body, limit]] of routes.entries()) {
      // A client of its own per route: the limits are per client, shared across a group's routes.
      const headers = {
        ...from(`198.51.100.${index + 1}`),
        ...(body ? { "content-type": "application/json" } : {}),
      }
      const init = { method, headers, body: body ? JSON.stringify(body) : undefined }
      for (let i = 0; i < limit; i++) {
        const response = await fetch(`${proxied.base}${path}`, init)
        expect(response.status, `${method} ${path} #${i + 1}`).toBeLessThan(429)
      }
      const refused = await fetch(`${proxied.base}${path}`, init)
      expect(refused.status, `${method} ${path}`).toBe(429)
      const retryAfter = Number(refused.headers.get("retry-after"))
      expect(retryAfter).toBeGreaterThan(0)
      expect(retryAfter).toBeLessThanOrEqual(60)
      expect(refused.headers.get("access-control-allow-origin")).toBe("*")
      const answer = (await refused.json()) as Json
      expect(answer.error).toBe("rate_limited")
      // Vietnamese unless the client asks for English.
      expect(answer.message).toContain("Quá nhiều yêu cầu")
      expect(answer.message).toContain(`${retryAfter}`)
      const english = await fetch(`${proxied.base}${path}`, {
        ...init,
        headers: { ...headers, "accept-language": "en-US,en;q=0.9" },
      })
      expect(english.status).toBe(429)
      const englishAnswer = (await english.json()) as Json
      expect(englishAnswer.error).toBe("rate_limited")
      expect(englishAnswer.message).toContain("Too many requests")
      expect(englishAnswer.message).not.toContain("Quá nhiều")
    }
  })

  it("counts one client across the resolver's routes, and renders apart", async () => {
    const client = from("203.0.113.50")
    const stamp = stamps[1]!
    expect(await statuses(stamp.uri, client, 2)).toEqual([200, 200])
    expect(await statuses(`${proxied.base}/stamps/${stamp.serial}/provenance`, client, 3)).toEqual([
      200, 200, 429,
    ])
    // The QR image is in the other group: its own budget.
    expect(await statuses(`${proxied.base}/stamps/${stamp.serial}.png`, client, 1)).toEqual([200])
  })

  it("puts two addresses of one IPv6 /64 in one bucket, and another /64 in its own", async () => {
    const url = `${proxied.base}/.well-known/gs1resolver`
    const a = from("2001:db8:aaaa:1::1")
    const b = from("2001:db8:aaaa:1:ffff:ffff:ffff:fffe")
    const otherLan = from("2001:db8:aaaa:2::1")
    expect(await statuses(url, a, 2)).toEqual([200, 200])
    expect(await statuses(url, b, 3)).toEqual([200, 200, 429])
    expect(await statuses(url, a, 1)).toEqual([429])
    expect(await statuses(url, otherLan, 1)).toEqual([200])
  })

  it("keys IPv4 on the whole address: a neighbour in the /24 has its own bucket", async () => {
    const url = `${proxied.base}/.well-known/gs1resolver`
    expect(await statuses(url, from("192.0.2.10"), LIMIT + 1)).toEqual([200, 200, 200, 200, 429])
    expect(await statuses(url, from("192.0.2.11"), 1)).toEqual([200])
  })

  it("ignores X-Forwarded-For without trusted hops, and honours it through one", async () => {
    const url = `${direct.base}/.well-known/gs1resolver`
    // Direct: a client writing a new X-Forwarded-For each time is still 127.0.0.1.
    const spoofed = []
    for (let i = 0; i < LIMIT + 1; i++) {
      spoofed.push((await fetch(url, { headers: from(`203.0.113.${i + 1}`) })).status)
    }
    expect(spoofed).toEqual([200, 200, 200, 200, 429])
    // Through one trusted proxy, the header names the client: each address its own bucket.
    const honoured = []
    for (let i = 0; i < LIMIT + 1; i++) {
      const headers = from(`203.0.113.${100 + i}`)
      honoured.push((await fetch(`${proxied.base}/.well-known/gs1resolver`, { headers })).status)
    }
    expect(honoured).toEqual([200, 200, 200, 200, 200])
    // With one hop, only the address the proxy appended counts; earlier ones are the client's.
    const chain = { "x-forwarded-for": "10.9.9.9, 192.0.2.77" }
    expect(await statuses(`${proxied.base}/.well-known/gs1resolver`, chain, LIMIT + 1)).toEqual([
      200, 200, 200, 200, 429,
    ])
    const lied = { "x-forwarded-for": "10.9.9.10, 192.0.2.77" }
    expect(await statuses(`${proxied.base}/.well-known/gs1resolver`, lied, 1)).toEqual([429])
  })

  it("does not limit routes behind a token (the storefront's server calls them for every seller)", async () => {
    const call = client(proxied.base)
    for (let i = 0; i < LIMIT + 2; i++) {
      const listed = await call("GET", `/batches/${batch.id}`, { token: t.member })
      expect(listed.status).toBe(200)
    }
  })

  it("never limits the addresses in RATE_LIMIT_ALLOW", async () => {
    const allowed = await startService(PRODUCTS, {
      RESOLVER_RATE_LIMIT: "2",
      RATE_LIMIT_ALLOW: "127.0.0.0/8, 2001:db8::/32",
    })
    try {
      expect(await statuses(`${allowed.base}/.well-known/gs1resolver`, {}, 5)).toEqual([
        200, 200, 200, 200, 200,
      ])
    } finally {
      await allowed.close()
    }
  })
})

describe("cached renders", () => {
  it("renders a stamp's QR image once, then serves it from memory with an immutable ETag", async () => {
    const stamp = stamps[2]!
    const url = `${proxied.base}/stamps/${stamp.serial}.svg`
    const renders = proxied.app.qrImages.renders
    const first = await fetch(url, { headers: from("203.0.113.201") })
    expect(first.status).toBe(200)
    expect(first.headers.get("content-type")).toBe("image/svg+xml")
    expect(first.headers.get("cache-control")).toBe("public, max-age=31536000, immutable")
    const etag = first.headers.get("etag")!
    const bytes = await first.text()
    const query = vi.spyOn(proxied.pool, "query")
    try {
      const second = await fetch(url, { headers: from("203.0.113.201") })
      expect(second.status).toBe(200)
      expect(second.headers.get("etag")).toBe(etag)
      expect(await second.text()).toBe(bytes)
      // A client holding it asks with its ETag and gets no body.
      const again = await fetch(url, {
        headers: { ...from("203.0.113.202"), "if-none-match": etag },
      })
      expect(again.status).toBe(304)
      expect(query).not.toHaveBeenCalled()
    } finally {
      query.mockRestore()
    }
    expect(proxied.app.qrImages.renders).toBe(renders + 1)
    // The PNG is another image: rendered once too.
    await fetch(`${proxied.base}/stamps/${stamp.serial}.png`, { headers: from("203.0.113.203") })
    await fetch(`${proxied.base}/stamps/${stamp.serial}.png`, { headers: from("203.0.113.203") })
    expect(proxied.app.qrImages.renders).toBe(renders + 2)
  })

  it("checks a batch's chain once until the batch changes", async () => {
    const url = `${proxied.base}/batches/${batch.id}/verify`
    const first = (await (await fetch(url, { headers: from("203.0.113.210") })).json()) as Json
    expect(first).toMatchObject({ valid: true, events: 0 })
    const query = vi.spyOn(proxied.pool, "query")
    const connect = vi.spyOn(proxied.pool, "connect")
    try {
      const second = await fetch(url, { headers: from("203.0.113.211") })
      expect(await second.json()).toEqual(first)
      expect(query).not.toHaveBeenCalled()
      expect(connect).not.toHaveBeenCalled()
    } finally {
      query.mockRestore()
      connect.mockRestore()
    }
    // A new event drops the cached check before its writer gets the answer.
    const note = await client(proxied.base)("POST", `/batches/${batch.id}/events`, {
      token: t.member,
      body: { type: "note", occurred_at: "2026-03-15T09:00:00+07:00", note: "Đã đóng gói" },
    })
    expect(note.status, JSON.stringify(note.body)).toBe(201)
    const after = await fetch(url, { headers: from("203.0.113.212") })
    expect(await after.json()).toMatchObject({ valid: true, events: 1 })
  })
})
