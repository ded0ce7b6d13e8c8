import type pg from "pg"
import { expect } from "vitest"
import type { AppDeps } from "../src/app.js"
import { fakeProduct, OTHER_SELLER } from "./fake-backend.js"
import { client, type Service, startService, tokens } from "./harness.js"

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

export interface StampService extends Service {
  call: ReturnType<typeof client>
  tokens: Awaited<ReturnType<typeof tokens>>
}

/** The service with the stamp products; the rate limit is off, as the tests scan in bursts. */
export async function startStampService(
  deps: AppDeps = {},
  env: Record<string, string> = {},
): Promise<StampService> {
  const service = await startService(
    [RICE, TEA, FOREIGN],
    { RESOLVER_RATE_LIMIT: "0", ...env },
    deps,
  )
  return {
    ...service,
    call: client(service.base),
    tokens: await tokens(RICE.seller.id, OTHER_SELLER.id),
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
  {
    token = service.tokens.member,
    key,
    language,
  }: { token?: string; key?: string | null; language?: string } = {},
) {
  const response = await fetch(`${service.base}/batches/${batchId}/stamps`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(key === null ? {} : { "idempotency-key": key ?? `key-${Math.random()}` }),
      ...(language ? { "accept-language": language } : {}),
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
