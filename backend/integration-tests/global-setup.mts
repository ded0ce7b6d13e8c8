import { resolvePostgres } from "@coop/scripts/pg"

/**
 * Points Medusa's test runner at a real PostgreSQL: DATABASE_URL's server when it is set,
 * otherwise the embedded one. The runner creates its own databases from DB_* variables.
 */
export default async function setup() {
  const pg = await resolvePostgres({ log: console.log })
  const url = new URL(pg.serverUrl)
  // Any host but "localhost" makes the runner ask for SSL (DESIGN.md).
  process.env.DB_HOST = url.hostname === "127.0.0.1" ? "localhost" : url.hostname
  process.env.DB_PORT = url.port || "5432"
  process.env.DB_USERNAME = decodeURIComponent(url.username || "postgres")
  process.env.DB_PASSWORD = decodeURIComponent(url.password)
  return () => pg.stop()
}
