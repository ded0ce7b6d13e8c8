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

const STOREFRONT = "http://shop.test"
const SELLER = "seller_htx_lua_st25"

const validBatch = {
  product_id: "prod_01_gao_st25",
  product_title: "Gạo ST25 Sóc Trăng 5 kg",
  lot_code: "ST25-2025-01",
  quantity: 1200,
  unit: "kg",
}

function post(path: string, body: unknown, headers: Record<string, string> = {}) {
  return fetch(`${base}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
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
  const port = await freePort()
  base = `http://127.0.0.1:${port}`
  const config = loadConfig({
    TRACEABILITY_DATABASE_URL: database.url,
    TRACEABILITY_PUBLIC_URL: base,
    STOREFRONT_URL: STOREFRONT,
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
})

describe("traceability service", () => {
  it("answers /health with 200 when the database is reachable", async () => {
    const response = await fetch(`${base}/health`)
    expect(response.status).toBe(200)
    expect(await json(response)).toEqual({ status: "ok" })
  })

  it("creates a batch, issues stamps, and a scanned QR code resolves to the provenance", async () => {
    const batch = await createBatch({ gtin: "9506000134352" })
    expect(batch).toMatchObject({
      ...validBatch,
      gtin: "09506000134352",
      seller_id: SELLER,
      created_by: "member_01",
      state: "open",
    })
    const fetched = await fetch(`${base}/batches/${batch.id}`)
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
      verdict: "genuine",
      stamp: { serial: stamps[2].serial, uri: stamps[2].uri, state: "issued" },
      batch: { id: batch.id, lot_code: "ST25-2025-01", quantity: 1200, unit: "kg", state: "open" },
      product: {
        id: validBatch.product_id,
        title: validBatch.product_title,
        gtin: "09506000134352",
      },
      seller: { id: SELLER },
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
    expect(browser.status).toBe(302)
    expect(browser.headers.get("location")).toBe(`${STOREFRONT}/vi/trace/${stamp.serial}`)

    const scanner = await fetch(stamp.uri, { headers: { accept: "application/json" } })
    expect((await json(scanner)).product.gtin).toBeNull()
  })

  it("answers a forged serial with 404 not_genuine without querying the database", async () => {
    const forged = createSerial("an-attacker-guessing-the-signing-secret")
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
    const batch = await createBatch({ gtin: "09506000134352", lot_code: "LOT-B" })
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
      [{ ...validBatch, gtin: "09506000134353" }, "gtin"],
    ]
    for (const [body, field] of cases) {
      const response = await post("/batches", body, bearer(sellerToken))
      expect(response.status, field).toBe(400)
      const error = await json(response)
      expect(error.field).toBe(field)
      expect(error.message).toMatch(field === "gtin" ? /GTIN/ : /lot|quantity/)
    }
    expect(await count("batch")).toBe(before)

    const batch = await createBatch({ lot_code: "BAD-COUNT" })
    const stampsBefore = await count("stamp")
    for (const bad of [0, 1001, 2.5]) {
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
      { ...validBatch, lot_code: "OP-1", seller_id: "seller_other" },
      bearer(operator),
    )
    expect(chosen.status).toBe(201)
    const batch = await json(chosen)
    expect(batch).toMatchObject({ seller_id: "seller_other", created_by: "user_admin" })

    const stampsForOther = await post(
      `/batches/${batch.id}/stamps`,
      { count: 1 },
      bearer(sellerToken),
    )
    expect(stampsForOther.status).toBe(403)
  })

  it("answers a repeated lot code with 409 and an unknown batch with 404", async () => {
    await createBatch({ lot_code: "DUP-1" })
    expect(
      (await post("/batches", { ...validBatch, lot_code: "DUP-1" }, bearer(sellerToken))).status,
    ).toBe(409)
    const unknown = await fetch(`${base}/batches/00000000-0000-4000-8000-000000000000`)
    expect(unknown.status).toBe(404)
  })
})
