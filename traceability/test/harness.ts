import { createTestDatabase } from "@coop/scripts/pg"
import type { FastifyInstance } from "fastify"
import type pg from "pg"
import { inject } from "vitest"
import { type AppDeps, buildApp } from "../src/app.js"
import { loadConfig } from "../src/config.js"
import { createPool } from "../src/store/db.js"
import { migrate } from "../src/store/migrator.js"
import { type FakeBackend, type FakeProduct, startFakeBackend } from "./fake-backend.js"
import { freePort, JWT_SECRET, STAMP_SIGNING_SECRET, signToken } from "./helpers.js"

/** The whole service on a real port, on a fresh database, asking a fake backend about products. */
export interface Service {
  base: string
  pool: pg.Pool
  app: FastifyInstance
  backend: FakeBackend
  databaseUrl: string
  /** The environment the service was configured from. */
  env: Record<string, string>
  close: () => Promise<void>
}

/** The environment of a test instance of the service; `env` adds to or overrides it. */
export function serviceEnv(
  where: { databaseUrl: string; base: string; backendUrl: string },
  env: Record<string, string> = {},
): Record<string, string> {
  return {
    TRACEABILITY_DATABASE_URL: where.databaseUrl,
    TRACEABILITY_PUBLIC_URL: where.base,
    MEDUSA_BACKEND_URL: where.backendUrl,
    STOREFRONT_URL: "http://shop.test",
    STAMP_SIGNING_SECRET,
    JWT_SECRET,
    LOG_LEVEL: "silent",
    ...env,
  }
}

export async function startService(
  products: FakeProduct[],
  env: Record<string, string> = {},
  deps: AppDeps = {},
): Promise<Service> {
  const database = await createTestDatabase(inject("pgServerUrl"), "trace_test")
  await migrate(database.url)
  const backend = await startFakeBackend(products)
  const port = await freePort()
  const base = `http://127.0.0.1:${port}`
  const serviceConfig = serviceEnv(
    { databaseUrl: database.url, base, backendUrl: backend.url },
    env,
  )
  const pool = createPool(database.url, { max: 20 })
  const app = await buildApp(loadConfig(serviceConfig), { pool, ...deps })
  await app.listen({ port, host: "127.0.0.1" })
  return {
    base,
    pool,
    app,
    backend,
    databaseUrl: database.url,
    env: serviceConfig,
    close: async () => {
      await app.close()
      await pool.end()
      await backend.close()
      await database.drop()
    },
  }
}

// Response bodies are checked by the assertions that read them.
// biome-ignore lint/suspicious/noExplicitAny: see above
export type Json = any

/** fetch with JSON in and out, against the service. */
export function client(base: string) {
  return async (
    method: string,
    path: string,
    { token, body, language }: { token?: string; body?: unknown; language?: string } = {},
  ): Promise<{ status: number; body: Json; headers: Headers }> => {
    const response = await fetch(`${base}${path}`, {
      method,
      headers: {
        ...(body !== undefined ? { "content-type": "application/json" } : {}),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(language ? { "accept-language": language } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    const text = await response.text()
    return {
      status: response.status,
      body: text ? JSON.parse(text) : null,
      headers: response.headers,
    }
  }
}

/** Tokens for every kind of caller in the identity contract. */
export async function tokens(sellerId: string, otherSellerId: string) {
  return {
    member: await signToken({
      actor_id: "member_01",
      actor_type: "seller_member",
      app_metadata: { seller_id: sellerId, role: "owner" },
    }),
    helper: await signToken({
      actor_id: "helper_07",
      actor_type: "helper",
      app_metadata: { seller_id: sellerId, on_behalf_of: sellerId },
    }),
    otherMember: await signToken({
      actor_id: "member_99",
      actor_type: "seller_member",
      app_metadata: { seller_id: otherSellerId, role: "staff" },
    }),
    operator: await signToken({ actor_id: "user_admin", actor_type: "user" }),
    // A customer token carrying a seller_id must not act for that seller.
    customer: await signToken({
      actor_id: "cus_01",
      actor_type: "customer",
      app_metadata: { seller_id: sellerId },
    }),
    // As the backend issues them: the token names the officer, its area is in the database
    // (fake-backend.ts' FAKE_OFFICERS, asked through GET /commune/me).
    communeOfficer: await signToken({
      actor_id: "officer_gp",
      actor_type: "commune_officer",
      app_metadata: { commune_officer_id: "officer_gp" },
    }),
    otherCommuneOfficer: await signToken({
      actor_id: "officer_bc",
      actor_type: "commune_officer",
      app_metadata: { commune_officer_id: "officer_bc" },
    }),
    provinceOfficer: await signToken({
      actor_id: "officer_lc",
      actor_type: "province_officer",
      app_metadata: { province_officer_id: "officer_lc" },
    }),
    service: await signToken({ actor_id: "backend", actor_type: "service" }),
  }
}
