import { randomBytes } from "node:crypto"
import type { AddressInfo } from "node:net"
import path from "node:path"

const SOURCE = path.join(__dirname, "../../../traceability/src")

type App = {
  listen: (options: { port: number; host: string }) => Promise<string>
  close: () => Promise<void>
  server: { address: () => AddressInfo | string | null }
}

/**
 * The real traceability service (../../../traceability/src), in this test process, on a fresh
 * migrated database of the tests' PostgreSQL, asking this test's backend about products as in
 * production. The backend finds it through TRACEABILITY_URL, read at each call.
 */
export async function startTraceability(backendUrl: string) {
  const { createTestDatabase } = await import("@coop/scripts/pg")
  // Loaded by path at run time, so the backend's type check stays out of the service's sources.
  const { migrate } = (await import(`${SOURCE}/store/migrator.ts`)) as {
    migrate: (url: string) => Promise<unknown>
  }
  const { buildApp } = (await import(`${SOURCE}/app.ts`)) as {
    buildApp: (config: unknown) => Promise<App>
  }
  const { loadConfig } = (await import(`${SOURCE}/config.ts`)) as {
    loadConfig: (env: Record<string, string | undefined>) => unknown
  }
  const user = encodeURIComponent(process.env.DB_USERNAME ?? "postgres")
  const password = process.env.DB_PASSWORD ? `:${encodeURIComponent(process.env.DB_PASSWORD)}` : ""
  const server = `postgres://${user}${password}@127.0.0.1:${process.env.DB_PORT ?? "5432"}/postgres`
  const database = await createTestDatabase(server, "coop_trace_backend")
  await migrate(database.url)
  const app = await buildApp(
    loadConfig({
      TRACEABILITY_DATABASE_URL: database.url,
      MEDUSA_BACKEND_URL: backendUrl,
      STAMP_SIGNING_SECRET: randomBytes(32).toString("hex"),
      JWT_SECRET: process.env.JWT_SECRET,
      STAMP_SHEET_THREADS: "0",
      LOG_LEVEL: "silent",
    }),
  )
  await app.listen({ port: 0, host: "127.0.0.1" })
  const url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`
  process.env.TRACEABILITY_URL = url

  /** A call to the service with a seller's headers; answers status and JSON body. */
  async function call(
    method: string,
    path: string,
    headers: Record<string, string>,
    body?: unknown,
  ) {
    const response = await fetch(`${url}${path}`, {
      method,
      headers: { ...headers, ...(body ? { "content-type": "application/json" } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    })
    return { status: response.status, data: await response.json().catch(() => null) }
  }

  return {
    url,
    call,
    close: async () => {
      delete process.env.TRACEABILITY_URL
      await app.close()
      await database.drop()
    },
  }
}
