// A real Medusa backend for other packages' tests: a fresh database on the test PostgreSQL,
// migrated and seeded with the demo commune, served on a free port.
import { randomBytes } from "node:crypto"
import path from "node:path"
import { createTestDatabase, ROOT, resolvePostgres } from "./pg.mjs"
import { freePort, run, startService, stopService, waitForHttp } from "./proc.mjs"

const BACKEND = path.join(ROOT, "backend")
const MEDUSA = path.join(ROOT, "node_modules", ".bin", "medusa")

/**
 * @param {{ log?: (line: string) => void, env?: Record<string, string> }} [options] `env`: extra
 *   variables for the backend (e.g. where to post storefront revalidations)
 * @returns {Promise<{ url: string, publishableKey: string, databaseUrl: string, jwtSecret: string, stop: () => Promise<void> }>}
 */
export async function startSeededBackend({ log = () => {}, env: extraEnv = {} } = {}) {
  const pg = await resolvePostgres({ log })
  const db = await createTestDatabase(pg.serverUrl, "coop_e2e")
  const port = await freePort()
  const url = `http://localhost:${port}`
  const jwtSecret = randomBytes(16).toString("hex")
  const env = {
    ...process.env,
    NODE_ENV: "production",
    DATABASE_URL: db.url,
    JWT_SECRET: jwtSecret,
    COOKIE_SECRET: randomBytes(16).toString("hex"),
    ADMIN_DISABLED: "true",
    SEED_STOREFRONT_ENV_FILE: "off",
    MEDUSA_BACKEND_URL: url,
    PORT: String(port),
    ...extraEnv,
  }
  let server
  const stop = async () => {
    await stopService(server)
    await db.drop().catch(() => {})
    await pg.stop()
  }
  try {
    log(`Migrating test backend database ${db.name}`)
    await run(MEDUSA, ["db:migrate"], {
      cwd: BACKEND,
      env,
      quiet: true,
      label: "medusa db:migrate",
    })
    log("Seeding the demo commune")
    await run(MEDUSA, ["exec", "./src/scripts/seed.ts"], {
      cwd: BACKEND,
      env,
      quiet: true,
      label: "seed",
    })
    server = startService("backend", MEDUSA, ["start", "--port", String(port)], {
      cwd: BACKEND,
      env,
      onLine: (line) => log(`[backend] ${line}`),
    })
    await waitForHttp(`${url}/health`, { child: server })
    const { default: pgClient } = await import("pg")
    const client = new pgClient.Client({ connectionString: db.url })
    await client.connect()
    const { rows } = await client.query(
      "SELECT token FROM api_key WHERE type = 'publishable' AND revoked_at IS NULL AND deleted_at IS NULL",
    )
    await client.end()
    if (!rows.length) throw new Error("the seed created no publishable key")
    return { url, publishableKey: rows[0].token, databaseUrl: db.url, jwtSecret, stop }
  } catch (error) {
    await stop()
    throw error
  }
}
