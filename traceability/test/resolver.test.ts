import { afterAll, beforeAll, describe, expect, it, vi } from "vitest"
import { GS1_VOC } from "../src/domain/linkset.js"
import { scanTokenKey, verifyScanToken } from "../src/domain/scan-token.js"
import {
  linksetSchema,
  lotProvenanceSchema,
  productRecordSchema,
  stampProvenanceSchema,
} from "../src/http/routes/resolver-schemas.js"
import { linksetProblems, resolverDescriptionProblems } from "./gs1-resolver-schema.js"
import { client, type Json, type Service, startService, tokens } from "./harness.js"
import { STAMP_SIGNING_SECRET } from "./helpers.js"
import {
  BROWSER_ACCEPT,
  batchWithStamps,
  FOREIGN,
  forge,
  GIA_PHU_SELLER,
  HONEY,
  JSON_ACCEPT,
  OTHER_SELLER,
  PRODUCTS,
  RICE,
  RICE_GTIN,
  type Stamp,
  schemaProblems,
} from "./scan-fixtures.js"

// The public resolver on a real port: content negotiation, linksets, link types, redirects,
// malformed URIs, verdicts, the non-counting read, and the hot path's no-I/O rejection.
let service: Service
let t: Awaited<ReturnType<typeof tokens>>
let riceBatch: Json
let rice: Stamp[]
let honey: Stamp[]
const LOT = "GP-2026-MUA3"
// Another site than the service's: a stamp's redirect carries its scan id in the URL (the cookie
// of a shared site is in gs1-conformance.test.ts).
const SHOP = "http://shop.test"

async function get(url: string, headers: Record<string, string> = {}, method = "GET") {
  const response = await fetch(url, { method, headers, redirect: "manual" })
  const text = await response.text()
  return {
    status: response.status,
    headers: response.headers,
    text,
    body: text && response.headers.get("content-type")?.includes("json") ? JSON.parse(text) : null,
  }
}

async function scanCount(serial: string): Promise<number> {
  await service.app.scanService.flush()
  const { rows } = await service.pool.query(
    "SELECT count(*)::int AS n FROM scan WHERE serial = $1",
    [serial],
  )
  return rows[0].n
}

beforeAll(async () => {
  // Scans come through a trusted proxy, so a test can name each scan's network (X-Forwarded-For).
  service = await startService(PRODUCTS, {
    SCAN_SUSPICIOUS_NETWORKS: "2",
    TRUST_PROXY_HOPS: "1",
    RESOLVER_RATE_LIMIT: "0",
  })
  t = await tokens(GIA_PHU_SELLER.id, OTHER_SELLER.id)
  const made = await batchWithStamps(service.base, t.member, RICE.id, LOT, 14)
  riceBatch = made.batch
  rice = made.stamps
  honey = (await batchWithStamps(service.base, t.member, HONEY.id, "MO-2026-01", 2)).stamps
  const harvest = await client(service.base)("POST", `/batches/${riceBatch.id}/events`, {
    token: t.member,
    body: {
      type: "harvest",
      occurred_at: "2026-03-10T06:00:00+07:00",
      quantity: { amount: 700, unit: "kg" },
    },
  })
  expect(harvest.status, JSON.stringify(harvest.body)).toBe(201)
})

afterAll(async () => {
  await service?.close()
})

describe("a stamp's JSON provenance", () => {
  it("gives the first scan genuine_first_scan, with the consumer's record and a scan id", async () => {
    const [stamp] = rice
    expect(stamp!.uri).toBe(`${service.base}/01/${RICE_GTIN}/10/${LOT}/21/${stamp!.serial}`)
    const first = await get(stamp!.uri, JSON_ACCEPT)
    expect(first.status).toBe(200)
    expect(first.headers.get("access-control-allow-origin")).toBe("*")
    expect(first.headers.get("cache-control")).toBe("no-store")
    expect(first.headers.get("link")).toBe(
      `<${stamp!.uri}?linkType=linkset>; rel="linkset"; type="application/linkset+json"`,
    )
    expect(schemaProblems(stampProvenanceSchema, first.body)).toEqual([])
    expect(first.body).toMatchObject({
      verdict: "genuine_first_scan",
      scan: { number: 1 },
      scans: { count: 1 },
      stamp: { serial: stamp!.serial, uri: stamp!.uri, state: "issued" },
      batch: {
        id: riceBatch.id,
        lot_code: LOT,
        production_date: "2026-03-10",
        expires_on: "2027-03-14",
      },
      product: { id: RICE.id, title: RICE.title, handle: RICE.handle, gtin: RICE_GTIN },
      producer: {
        name: GIA_PHU_SELLER.name,
        address: GIA_PHU_SELLER.address,
        commune_code: "02923",
      },
      certifications: { ocop_stars: 4 },
      events: [{ type: "harvest", occurred_at: "2026-03-10T06:00:00.000+07:00" }],
    })
    expect(first.body.scans.first_scanned_at).toBe(first.body.scan.scanned_at)
    const claims = verifyScanToken(first.body.scan.id, scanTokenKey(STAMP_SIGNING_SECRET))
    expect(claims).toMatchObject({
      serial: stamp!.serial,
      number: 1,
      verdict: "genuine_first_scan",
    })

    const second = await get(
      `${service.base}/01/${RICE_GTIN}/10/${LOT}/21/${stamp!.serial}/`,
      JSON_ACCEPT,
    )
    expect(second.body).toMatchObject({
      verdict: "genuine_repeat",
      scan: { number: 2 },
      scans: { count: 2 },
    })
    expect(second.body.scans.first_scanned_at).toBe(first.body.scan.scanned_at)
    expect(await scanCount(stamp!.serial)).toBe(2)
  })

  it("calls a stamp scanned from more networks than the threshold suspicious", async () => {
    const stamp = rice[1]!
    const verdicts = []
    for (const address of ["203.0.113.5", "2001:db8:aa::1", "203.0.113.99", "198.51.100.1"]) {
      const answer = await get(stamp.uri, { ...JSON_ACCEPT, "x-forwarded-for": address })
      verdicts.push(answer.body.verdict)
    }
    // The third scan is from the first one's /24: still two networks; the fourth makes three.
    expect(verdicts).toEqual([
      "genuine_first_scan",
      "genuine_repeat",
      "genuine_repeat",
      "suspicious",
    ])
    expect((await get(stamp.uri, JSON_ACCEPT)).body.verdict).toBe("suspicious")
  })

  it("keeps a genuine stamp genuine through 21 scans from one network, counting them once", async () => {
    const stamp = rice[12]!
    const verdicts = new Set<string>()
    // 21 anonymous GETs from one address, then from other hosts of its /24 and IPv6 /48.
    for (let i = 0; i < 21; i++) verdicts.add((await get(stamp.uri, JSON_ACCEPT)).body.verdict)
    for (const address of ["127.0.0.9", "127.0.0.200"]) {
      const answer = await get(stamp.uri, { ...JSON_ACCEPT, "x-forwarded-for": address })
      verdicts.add(answer.body.verdict)
    }
    expect([...verdicts]).toEqual(["genuine_first_scan", "genuine_repeat"])
    const v6 = rice[13]!
    for (let i = 0; i < 5; i++) {
      const address = `2001:db8:1:${i}::${i + 1}`
      const answer = await get(v6.uri, { ...JSON_ACCEPT, "x-forwarded-for": address })
      expect(answer.body.verdict).not.toBe("suspicious")
    }
    // Every scan is in the log; only the first of each network counts toward SCANS.
    await service.app.scanService.flush()
    const { rows } = await service.pool.query(
      `SELECT serial, count(*)::int AS scans, count(*) FILTER (WHERE counted)::int AS counted
       FROM scan WHERE serial = ANY($1) GROUP BY serial ORDER BY scans DESC`,
      [[stamp.serial, v6.serial]],
    )
    expect(rows).toEqual([
      { serial: stamp.serial, scans: 23, counted: 1 },
      { serial: v6.serial, scans: 5, counted: 1 },
    ])
  })

  it("resolves a product without a GTIN at its short URI", async () => {
    const stamp = honey[0]!
    expect(stamp.uri).toBe(`${service.base}/s/${stamp.serial}`)
    const answer = await get(stamp.uri, JSON_ACCEPT)
    expect(answer.status).toBe(200)
    expect(answer.body).toMatchObject({ verdict: "genuine_first_scan", product: { gtin: null } })
  })

  it("answers a forged serial with 404 not_genuine without touching the database", async () => {
    const query = vi.spyOn(service.pool, "query")
    const connect = vi.spyOn(service.pool, "connect")
    try {
      const forgedHoney = forge(honey[0]!.serial)
      const forgedRice = forge(rice[0]!.serial)
      for (const url of [
        `${service.base}/s/${forgedHoney}`,
        `${service.base}/01/${RICE_GTIN}/10/${LOT}/21/${forgedRice}`,
        `${service.base}/01/${RICE_GTIN}/10/${LOT}/21/${forgedRice}?linkType=linkset`,
      ]) {
        const answer = await get(url, JSON_ACCEPT)
        expect(answer.status, url).toBe(404)
        expect(answer.body).toEqual({ verdict: "not_genuine" })
      }
      // A linkset stays JSON for a browser too: it asked for data, not a page.
      const linkset = await get(
        `${service.base}/01/${RICE_GTIN}/10/${LOT}/21/${forgedRice}?linkType=linkset`,
        BROWSER_ACCEPT,
      )
      expect(linkset.status).toBe(404)
      expect(linkset.body).toEqual({ verdict: "not_genuine" })
      // A phone's browser lands on the storefront's warning page instead of a bare JSON body.
      for (const [url, serial] of [
        [`${service.base}/s/${forgedHoney}`, forgedHoney],
        [`${service.base}/01/${RICE_GTIN}/10/${LOT}/21/${forgedRice}`, forgedRice],
      ]) {
        const browser = await get(url!, BROWSER_ACCEPT)
        expect(browser.status, url).toBe(307)
        expect(browser.headers.get("location")).toBe(`${SHOP}/vi/trace/${serial}`)
        expect(browser.headers.get("cache-control")).toBe("no-store")
      }
      expect(query).not.toHaveBeenCalled()
      expect(connect).not.toHaveBeenCalled()
    } finally {
      query.mockRestore()
      connect.mockRestore()
    }
  })

  it("answers a genuine serial under another GTIN or lot, or an unknown one, with 404", async () => {
    const serial = rice[2]!.serial
    for (const path of [
      `/01/${RICE_GTIN}/10/OTHER-LOT/21/${serial}`,
      `/01/04006381333931/10/${LOT}/21/${serial}`,
      `/01/04006381333931/21/${serial}`,
    ]) {
      const answer = await get(`${service.base}${path}`, JSON_ACCEPT)
      expect(answer.status, path).toBe(404)
      expect(answer.body).toEqual({ verdict: "not_genuine" })
      // A browser is sent to the warning page; nothing was counted.
      const browser = await get(`${service.base}${path}`, BROWSER_ACCEPT)
      expect(browser.status, path).toBe(307)
      expect(browser.headers.get("location")).toBe(`${SHOP}/vi/trace/${serial}`)
    }
    expect(await scanCount(serial)).toBe(0)
    // The GTIN and serial without the lot is the same stamp.
    const short = await get(`${service.base}/01/${RICE_GTIN}/21/${serial}`, JSON_ACCEPT)
    expect(short.body.stamp.serial).toBe(serial)
  })
})

describe("browsers and link types", () => {
  it("sends a browser to the storefront's stamp page (on another site) with the scan id and the query", async () => {
    const stamp = rice[3]!
    const answer = await get(`${stamp.uri}?utm_source=zalo&scan=spoofed`, BROWSER_ACCEPT)
    expect(answer.status).toBe(307)
    const location = new URL(answer.headers.get("location")!)
    expect(`${location.origin}${location.pathname}`).toBe(`${SHOP}/vi/trace/${stamp.serial}`)
    expect(location.searchParams.get("utm_source")).toBe("zalo")
    const scan = location.searchParams.get("scan")!
    expect(verifyScanToken(scan, scanTokenKey(STAMP_SIGNING_SECRET))).toMatchObject({
      serial: stamp.serial,
      number: 1,
    })
    expect(await scanCount(stamp.serial)).toBe(1)

    // The page reads the same scan again without counting a second one.
    const page = await get(
      `${service.base}/stamps/${stamp.serial}/provenance?scan=${encodeURIComponent(scan)}`,
    )
    expect(page.status).toBe(200)
    expect(schemaProblems(stampProvenanceSchema, page.body)).toEqual([])
    expect(page.body).toMatchObject({
      verdict: "genuine_first_scan",
      scan: { id: scan, number: 1 },
      scans: { count: 1 },
    })
    expect(await scanCount(stamp.serial)).toBe(1)
  })

  it("gives the non-counting read's verdict 400 for another stamp's scan id, 404 for a forgery", async () => {
    const first = await get(rice[4]!.uri, JSON_ACCEPT)
    const other = await get(
      `${service.base}/stamps/${rice[5]!.serial}/provenance?scan=${first.body.scan.id}`,
    )
    expect(other.status).toBe(400)
    expect(other.body.field).toBe("scan")
    const forged = await get(`${service.base}/stamps/${forge(rice[5]!.serial)}/provenance`)
    expect(forged.status).toBe(404)
    expect(forged.body).toEqual({ verdict: "not_genuine" })
    const plain = await get(`${service.base}/stamps/${rice[5]!.serial}/provenance`)
    expect(plain.body).toMatchObject({
      verdict: "genuine_first_scan",
      scan: null,
      scans: { count: 0 },
    })
  })

  it("answers a linkset with one default link and links at each level, without counting", async () => {
    const stamp = rice[6]!
    for (const [url, headers] of [
      [`${stamp.uri}?linkType=linkset`, {}],
      [`${stamp.uri}?linkType=all`, {}],
      [stamp.uri, { accept: "application/linkset+json" }],
    ] as const) {
      const answer = await get(url, headers)
      expect(answer.status).toBe(200)
      expect(answer.headers.get("content-type")).toMatch(/^application\/linkset\+json/)
      const body = JSON.parse(answer.text)
      expect(schemaProblems(linksetSchema, body)).toEqual([])
      expect(linksetProblems(body)).toEqual([])
      expect(body.linkset.map((c: Json) => c.anchor)).toEqual([
        stamp.uri,
        `${service.base}/01/${RICE_GTIN}/10/${LOT}`,
        `${service.base}/01/${RICE_GTIN}`,
      ])
      const defaults = body.linkset.flatMap((c: Json) => c[`${GS1_VOC}defaultLink`] ?? [])
      expect(defaults).toEqual([
        expect.objectContaining({ href: `${SHOP}/vi/trace/${stamp.serial}` }),
      ])
      expect(body.linkset[1][`${GS1_VOC}traceability`][0].href).toBe(
        `${service.base}/batches/${riceBatch.id}/epcis`,
      )
      expect(body.linkset[2][`${GS1_VOC}pip`][0].href).toBe(`${SHOP}/vi/products/${RICE.handle}`)
    }
    expect(await scanCount(stamp.serial)).toBe(0)
  })

  it("redirects to a requested link type with the query passed on, 404 for unknown types", async () => {
    const stamp = rice[7]!
    const pip = await get(`${stamp.uri}?linkType=gs1:pip&lang=vi`)
    expect(pip.status).toBe(307)
    expect(pip.headers.get("location")).toBe(`${SHOP}/vi/products/${RICE.handle}?lang=vi`)
    const trace = await get(`${stamp.uri}?linkType=${encodeURIComponent(`${GS1_VOC}traceability`)}`)
    expect(trace.status).toBe(307)
    expect(trace.headers.get("location")).toBe(`${service.base}/batches/${riceBatch.id}/epcis`)
    const unknown = await get(`${stamp.uri}?linkType=gs1:recipeInfo`, JSON_ACCEPT)
    expect(unknown.status).toBe(404)
    expect(unknown.body).toMatchObject({ error: "not_found" })
    // A product's page exists for a GTIN too.
    const product = await get(`${service.base}/01/${RICE_GTIN}?linkType=gs1:pip`)
    expect(product.headers.get("location")).toBe(`${SHOP}/vi/products/${RICE.handle}`)
  })

  it("answers HEAD like GET without a body or a scan, and OPTIONS with CORS", async () => {
    const stamp = rice[8]!
    const head = await get(stamp.uri, JSON_ACCEPT, "HEAD")
    expect(head.status).toBe(200)
    expect(head.text).toBe("")
    expect(head.headers.get("access-control-allow-origin")).toBe("*")
    const forged = await get(`${service.base}/s/${forge(stamp.serial)}`, JSON_ACCEPT, "HEAD")
    expect(forged.status).toBe(404)
    expect(await scanCount(stamp.serial)).toBe(0)

    for (const url of [
      stamp.uri,
      `${service.base}/s/${honey[1]!.serial}`,
      `${service.base}/01/${RICE_GTIN}`,
    ]) {
      const options = await fetch(url, {
        method: "OPTIONS",
        headers: { origin: "https://app.example", "access-control-request-method": "GET" },
      })
      expect(options.status, url).toBe(204)
      expect(options.headers.get("access-control-allow-origin")).toBe("*")
      expect(options.headers.get("access-control-allow-methods")).toBe("GET, HEAD, OPTIONS")
    }
  })
})

describe("lots and products", () => {
  it("walks a lot up to its batch's provenance, with no verdict", async () => {
    const lot = await get(`${service.base}/01/${RICE_GTIN}/10/${LOT}`, JSON_ACCEPT)
    expect(lot.status).toBe(200)
    expect(schemaProblems(lotProvenanceSchema, lot.body)).toEqual([])
    expect(lot.body.batch).toMatchObject({ id: riceBatch.id, lot_code: LOT })
    expect(lot.body.verdict).toBeUndefined()
    const browser = await get(`${service.base}/01/${RICE_GTIN}/10/${LOT}/`, BROWSER_ACCEPT)
    expect(browser.status).toBe(307)
    expect(browser.headers.get("location")).toBe(`${SHOP}/vi/products/${RICE.handle}`)
  })

  it("walks a GTIN (or an unknown lot of it) up to the product and its lots", async () => {
    for (const path of [
      `/01/${RICE_GTIN}`,
      `/01/8930000000019`,
      `/01/${RICE_GTIN}/10/NO-SUCH-LOT`,
    ]) {
      const product = await get(`${service.base}${path}`, JSON_ACCEPT)
      expect(product.status, path).toBe(200)
      expect(schemaProblems(productRecordSchema, product.body)).toEqual([])
      expect(product.body).toMatchObject({
        product: { gtin: RICE_GTIN, handle: RICE.handle },
        producer: { id: GIA_PHU_SELLER.id },
        lots: [
          { id: riceBatch.id, lot_code: LOT, uri: `${service.base}/01/${RICE_GTIN}/10/${LOT}` },
        ],
      })
    }
    const unknown = await get(`${service.base}/01/09506000134352`, JSON_ACCEPT)
    expect(unknown.status).toBe(404)
    expect(unknown.body.error).toBe("not_found")
  })
})

describe("malformed URIs", () => {
  it("answers syntax errors with 400 naming the part", async () => {
    const serial = rice[9]!.serial
    const cases: [string, string][] = [
      [`/01/${RICE_GTIN.slice(0, 13)}8/10/${LOT}/21/${serial}`, "gtin"],
      [`/01/${RICE_GTIN}/21/${serial}/10/${LOT}`, "path"],
      [`/01/${RICE_GTIN}/10/${"L".repeat(21)}/21/${serial}`, "lot"],
      [`/01/${RICE_GTIN}/10/${"L".repeat(21)}`, "lot"],
      [`/01/${RICE_GTIN}/17/270314`, "path"],
      [`/01/${RICE_GTIN}/10/${LOT}/21/${"S".repeat(21)}`, "serial"],
    ]
    for (const [path, field] of cases) {
      const answer = await get(`${service.base}${path}`, JSON_ACCEPT)
      expect(answer.status, path).toBe(400)
      expect(answer.body).toMatchObject({ error: "invalid_request", field })
      expect(answer.headers.get("access-control-allow-origin")).toBe("*")
    }
    expect(await scanCount(serial)).toBe(0)
  })
})

describe("changes to a stamp or its batch", () => {
  it("says voided right after the stamp is voided, though it was cached", async () => {
    const stamp = rice[10]!
    expect((await get(stamp.uri, JSON_ACCEPT)).body.verdict).toBe("genuine_first_scan")
    const voided = await client(service.base)("POST", `/batches/${riceBatch.id}/stamps/void`, {
      token: t.member,
      body: { serials: [stamp.serial], reason: "Cuộn tem bị mất" },
    })
    expect(voided.status, JSON.stringify(voided.body)).toBe(200)
    const after = await get(stamp.uri, JSON_ACCEPT)
    expect(after.status).toBe(200)
    expect(after.body).toMatchObject({
      verdict: "voided",
      stamp: { state: "voided" },
      scans: { count: 2 },
    })
    // A browser reaches the storefront's stamp page, which shows the voided warning.
    const browser = await get(stamp.uri, BROWSER_ACCEPT)
    expect(browser.status).toBe(307)
    const location = new URL(browser.headers.get("location")!)
    expect(`${location.origin}${location.pathname}`).toBe(`${SHOP}/vi/trace/${stamp.serial}`)
    const page = await get(
      `${service.base}/stamps/${stamp.serial}/provenance?scan=${location.searchParams.get("scan")}`,
    )
    expect(page.body.verdict).toBe("voided")
  })

  it("shows a new event at the next scan, though the batch was cached", async () => {
    const stamp = rice[11]!
    const before = await get(stamp.uri, JSON_ACCEPT)
    const events = before.body.events.length
    const packed = await client(service.base)("POST", `/batches/${riceBatch.id}/events`, {
      token: t.member,
      body: { type: "note", occurred_at: "2026-03-15T09:00:00+07:00", note: "Đã đóng gói xong" },
    })
    expect(packed.status, JSON.stringify(packed.body)).toBe(201)
    const after = await get(stamp.uri, JSON_ACCEPT)
    expect(after.body.events).toHaveLength(events + 1)
    expect(after.body.events.at(-1)).toMatchObject({ type: "note" })
  })

  it("keeps another seller's stamps apart", async () => {
    const foreign = await batchWithStamps(service.base, t.otherMember, FOREIGN.id, "TT-01", 1)
    const answer = await get(foreign.stamps[0]!.uri, JSON_ACCEPT)
    expect(answer.body.producer).toMatchObject({ id: OTHER_SELLER.id, commune_code: "02990" })
  })
})

describe("/.well-known/gs1resolver", () => {
  it("describes the resolver, valid against GS1's description file schema 1.2.0", async () => {
    const answer = await get(`${service.base}/.well-known/gs1resolver`)
    expect(answer.status).toBe(200)
    expect(resolverDescriptionProblems(answer.body)).toEqual([])
    // What it said before: a key's name is not what GS1's schema accepts.
    expect(
      resolverDescriptionProblems({ ...answer.body, supportedPrimaryKeys: ["gtin"] }),
    ).not.toEqual([])
    expect(answer.body).toMatchObject({
      resolverRoot: service.base,
      supportedPrimaryKeys: ["01"],
      supportedLinkType: [{ namespace: GS1_VOC, prefix: "gs1:" }],
      linkTypes: expect.arrayContaining(["gs1:defaultLink", "gs1:pip", "gs1:traceability"]),
    })
  })
})
