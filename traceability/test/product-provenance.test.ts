import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { lotProvenanceSchema } from "../src/http/routes/resolver-schemas.js"
import { client, type Json, type Service, startService, tokens } from "./harness.js"
import {
  batchWithStamps,
  GIA_PHU_SELLER,
  HONEY,
  OTHER_SELLER,
  PRODUCTS,
  RICE,
  schemaProblems,
} from "./scan-fixtures.js"

// The shop's product page reads the origin of a product without a stamp: the newest batch that
// is not recalled, on a real port against a real PostgreSQL.
let service: Service
let t: Awaited<ReturnType<typeof tokens>>
let older: Json
let newer: Json

async function provenance(productId: string) {
  const response = await fetch(
    `${service.base}/products/${encodeURIComponent(productId)}/provenance`,
  )
  return {
    status: response.status,
    headers: response.headers,
    body: (await response.json()) as Json,
  }
}

beforeAll(async () => {
  service = await startService(PRODUCTS, { RESOLVER_RATE_LIMIT: "0" })
  t = await tokens(GIA_PHU_SELLER.id, OTHER_SELLER.id)
  older = (await batchWithStamps(service.base, t.member, RICE.id, "GP-OLD-01", 2)).batch
  newer = (await batchWithStamps(service.base, t.member, RICE.id, "GP-NEW-02", 2)).batch
})

afterAll(async () => {
  await service?.close()
})

describe("GET /products/{product_id}/provenance", () => {
  it("answers the newest batch's provenance record, cacheable, without counting a scan", async () => {
    const { status, headers, body } = await provenance(RICE.id)
    expect(status).toBe(200)
    expect(schemaProblems(lotProvenanceSchema, body)).toEqual([])
    expect(body.batch).toMatchObject({ id: newer.id, lot_code: "GP-NEW-02", state: "open" })
    expect(body.product).toMatchObject({ id: RICE.id, handle: RICE.handle })
    expect(body.producer).toMatchObject({ id: GIA_PHU_SELLER.id })
    expect(body.verdict).toBeUndefined()
    expect(body.stamp).toBeUndefined()
    expect(headers.get("cache-control")).toBe("public, max-age=60")
    await service.app.scanService.flush()
    const { rows } = await service.pool.query("SELECT count(*)::int AS n FROM scan")
    expect(rows[0].n).toBe(0)
  })

  it("shows an event recorded on the batch at once, though the record is cached", async () => {
    const call = client(service.base)
    const before = await provenance(RICE.id)
    expect(before.body.events).toEqual([])
    const harvest = await call("POST", `/batches/${newer.id}/events`, {
      token: t.member,
      body: {
        type: "harvest",
        occurred_at: "2026-03-10T06:00:00+07:00",
        quantity: { amount: 700, unit: "kg" },
      },
    })
    expect(harvest.status, JSON.stringify(harvest.body)).toBe(201)
    const after = await provenance(RICE.id)
    expect(after.body.events.map((e: Json) => e.type)).toEqual(["harvest"])
    expect(after.body.chain.events).toBe(1)
  })

  it("skips a recalled batch for the newest one still on sale", async () => {
    const recall = await client(service.base)("POST", `/batches/${newer.id}/recall`, {
      token: t.member,
      body: { reason: "Ẩm mốc khi kiểm tra lại" },
    })
    expect(recall.status, JSON.stringify(recall.body)).toBe(200)
    const { status, body } = await provenance(RICE.id)
    expect(status).toBe(200)
    expect(body.batch).toMatchObject({ id: older.id, lot_code: "GP-OLD-01" })
  })

  it("is a 404 naming the product when it has no batch, or only recalled ones", async () => {
    const none = await provenance(HONEY.id)
    expect(none.status).toBe(404)
    expect(none.body).toMatchObject({ error: "not_found" })
    expect(none.body.message).toContain(HONEY.id)
    const recall = await client(service.base)("POST", `/batches/${older.id}/recall`, {
      token: t.member,
      body: { reason: "Thu hồi toàn bộ" },
    })
    expect(recall.status, JSON.stringify(recall.body)).toBe(200)
    expect((await provenance(RICE.id)).status).toBe(404)
    expect((await provenance("prod_khong_co")).status).toBe(404)
  })

  it("finds the batch through the product index, newest first without a sort", async () => {
    // A handful of rows would be read sequentially anyway: ask whether the index serves the query.
    const db = await service.pool.connect()
    try {
      await db.query("SET enable_seqscan = off")
      const { rows } = await db.query(
        `EXPLAIN SELECT id FROM batch WHERE product_id = $1 AND state <> 'recalled'
         ORDER BY created_at DESC, id DESC LIMIT 1`,
        [RICE.id],
      )
      const plan = rows.map((r) => r["QUERY PLAN"]).join("\n")
      expect(plan).toContain("batch_product_created_idx")
      expect(plan).not.toContain("Sort")
    } finally {
      await db.query("RESET enable_seqscan")
      db.release()
    }
  })
})
