import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http"
import type { AddressInfo } from "node:net"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { createSerial } from "../src/domain/serial.js"
import { createFastLane } from "../src/http/fast-lane.js"
import { type Json, type Service, startService, tokens } from "./harness.js"
import { STAMP_SIGNING_SECRET } from "./helpers.js"
import {
  BROWSER_ACCEPT,
  batchWithStamps,
  forge,
  GIA_PHU_SELLER,
  JSON_ACCEPT,
  OTHER_SELLER,
  PRODUCTS,
  RICE,
  type Stamp,
} from "./scan-fixtures.js"

// The resolver's fast lane (src/http/fast-lane.ts): JSON scans and forged serials answered on
// the raw request, byte for byte as the Fastify route answers them, counted and logged the same,
// inside the same rate-limit bucket; everything else handed to Fastify.
const LIMIT = 6

let service: Service
let stamps: Stamp[]
let path: (stamp: Stamp) => string

beforeAll(async () => {
  service = await startService(PRODUCTS, {
    RESOLVER_RATE_LIMIT: String(LIMIT),
    TRUST_PROXY_HOPS: "1",
  })
  const t = await tokens(GIA_PHU_SELLER.id, OTHER_SELLER.id)
  stamps = (await batchWithStamps(service.base, t.member, RICE.id, "FL-1", 4)).stamps
  path = (stamp) => new URL(stamp.uri).pathname
})

afterAll(async () => {
  await service?.close()
})

const headersOf = (response: Response) =>
  Object.fromEntries(
    [...response.headers].filter(([name]) => !["date", "content-length"].includes(name)),
  )

async function get(url: string, client: string, headers: Record<string, string> = JSON_ACCEPT) {
  const response = await fetch(url, {
    headers: {
      ...headers,
      "accept-language": "vi-VN,vi;q=0.9",
      "user-agent": "Zalo android",
      "x-forwarded-for": client,
    },
  })
  return { response, text: await response.text() }
}

describe("the fast lane", () => {
  it("answers a JSON scan as the route does, and both scans are counted and logged", async () => {
    const stamp = stamps[0]!
    // A query string sends the same scan through Fastify's route.
    const fast = await get(`${service.base}${path(stamp)}`, "192.0.2.10")
    const routed = await get(`${service.base}${path(stamp)}?utm=market`, "192.0.2.10")
    expect(fast.response.status).toBe(200)
    expect(routed.response.status).toBe(200)
    expect(headersOf(fast.response)).toEqual(headersOf(routed.response))
    expect(fast.response.headers.get("link")).toContain(`<${stamp.uri}?linkType=linkset>`)
    const [a, b] = [JSON.parse(fast.text) as Json, JSON.parse(routed.text) as Json]
    expect(a.verdict).toBe("genuine_first_scan")
    expect(b.verdict).toBe("genuine_repeat")
    expect([a.scan.number, b.scan.number]).toEqual([1, 2])
    expect(b.scans.count).toBe(2)
    // Apart from this scan's own facts, the same document.
    const strip = ({ scan: _s, scans: _c, verdict: _v, ...rest }: Json) => rest
    expect(strip(a)).toEqual(strip(b))
    expect(Buffer.byteLength(fast.text)).toBe(Number(fast.response.headers.get("content-length")))

    await service.app.scanService.flush()
    const { rows } = await service.pool.query(
      "SELECT number, verdict, user_agent_family, language, ip_prefix FROM scan WHERE serial = $1 ORDER BY number",
      [stamp.serial],
    )
    expect(rows).toEqual([
      {
        number: 1,
        verdict: "genuine_first_scan",
        user_agent_family: "zalo",
        language: "vi-VN",
        ip_prefix: "192.0.2.0/24",
      },
      {
        number: 2,
        verdict: "genuine_repeat",
        user_agent_family: "zalo",
        language: "vi-VN",
        ip_prefix: "192.0.2.0/24",
      },
    ])
  })

  it("refuses forged and unknown serials with the route's 404, and counts nothing", async () => {
    const stamp = stamps[1]!
    const forged = path(stamp).replace(stamp.serial, forge(stamp.serial))
    const unknown = path(stamp).replace(stamp.serial, createSerial(STAMP_SIGNING_SECRET))
    for (const target of [forged, unknown, `/s/${forge(stamp.serial)}`]) {
      const fast = await get(`${service.base}${target}`, "192.0.2.11")
      const routed = await get(`${service.base}${target}?utm=market`, "192.0.2.11")
      expect(fast.response.status, target).toBe(404)
      expect(routed.response.status, target).toBe(404)
      expect(fast.text).toBe('{"verdict":"not_genuine"}')
      expect(fast.text).toBe(routed.text)
      expect(headersOf(fast.response)).toEqual(headersOf(routed.response))
    }
    await service.app.scanService.flush()
    const { rows } = await service.pool.query(
      "SELECT count(*)::int AS n FROM scan WHERE serial = $1",
      [stamp.serial],
    )
    expect(rows[0].n).toBe(0)
  })

  it("counts in the same per-client bucket as the routes, and past it Fastify refuses with 429", async () => {
    const stamp = stamps[2]!
    const client = "198.51.100.77"
    const seen: number[] = []
    for (let i = 0; i < LIMIT; i++) {
      // Alternating: the fast lane, and a route of the same group.
      const target = i % 2 === 0 ? path(stamp) : `/stamps/${stamp.serial}/provenance`
      seen.push((await get(`${service.base}${target}`, client)).response.status)
    }
    expect(seen).toEqual(Array(LIMIT).fill(200))
    const refused = await get(`${service.base}${path(stamp)}`, client, {
      ...JSON_ACCEPT,
      "accept-language": "en",
    })
    expect(refused.response.status).toBe(429)
    expect(refused.response.headers.get("retry-after")).toMatch(/^\d+$/)
    expect(refused.response.headers.get("access-control-allow-origin")).toBe("*")
    expect((JSON.parse(refused.text) as Json).error).toBe("rate_limited")
    // Another client is not affected.
    expect((await get(`${service.base}${path(stamp)}`, "198.51.100.78")).response.status).toBe(200)
  })
})

describe("what the fast lane leaves to Fastify", () => {
  let server: Server
  let base: string
  const handedOver: string[] = []

  beforeAll(async () => {
    const fastify = (request: IncomingMessage, response: ServerResponse) => {
      handedOver.push(`${request.method} ${request.url} ${request.headers.accept ?? ""}`)
      response.writeHead(418).end()
    }
    const lane = createFastLane(
      {
        service: service.app.scanService,
        stampSigningSecret: STAMP_SIGNING_SECRET,
        trustProxyHops: 0,
        limit: null,
        log: { error: () => {} },
      },
      fastify,
    )
    server = createServer(lane)
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  })

  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve))
  })

  it("takes only GETs of a stamp's URI asking for JSON, without query or escapes", async () => {
    const stamp = stamps[3]!
    const own = path(stamp)
    const lot = own.slice(0, own.indexOf("/21/"))
    const cases: [string, string, Record<string, string>, boolean][] = [
      ["GET", own, JSON_ACCEPT, true],
      ["GET", `/s/${stamp.serial}`, JSON_ACCEPT, true],
      ["GET", own.replace(stamp.serial, forge(stamp.serial)), JSON_ACCEPT, true],
      ["GET", own, { accept: "application/ld+json" }, true],
      ["GET", own, BROWSER_ACCEPT, false],
      ["GET", own, {}, false],
      ["GET", own, { accept: "application/linkset+json" }, false],
      ["GET", `${own}?linkType=linkset`, JSON_ACCEPT, false],
      ["GET", own.replace("/21/", "/21/%00"), JSON_ACCEPT, false],
      ["GET", lot, JSON_ACCEPT, false],
      ["GET", "/01/123/21/ABC", JSON_ACCEPT, false],
      ["GET", "/health", JSON_ACCEPT, false],
      ["HEAD", own, JSON_ACCEPT, false],
      ["OPTIONS", own, JSON_ACCEPT, false],
    ]
    for (const [method, target, headers, taken] of cases) {
      handedOver.length = 0
      const response = await fetch(`${base}${target}`, { method, headers })
      await response.arrayBuffer()
      const label = `${method} ${target} ${JSON.stringify(headers)}`
      expect(response.status === 418, label).toBe(!taken)
      expect(handedOver.length, label).toBe(taken ? 0 : 1)
    }
  })
})
