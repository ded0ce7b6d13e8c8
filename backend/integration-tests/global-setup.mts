import { spawnSync } from "node:child_process"
import path from "node:path"
import { fileURLToPath } from "node:url"
import { dropDatabase, resolvePostgres } from "@coop/scripts/pg"

const here = path.dirname(fileURLToPath(import.meta.url))

/**
 * Points Medusa's test runner at a real PostgreSQL: DATABASE_URL's server when it is set,
 * otherwise the embedded one. The runner creates its own databases from DB_* variables.
 *
 * Then migrates one template database for the whole run (migrate-template.mjs): every
 * integration file's database is created as a copy of it (setup.mts), so ~200 migrations run
 * once per `vitest run` instead of once per file.
 */
export default async function setup() {
  const pg = await resolvePostgres({ log: console.log })
  const url = new URL(pg.serverUrl)
  // Medusa's test runner asks for SSL on any host but "localhost", and the tests then hang.
  process.env.DB_HOST = url.hostname === "127.0.0.1" ? "localhost" : url.hostname
  process.env.DB_PORT = url.port || "5432"
  process.env.DB_USERNAME = decodeURIComponent(url.username || "postgres")
  process.env.DB_PASSWORD = decodeURIComponent(url.password)

  const template = `medusa-template-${Date.now().toString(36)}-${process.pid}`
  const started = Date.now()
  const child = spawnSync(process.execPath, [path.join(here, "migrate-template.mjs"), template], {
    env: process.env,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
  })
  if (child.status !== 0) {
    await dropDatabase(pg.serverUrl, template).catch(() => {})
    await pg.stop()
    throw new Error(
      `Migrating the template database failed (exit ${child.status}):\n${child.stdout}\n${child.stderr}`,
    )
  }
  console.log(
    `Template database ${template} migrated in ${Math.round((Date.now() - started) / 1000)} s`,
  )
  process.env.MEDUSA_TEST_TEMPLATE_DB = template

  return async () => {
    await dropDatabase(pg.serverUrl, template).catch(() => {})
    await pg.stop()
  }
}
