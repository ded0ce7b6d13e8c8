import { createTestDatabase } from "@coop/scripts/pg"
import type { FastifyInstance } from "fastify"
import type pg from "pg"
import { expect, inject } from "vitest"
import { type AppDeps, buildApp } from "../src/app.js"
import { loadConfig } from "../src/config.js"
import { createPool } from "../src/store/db.js"
import { migrate } from "../src/store/migrator.js"
import { type FakeBackend, fakeProduct, OTHER_SELLER, startFakeBackend } from "./fake-backend.js"
import { client, tokens } from "./harness.js"
import { freePort, JWT_SECRET, STAMP_SIGNING_SECRET } from "./helpers.js"

/**
 * The service on a real port for the stamp tests: like harness.ts, plus a say over the in-service
 * stamp worker, and products with and without a GTIN from the fake backend.
 */

export const RICE = fakeProduct({
  id: "prod_gao_seng_cu",
  title: "Gạo Séng Cù Gia Phú (túi 5 kg)",
  variants: [{ id: "v1", sku: "GAO-5KG", ean: "8930000000019", upc: null, barcode: null }],
})
export const TEA = fakeProduct({ id: "prod_che_shan", title: "Chè Shan tuyết cổ thụ" })
export const FOREIGN = fakeProduct({ id: "prod_other", seller: OTHER_SELLER })

export interface StampService {
  base: string
  pool: pg.Pool
  app: FastifyInstance
  backend: FakeBackend
  databaseUrl: string
  env: Record<string, string>
  call: ReturnType<typeof client>
  tokens: Awaited<ReturnType<typeof tokens>>
  close: () => Promise<void>
}

export async function startStampService(deps: AppDeps = {}): Promise<StampService> {
  const database = await createTestDatabase(inject("pgServerUrl"), "trace_stamps")
  await migrate(database.url)
  const backend = await startFakeBackend([RICE, TEA, FOREIGN])
  const port = await freePort()
  const base = `http://127.0.0.1:${port}`
  const env = {
    TRACEABILITY_DATABASE_URL: database.url,
    TRACEABILITY_PUBLIC_URL: base,
    MEDUSA_BACKEND_URL: backend.url,
    STOREFRONT_URL: "http://shop.test",
    STAMP_SIGNING_SECRET,
    JWT_SECRET,
    LOG_LEVEL: "silent",
    RESOLVER_RATE_LIMIT: "0",
  }
  const pool = createPool(database.url, { max: 20 })
  const app = await buildApp(loadConfig(env), { pool, ...deps })
  await app.listen({ port, host: "127.0.0.1" })
  return {
    base,
    pool,
    app,
    backend,
    databaseUrl: database.url,
    env,
    call: client(base),
    tokens: await tokens(RICE.seller.id, OTHER_SELLER.id),
    close: async () => {
      await app.close()
      await pool.end()
      await backend.close()
      await database.drop()
    },
  }
}

let lots = 0

/** A new batch of the product, created through the API by the seller's member. */
export async function createBatch(service: StampService, productId = RICE.id): Promise<string> {
  const response = await service.call("POST", "/batches", {
    token: service.tokens.member,
    body: { product_id: productId, lot_code: `LOT-${++lots}`, quantity: 500, unit: "kg" },
  })
  expect(response.status, JSON.stringify(response.body)).toBe(201)
  return response.body.id
}

/** POST /batches/:id/stamps with an Idempotency-Key. */
export async function issue(
  service: StampService,
  batchId: string,
  body: unknown,
  { token = service.tokens.member, key }: { token?: string; key?: string | null } = {},
) {
  const response = await fetch(`${service.base}/batches/${batchId}/stamps`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(key === null ? {} : { "idempotency-key": key ?? `key-${Math.random()}` }),
    },
    body: JSON.stringify(body),
  })
  // biome-ignore lint/suspicious/noExplicitAny: checked by the assertions that read it
  const json: any = await response.json()
  return { status: response.status, body: json, headers: response.headers }
}

export async function countRows(pool: pg.Pool, sql: string, values: unknown[] = []) {
  const { rows } = await pool.query(`SELECT count(*)::int AS n FROM ${sql}`, values)
  return rows[0].n as number
}
