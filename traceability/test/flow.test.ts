import { createTestDatabase } from "@coop/scripts/pg"
import type { FastifyInstance } from "fastify"
import jsQRModule from "jsqr"
import type pg from "pg"
import { PNG } from "pngjs"
import { afterAll, beforeAll, describe, expect, inject, it, vi } from "vitest"
import { buildApp } from "../src/app.js"
import { loadConfig } from "../src/config.js"
import { createSerial, verifySerial } from "../src/domain/serial.js"
import { createPool } from "../src/store/db.js"
import { migrate } from "../src/store/migrator.js"
import {
  type FakeBackend,
  fakeProduct,
  GIA_PHU_SELLER,
  OTHER_SELLER,
  startFakeBackend,
} from "./fake-backend.js"
import { freePort, JWT_SECRET, STAMP_SIGNING_SECRET, signToken } from "./helpers.js"

// jsqr is CommonJS with an ES-style `export default` in its types: Node hands us module.exports.
const jsQR = jsQRModule as unknown as typeof jsQRModule.default

// Response bodies are checked by the assertions that read them.
// biome-ignore lint/suspicious/noExplicitAny: see above
type Json = any
const json = (response: Response): Promise<Json> => response.json()

// The whole service on a real port against a freshly migrated database.
let database: { url: string; drop: () => Promise<void> }
let pool: pg.Pool
let app: FastifyInstance
let base: string
let sellerToken: string
let backend: FakeBackend

const STOREFRONT = "http://shop.test"
const SELLER = GIA_PHU_SELLER.id

// Batches take their product from the backend (here a fake one): one with a GTIN, one without.
const GTIN_PRODUCT = fakeProduct({
  id: "prod_01_gao_st25",
  title: "Gạo ST25 Sóc Trăng 5 kg",
  variants: [{ id: "v1", sku: "ST25", ean: "9506000134352", upc: null, barcode: null }],
})
const PLAIN_PRODUCT = fakeProduct({ id: "prod_02_gao_nep", title: "Gạo nếp 2 kg", variants: [] })
const OTHER_PRODUCT = fakeProduct({ id: "prod_03_other", seller: OTHER_SELLER, variants: [] })

const validBatch = {
  product_id: PLAIN_PRODUCT.id,
  lot_code: "ST25-2025-01",
  quantity: 1200,
  unit: "kg",
}
const withGtin = { product_id: GTIN_PRODUCT.id }

let keys = 0

function post(path: string, body: unknown, headers: Record<string, string> = {}) {
  // Issuing stamps requires an Idempotency-Key; a new one each time unless the test gives one.
  const key: Record<string, string> = path.endsWith("/stamps")
    ? { "idempotency-key": `flow-${++keys}` }
    : {}
  return fetch(`${base}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", ...key, ...headers },
    body: JSON.stringify(body),
  })
}

const bearer = (token: string) => ({ authorization: `Bearer ${token}` })

async function count(table: "batch" | "stamp"): Promise<number> {
  const { rows } = await pool.query(`SELECT count(*)::int AS n FROM ${table}`)
  return rows[0].n
}

async function createBatch(overrides: Record<string, unknown> = {}) {
  const response = await post("/batches", { ...validBatch, ...overrides }, bearer(sellerToken))
  expect(response.status).toBe(201)
  return json(response)
}

async function decodePng(url: string): Promise<string> {
  const response = await fetch(url)
  expect(response.status).toBe(200)
  expect(response.headers.get("content-type")).toBe("image/png")
  const png = PNG.sync.read(Buffer.from(await response.arrayBuffer()))
  const code = jsQR(new Uint8ClampedArray(png.data), png.width, png.height)
  expect(code, "the PNG holds a readable QR code").not.toBeNull()
  return code!.data
}

beforeAll(async () => {
  database = await createTestDatabase(inject("pgServerUrl"), "trace_test")
  await migrate(database.url)
  backend = await startFakeBackend([GTIN_PRODUCT, PLAIN_PRODUCT, OTHER_PRODUCT])
  const port = await freePort()
  base = `http://127.0.0.1:${port}`
  const config = loadConfig({
    TRACEABILITY_DATABASE_URL: database.url,
    TRACEABILITY_PUBLIC_URL: base,
    STOREFRONT_URL: STOREFRONT,
    MEDUSA_BACKEND_URL: backend.url,
    STAMP_SIGNING_SECRET,
    JWT_SECRET,
    LOG_LEVEL: "silent",
  })
  pool = createPool(database.url, { max: 20 })
  app = await buildApp(config, { pool })
  await app.listen({ port, host: "127.0.0.1" })
  sellerToken = await signToken({
    actor_id: "member_01",
    actor_type: "seller_member",
    app_metadata: { seller_id: SELLER },
  })
})

afterAll(async () => {
  await app?.close()
  await pool?.end()
  await database?.drop()
  await backend?.close()
})

describe("traceability service", () => {
  it("answers /health with 200 when the database is reachable", async () => {
    const response = await fetch(`${base}/health`)
    expect(response.status).toBe(200)
    expect(await json(response)).toEqual({ status: "ok" })
  })

  it("creates a batch, issues stamps, and a scanned QR code resolves to the provenance", async () => {
    const batch = await createBatch(withGtin)
    expect(batch).toMatchObject({
      ...validBatch,
      ...withGtin,
      product_title: GTIN_PRODUCT.title,
      gtin: "09506000134352",
      seller_id: SELLER,
      created_by: "member_01",
      state: "open",
    })
    const fetched = await fetch(`${base}/batches/${batch.id}`, { headers: bearer(sellerToken) })
    expect(await json(fetched)).toEqual(batch)

    const issued = await post(`/batches/${batch.id}/stamps`, { count: 5 }, bearer(sellerToken))
    expect(issued.status).toBe(201)
    const { stamps } = await json(issued)
    expect(stamps).toHaveLength(5)
    expect(new Set(stamps.map((s: { serial: string }) => s.serial)).size).toBe(5)
    for (const stamp of stamps) {
      expect(verifySerial(stamp.serial, STAMP_SIGNING_SECRET)).toBe(true)
      expect(stamp.uri).toBe(`${base}/01/09506000134352/10/ST25-2025-01/21/${stamp.serial}`)
    }

    const scanned = await decodePng(`${base}/stamps/${stamps[2].serial}.png`)
    expect(scanned).toBe(stamps[2].uri)

    const provenance = await fetch(scanned, { headers: { accept: "application/json" } })
    expect(provenance.status).toBe(200)
    const body = await json(provenance)
    expect(body).toMatchObject({
      verdict: "genuine_first_scan",
      stamp: { serial: stamps[2].serial, uri: stamps[2].uri, state: "issued" },
      batch: { id: batch.id, lot_code: "ST25-2025-01", quantity: 1200, unit: "kg", state: "open" },
      product: {
        id: GTIN_PRODUCT.id,
        title: GTIN_PRODUCT.title,
        gtin: "09506000134352",
      },
      producer: { id: SELLER },
    })
    expect(Date.parse(body.stamp.issued_at)).not.toBeNaN()
  })

  it("gives a product without a GTIN short URIs, an SVG, and sends browsers to the storefront", async () => {
    const batch = await createBatch({ lot_code: "NO-GTIN-1" })
    const issued = await post(`/batches/${batch.id}/stamps`, { count: 1 }, bearer(sellerToken))
    const [stamp] = (await json(issued)).stamps
    expect(stamp.uri).toBe(`${base}/s/${stamp.serial}`)

    const svg = await fetch(`${base}/stamps/${stamp.serial}.svg`)
    expect(svg.headers.get("content-type")).toMatch(/^image\/svg\+xml/)
    expect(await svg.text()).toMatch(/^<svg /)

    const browser = await fetch(stamp.uri, {
      redirect: "manual",
      headers: { accept: "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8" },
    })
    expect(browser.status).toBe(307)
    // The storefront is on another site than the service here, so the redirect carries the
    // scan's signed id in its URL, and the stamp page shows this scan's verdict.
    const location = new URL(browser.headers.get("location")!)
    expect(`${location.origin}${location.pathname}`).toBe(`${STOREFRONT}/vi/trace/${stamp.serial}`)
    expect(location.searchParams.get("scan")).toMatch(/^[A-Za-z0-9_-]+$/)

    const scanner = await fetch(stamp.uri, { headers: { accept: "application/json" } })
    expect((await json(scanner)).product.gtin).toBeNull()
  })

  it("answers a forged serial with 404 not_genuine without querying the database", async () => {
    const forged = createSerial("an-attacker-guessing-the-signing-secret")
    // The earlier tests' scans are written now, so the log's timer cannot write them meanwhile.
    await app.scanService.flush()
    const query = vi.spyOn(pool, "query")
    const connect = vi.spyOn(pool, "connect")
    try {
      for (const path of [`/s/${forged}`, `/01/09506000134352/10/ST25-2025-01/21/${forged}`]) {
        const response = await fetch(`${base}${path}`, { headers: { accept: "application/json" } })
        expect(response.status).toBe(404)
        expect(await json(response)).toEqual({ verdict: "not_genuine" })
      }
      expect(query).not.toHaveBeenCalled()
      expect(connect).not.toHaveBeenCalled()
    } finally {
      query.mockRestore()
      connect.mockRestore()
    }
  })

  it("answers a genuine serial under another product's GTIN or lot with 404", async () => {
    const batch = await createBatch({ ...withGtin, lot_code: "LOT-B" })
    const issued = await post(`/batches/${batch.id}/stamps`, { count: 1 }, bearer(sellerToken))
    const [stamp] = (await json(issued)).stamps
    const accept = { accept: "application/json" }
    const wrongLot = await fetch(`${base}/01/09506000134352/10/LOT-C/21/${stamp.serial}`, {
      headers: accept,
    })
    expect(wrongLot.status).toBe(404)
    const wrongGtin = await fetch(`${base}/01/04006381333931/10/LOT-B/21/${stamp.serial}`, {
      headers: accept,
    })
    expect(wrongGtin.status).toBe(404)
  })

  it("answers a GTIN with a bad check digit with 400", async () => {
    const serial = createSerial(STAMP_SIGNING_SECRET)
    const response = await fetch(`${base}/01/09506000134353/10/L1/21/${serial}`)
    expect(response.status).toBe(400)
    expect(await json(response)).toMatchObject({ field: "gtin" })
  })

  it("refuses writes without a valid token with 401", async () => {
    const before = await count("batch")
    expect((await post("/batches", validBatch)).status).toBe(401)
    const forgedToken = await signToken(
      { actor_id: "x", actor_type: "seller_member", app_metadata: { seller_id: SELLER } },
      "not-the-medusa-secret",
    )
    const forged = await post("/batches", validBatch, bearer(forgedToken))
    expect(forged.status).toBe(401)
    expect(await json(forged)).toMatchObject({ error: "unauthorized" })
    expect((await post("/batches", validBatch, { authorization: "Basic abc" })).status).toBe(401)
    expect(await count("batch")).toBe(before)
  })

  it("rejects a bad body with 400 naming the field, and writes nothing", async () => {
    const before = await count("batch")
    const cases: [Record<string, unknown>, string][] = [
      [{ ...validBatch, lot_code: undefined }, "lot_code"],
      [{ ...validBatch, quantity: -3 }, "quantity"],
      [{ ...validBatch, lot_code: "L".repeat(21) }, "lot_code"],
      [{ ...validBatch, lot_code: "LÔ 1" }, "lot_code"],
      // Title and GTIN come from the backend, never from the client.
      [{ ...validBatch, product_title: "Gạo giả" }, "product_title"],
      [{ ...validBatch, gtin: "09506000134352" }, "gtin"],
    ]
    for (const [body, field] of cases) {
      const response = await post("/batches", body, bearer(sellerToken))
      expect(response.status, field).toBe(400)
      const error = await json(response)
      expect(error.field).toBe(field)
      expect(error.message).toContain(field)
    }
    expect(await count("batch")).toBe(before)

    const batch = await createBatch({ lot_code: "BAD-COUNT" })
    const stampsBefore = await count("stamp")
    for (const bad of [0, 100_001, 2.5]) {
      const response = await post(
        `/batches/${batch.id}/stamps`,
        { count: bad },
        bearer(sellerToken),
      )
      expect(response.status).toBe(400)
      expect((await json(response)).field).toBe("count")
    }
    expect(await count("stamp")).toBe(stampsBefore)
  })

  it("returns the same stamps for the same Idempotency-Key and batch, never a second set", async () => {
    const batch = await createBatch({ lot_code: "IDEMPOTENT" })
    const headers = { ...bearer(sellerToken), "idempotency-key": "print-2025-06-01" }
    // Retries racing each other. Holding a SHARE lock on stamp makes every request wait at its
    // INSERT until all of them are in flight; without the batch row lock each would issue a set.
    const blocker = await pool.connect()
    let responses: Response[]
    try {
      await blocker.query("BEGIN")
      await blocker.query("LOCK TABLE stamp IN SHARE MODE")
      const pending = Array.from({ length: 8 }, () =>
        post(`/batches/${batch.id}/stamps`, { count: 3 }, headers),
      )
      await vi.waitFor(
        async () => {
          // Not on the blocker: pg_stat_activity is a snapshot for the length of a transaction.
          const { rows } = await pool.query(
            `SELECT count(*)::int AS n FROM pg_stat_activity
             WHERE datname = current_database() AND wait_event_type = 'Lock'`,
          )
          expect(rows[0].n).toBe(8)
        },
        { timeout: 5_000, interval: 20 },
      )
      await blocker.query("COMMIT")
      responses = await Promise.all(pending)
    } finally {
      await blocker.query("ROLLBACK") // a no-op after COMMIT; frees the requests if waiting failed
      blocker.release()
    }
    expect(responses.map((r) => r.status)).toEqual(Array(8).fill(201))
    const [a, ...others] = await Promise.all(responses.map(json))
    for (const b of others) expect(b).toEqual(a)
    const third = await post(`/batches/${batch.id}/stamps`, { count: 3 }, headers)
    expect(third.headers.get("idempotent-replayed")).toBe("true")
    expect(await json(third)).toEqual(a)
    const { rows } = await pool.query("SELECT count(*)::int AS n FROM stamp WHERE batch_id = $1", [
      batch.id,
    ])
    expect(rows[0].n).toBe(3)

    const other = await post(`/batches/${batch.id}/stamps`, { count: 3 }, bearer(sellerToken))
    expect((await json(other)).stamps).not.toEqual(a.stamps)
  })

  it("takes the seller from the token, lets only an operator choose one", async () => {
    const spoof = await post(
      "/batches",
      { ...validBatch, seller_id: "someone_else" },
      bearer(sellerToken),
    )
    expect(spoof.status).toBe(403)

    const operator = await signToken({ actor_id: "user_admin", actor_type: "user" })
    const missing = await post("/batches", { ...validBatch, lot_code: "OP-1" }, bearer(operator))
    expect(missing.status).toBe(400)
    expect((await json(missing)).field).toBe("seller_id")
    const chosen = await post(
      "/batches",
      { ...validBatch, product_id: OTHER_PRODUCT.id, lot_code: "OP-1", seller_id: OTHER_SELLER.id },
      bearer(operator),
    )
    expect(chosen.status).toBe(201)
    const batch = await json(chosen)
    expect(batch).toMatchObject({ seller_id: OTHER_SELLER.id, created_by: "user_admin" })

    const stampsForOther = await post(
      `/batches/${batch.id}/stamps`,
      { count: 1 },
      bearer(sellerToken),
    )
    // Another seller's batch does not exist as far as this member can tell.
    expect(stampsForOther.status).toBe(404)
  })

  it("answers a repeated lot code with 409 and an unknown batch with 404", async () => {
    await createBatch({ lot_code: "DUP-1" })
    expect(
      (await post("/batches", { ...validBatch, lot_code: "DUP-1" }, bearer(sellerToken))).status,
    ).toBe(409)
    const unknown = await fetch(`${base}/batches/00000000-0000-4000-8000-000000000000`, {
      headers: bearer(sellerToken),
    })
    expect(unknown.status).toBe(404)
  })
})
