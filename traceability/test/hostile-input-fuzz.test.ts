/**
 * Generated hostile requests against every public route and every seller route (with a seller's
 * token): NUL characters, lone surrogates, JSON nested thousands of levels deep and numbers past
 * 2^53 or past a double, in bodies, keys, path segments and query parameters, mixed with wrong
 * types and huge strings. None may answer 5xx, every poisoned one is refused with a 4xx, and no
 * table changes.
 *
 * Reproducible: the generator is seeded (FUZZ_SEED, default below); a failure prints the seed
 * and the requests that failed.
 */
import { hostileRequests, prng, type Rng } from "@coop/contracts/hostile-input-fuzz"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { client, type Json, type Service, startService, tokens } from "./harness.js"
import { batchWithStamps, GIA_PHU_SELLER, OTHER_SELLER, PRODUCTS, RICE } from "./scan-fixtures.js"

const SEED = Number(process.env.FUZZ_SEED ?? 20261207)
const POISONED = Number(process.env.FUZZ_POISONED ?? 2500)
const JUNK = Number(process.env.FUZZ_JUNK ?? 600)
const PARALLEL = 8

type Route = {
  method: "GET" | "POST" | "PATCH"
  path: string
  seller?: boolean
  fields?: string[]
}

const BATCH_FIELDS = [
  "product_id",
  "lot_code",
  "quantity",
  "unit",
  "dates",
  "place",
  "certifications",
]
const ROUTES: Route[] = [
  { method: "GET", path: "/health" },
  { method: "GET", path: "/.well-known/gs1resolver" },
  { method: "GET", path: "/s/{serial}" },
  { method: "GET", path: "/01/{gtin}" },
  { method: "GET", path: "/01/{gtin}/10/{lot}" },
  { method: "GET", path: "/01/{gtin}/10/{lot}/21/{serial}" },
  { method: "GET", path: "/01/{gtin}/21/{serial}" },
  { method: "GET", path: "/stamps/{serial}.png" },
  { method: "GET", path: "/stamps/{serial}.svg" },
  { method: "GET", path: "/stamps/{serial}/provenance" },
  { method: "GET", path: "/products/{product}/provenance" },
  { method: "GET", path: "/batches/{batch}/verify" },
  { method: "GET", path: "/batches/{batch}/epcis" },
  { method: "GET", path: "/events" },
  { method: "POST", path: "/scans/{scan}/location", fields: ["lat", "lng", "accuracy_m"] },
  { method: "GET", path: "/batches", seller: true },
  { method: "POST", path: "/batches", seller: true, fields: BATCH_FIELDS },
  { method: "GET", path: "/batches/{batch}", seller: true },
  { method: "PATCH", path: "/batches/{batch}", seller: true, fields: BATCH_FIELDS },
  { method: "GET", path: "/batches/{batch}/events", seller: true },
  {
    method: "POST",
    path: "/batches/{batch}/events",
    seller: true,
    fields: ["type", "occurred_at", "place", "data", "photos"],
  },
  { method: "POST", path: "/batches/{batch}/seal", seller: true, fields: [] },
  { method: "POST", path: "/batches/{batch}/recall", seller: true, fields: ["reason"] },
  { method: "POST", path: "/batches/{batch}/stamps", seller: true, fields: ["count"] },
  { method: "GET", path: "/batches/{batch}/stamps", seller: true },
  { method: "GET", path: "/batches/{batch}/stamps.csv", seller: true },
  { method: "GET", path: "/batches/{batch}/stamps.pdf", seller: true },
  {
    method: "POST",
    path: "/batches/{batch}/stamps/void",
    seller: true,
    fields: ["serials", "reason"],
  },
  { method: "GET", path: "/stamp-jobs/{job}", seller: true },
  { method: "GET", path: "/stamp-jobs/{job}/sheet.pdf", seller: true },
  { method: "GET", path: "/stamp-jobs/{job}/stamps.csv", seller: true },
  { method: "GET", path: "/stats", seller: true },
  { method: "GET", path: "/stats/counterfeit-stamps", seller: true },
  { method: "GET", path: "/events", seller: true },
  {
    method: "POST",
    path: "/capture",
    seller: true,
    fields: ["@context", "type", "schemaVersion", "creationDate", "epcisBody"],
  },
]

type Attempt = { method: Route["method"]; url: string; data?: string; seller: boolean }

const request = hostileRequests(ROUTES, {
  nulInside: ["GP-2026", "-01"],
  surrogateAfter: "Thôn ",
  poisonedKey: "dates",
  lookalike: "2026-02-30",
  hugeLengths: [255, 5000, 200_000, 1_200_000],
  otherKey: "data",
  limits: ["5", "abc", "99999999999", "1e400"],
  poisonQuery: [
    "limit=%00",
    "limit=-1",
    "offset=%ED%A0%80",
    "product_id=%00",
    "state=%ED%B0%80",
    "from=x%00",
    "scan=%00",
    "%00=1",
    "seller_id[]=%00",
  ],
})
/** One generated request; poisoned ones carry at least one value no route may accept. */
function generate(rng: Rng, fixture: Record<string, string>, poisoned: boolean): Attempt {
  const { route, url, data } = request(rng, fixture, poisoned)
  return { method: route.method, url, data, seller: !!route.seller }
}

let service: Service
let token: string
const fixture: Record<string, string> = {}

beforeAll(async () => {
  // Rate limits would answer 429 to a fuzzer long before its requests reach the routes under test.
  service = await startService(PRODUCTS, { RESOLVER_RATE_LIMIT: "0" })
  token = (await tokens(GIA_PHU_SELLER.id, OTHER_SELLER.id)).member
  const { batch, stamps } = await batchWithStamps(service.base, token, RICE.id, "GP-FUZZ-01", 2)
  const stamp = stamps[0]!
  fixture.batch = batch.id
  fixture.serial = stamp.serial
  fixture.product = RICE.id
  fixture.gtin = "08930000000019"
  fixture.lot = "GP-FUZZ-01"
  const scanned = await fetch(`${service.base}/s/${stamp.serial}`, {
    headers: { accept: "application/json" },
  })
  fixture.scan = ((await scanned.json()) as Json).scan.id
  const jobs = await service.pool.query<{ id: string }>("SELECT id FROM stamp_job LIMIT 1")
  fixture.job = jobs.rows[0]?.id ?? "job_none"
  await service.app.scanService.flush()
}, 60_000)

afterAll(async () => {
  await service?.close()
})

/** A hash of every table of the service, to show a run changed nothing. */
async function snapshot() {
  await service.app.scanService.flush()
  const { rows: tables } = await service.pool.query<{ name: string }>(
    "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY 1",
  )
  const parts: string[] = []
  for (const { name } of tables) {
    const { rows } = await service.pool.query(
      `SELECT md5(coalesce(string_agg(t::text, ',' ORDER BY t::text), '')) AS h FROM "${name}" t`,
    )
    parts.push(`${name}:${rows[0].h}`)
  }
  return parts.join("\n")
}

async function run(attempts: Attempt[], ok: (status: number) => boolean) {
  const failures: string[] = []
  let next = 0
  let refusedWith400 = 0
  await Promise.all(
    Array.from({ length: PARALLEL }, async () => {
      while (next < attempts.length) {
        const attempt = attempts[next++]!
        const response = await fetch(`${service.base}${attempt.url}`, {
          method: attempt.method,
          headers: {
            accept: "application/json",
            ...(attempt.data !== undefined ? { "content-type": "application/json" } : {}),
            ...(attempt.seller ? { authorization: `Bearer ${token}` } : {}),
          },
          body: attempt.data,
          redirect: "manual",
        })
        const text = await response.text()
        if (response.status === 400) refusedWith400++
        if (!ok(response.status)) {
          failures.push(
            `${response.status} ${attempt.method} ${attempt.url} ${(attempt.data ?? "").slice(0, 300)} → ${text.slice(0, 300)}`,
          )
        }
      }
    }),
  )
  return { failures, refusedWith400 }
}

describe("hostile input fuzz", () => {
  it("answers the reported case and its kin with a 400 naming the field", async () => {
    const call = client(service.base)
    const before = await snapshot()
    const provenance = await call("GET", "/products/x%00y/provenance", { language: "en" })
    expect(provenance.status).toBe(400)
    expect(provenance.body).toEqual({
      error: "invalid_request",
      message: 'The field "url" contains an invalid character (NUL)',
      field: "url",
    })
    const nested = await fetch(`${service.base}/batches`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
      body: `{"product_id":"${RICE.id}","lot_code":"X","quantity":1,"unit":"kg","place":${'{"a":'.repeat(2000)}1${"}".repeat(2000)}}`,
    })
    expect(nested.status).toBe(400)
    expect(((await nested.json()) as Json).field).toBe("place.a.a.a.a.a…")
    const lotWithNul = await call("POST", "/batches", {
      token,
      body: { product_id: RICE.id, lot_code: "GP\u0000", quantity: 1, unit: "kg" },
    })
    expect(lotWithNul.status).toBe(400)
    expect((lotWithNul.body as Json).field).toBe("lot_code")
    expect(await snapshot()).toBe(before)
  })

  it(`refuses ${POISONED} poisoned requests with a 4xx and changes nothing (seed ${SEED})`, async () => {
    const rng = prng(SEED)
    const attempts = Array.from({ length: POISONED }, () => generate(rng, fixture, true))
    const before = await snapshot()
    const { failures, refusedWith400 } = await run(attempts, (s) => s >= 400 && s < 500)
    expect(failures, `FUZZ_SEED=${SEED}: ${failures.length} failures`).toEqual([])
    expect(await snapshot()).toBe(before)
    expect(refusedWith400).toBeGreaterThan(POISONED * 0.8)
  }, 120_000)

  it(`answers ${JUNK} requests of wrong types and huge values without a 5xx (seed ${SEED + 1})`, async () => {
    const rng = prng(SEED + 1)
    const attempts = Array.from({ length: JUNK }, () => generate(rng, fixture, false))
    const { failures } = await run(attempts, (s) => s < 500)
    expect(failures, `FUZZ_SEED=${SEED + 1}: ${failures.length} failures`).toEqual([])
  }, 120_000)
})
