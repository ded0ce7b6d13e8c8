import type { ChildProcess } from "node:child_process"
import { randomBytes } from "node:crypto"
import path from "node:path"
import { fileURLToPath } from "node:url"
import { createTestDatabase, type ResolvedPostgres, resolvePostgres } from "@coop/scripts/pg"
import { freePort, runGroup, startGroup, stopGroup, waitForHttp } from "./processes"

// The real traceability service (traceability/), built and started on a free port against a
// fresh database, so the browser test follows a real stamp through its real resolver.

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..")
const DIST = path.join(ROOT, "traceability", "dist")

type Log = (line: string) => void

export type IssuedStamp = { serial: string; uri: string }

/** `npm run build -w traceability`: tsc into traceability/dist, with the SQL migrations. */
export async function buildTraceability(log: Log) {
  await runGroup("traceability build", "npm", ["run", "build", "-w", "traceability"], {
    cwd: ROOT,
    env: process.env,
    log,
  })
}

/** A fresh, migrated database for the service on the tests' PostgreSQL. */
export async function createTraceabilityDatabase(log: Log) {
  const pg: ResolvedPostgres = await resolvePostgres({ log })
  try {
    const db = await createTestDatabase(pg.serverUrl, "coop_trace_e2e")
    return { pg, db }
  } catch (error) {
    await pg.stop()
    throw error
  }
}

export async function migrateTraceability(databaseUrl: string, log: Log) {
  await runGroup(
    "traceability migrate",
    process.execPath,
    [path.join(DIST, "store", "migrate-cli.js")],
    {
      cwd: ROOT,
      env: { ...process.env, TRACEABILITY_DATABASE_URL: databaseUrl },
      log,
    },
  )
}

export type Traceability = { url: string; child: ChildProcess; jwtSecret: string }

/** Starts `node traceability/dist/server.js`; browsers that scan are sent to `storefrontUrl`. */
export async function startTraceability(
  databaseUrl: string,
  storefrontUrl: string,
  backend: { url: string; jwtSecret: string },
  log: Log,
): Promise<Traceability> {
  const port = await freePort()
  const url = `http://127.0.0.1:${port}`
  // The backend's secret: the service verifies the tokens the backend issues, as in production.
  const jwtSecret = backend.jwtSecret
  const child = startGroup(
    `traceability:${port}`,
    process.execPath,
    [path.join(DIST, "server.js")],
    {
      cwd: ROOT,
      env: {
        ...process.env,
        NODE_ENV: "production",
        TRACEABILITY_DATABASE_URL: databaseUrl,
        TRACEABILITY_PORT: String(port),
        TRACEABILITY_HOST: "127.0.0.1",
        TRACEABILITY_PUBLIC_URL: url,
        STOREFRONT_URL: storefrontUrl,
        STAMP_SIGNING_SECRET: randomBytes(32).toString("hex"),
        JWT_SECRET: jwtSecret,
        MEDUSA_BACKEND_URL: backend.url,
        LOG_LEVEL: process.env.E2E_VERBOSE ? "info" : "warn",
      },
      log,
    },
  )
  try {
    await waitForHttp(`${url}/health`, child)
  } catch (error) {
    await stopGroup(child)
    throw error
  }
  return { url, child, jwtSecret }
}

async function call<T>(url: string, init: RequestInit): Promise<T> {
  const response = await fetch(url, init)
  const body = await response.json().catch(() => ({}))
  if (!response.ok) {
    throw new Error(
      `${init.method ?? "GET"} ${url}: HTTP ${response.status} ${JSON.stringify(body)}`,
    )
  }
  return body as T
}

type BatchInput = {
  productId: string
  lotCode: string
  quantity: number
  unit: string
}

/**
 * Creates a batch as the product's seller and issues `count` stamps for it: the seller's member
 * signs in at the real backend, and the service asks the backend whose product it is.
 */
export async function issueStamps(
  service: Traceability,
  seller: { backendUrl: string; email: string; password: string },
  batch: BatchInput,
  count: number,
) {
  const { token } = await call<{ token: string }>(
    `${seller.backendUrl}/auth/seller_member/emailpass`,
    {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: seller.email, password: seller.password }),
    },
  )
  const headers = { authorization: `Bearer ${token}`, "content-type": "application/json" }
  const created = await call<{ id: string }>(`${service.url}/batches`, {
    method: "POST",
    headers,
    body: JSON.stringify({
      product_id: batch.productId,
      lot_code: batch.lotCode,
      quantity: batch.quantity,
      unit: batch.unit,
    }),
  })
  const { stamps } = await call<{ stamps: IssuedStamp[] }>(
    `${service.url}/batches/${created.id}/stamps`,
    {
      method: "POST",
      headers: { ...headers, "idempotency-key": `e2e-${created.id}` },
      body: JSON.stringify({ count }),
    },
  )
  return stamps
}
