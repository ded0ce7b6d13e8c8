import type { ChildProcess } from "node:child_process"
import { randomBytes } from "node:crypto"
import path from "node:path"
import { fileURLToPath } from "node:url"
import { createTestDatabase, type ResolvedPostgres, resolvePostgres } from "@coop/scripts/pg"
import { SCAN_SUSPICIOUS_NETWORKS } from "./fixtures"
import { runGroup, startGroup, stopGroup, waitForHttp } from "./processes"

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

/**
 * Starts `node traceability/dist/server.js` on `port`; browsers that scan are sent to
 * `storefrontUrl`. `backend.webhookSecret` signs the backend's seller-state pushes, so the port
 * is chosen before the backend starts and learns where to push.
 */
export async function startTraceability(
  databaseUrl: string,
  storefrontUrl: string,
  backend: { url: string; jwtSecret: string; webhookSecret: string },
  port: number,
  log: Log,
): Promise<Traceability> {
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
        // localhost, as the storefront: one site, so a scan's id rides in the resolver's cookie
        // and the redirect goes exactly to GS1's default link (as with npm start).
        TRACEABILITY_PUBLIC_URL: url.replace("127.0.0.1", "localhost"),
        STOREFRONT_URL: storefrontUrl,
        STAMP_SIGNING_SECRET: randomBytes(32).toString("hex"),
        // Set here, not left to the default, because trace.test.ts scans one stamp past it, from
        // networks it names in X-Forwarded-For (the test's own proxy hop is trusted).
        SCAN_SUSPICIOUS_NETWORKS: String(SCAN_SUSPICIOUS_NETWORKS),
        TRUST_PROXY_HOPS: "1",
        JWT_SECRET: jwtSecret,
        MEDUSA_BACKEND_URL: backend.url,
        INDICATORS_WEBHOOK_SECRET: backend.webhookSecret,
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

type Seller = { backendUrl: string; email: string; password: string }

/** The seller member's headers: the service asks the backend whose product it is. */
async function signIn(seller: Seller) {
  const { token } = await call<{ token: string }>(
    `${seller.backendUrl}/auth/seller_member/emailpass`,
    {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: seller.email, password: seller.password }),
    },
  )
  return { authorization: `Bearer ${token}`, "content-type": "application/json" }
}

export type PreparedBatch = {
  batchId: string
  /** Every stamp issued, in issue order. */
  stamps: IssuedStamp[]
}

/**
 * As the product's seller would: creates the batch, records its season's events in order, and
 * issues `count` stamps.
 */
export async function prepareBatch(
  service: Pick<Traceability, "url">,
  seller: Seller,
  batch: Record<string, unknown>,
  events: Record<string, unknown>[],
  count: number,
): Promise<PreparedBatch & { headers: Record<string, string> }> {
  const headers = await signIn(seller)
  const created = await call<{ id: string }>(`${service.url}/batches`, {
    method: "POST",
    headers,
    body: JSON.stringify(batch),
  })
  // One after another: the hash chain orders them as recorded.
  for (const event of events) {
    await call(`${service.url}/batches/${created.id}/events`, {
      method: "POST",
      headers,
      body: JSON.stringify(event),
    })
  }
  const { stamps } = await call<{ stamps: IssuedStamp[] }>(
    `${service.url}/batches/${created.id}/stamps`,
    {
      method: "POST",
      headers: { ...headers, "idempotency-key": `e2e-${created.id}` },
      body: JSON.stringify({ count }),
    },
  )
  return { batchId: created.id, stamps, headers }
}

/** Voids stamps as their seller does when a roll is lost. */
export async function voidStamps(
  service: Pick<Traceability, "url">,
  headers: Record<string, string>,
  batchId: string,
  serials: string[],
) {
  await call(`${service.url}/batches/${batchId}/stamps/void`, {
    method: "POST",
    headers,
    body: JSON.stringify({ serials, reason: "Cuộn tem bị mất (kiểm thử)" }),
  })
}
