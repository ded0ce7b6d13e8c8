import { createHash } from "node:crypto"
import { readdir, readFile } from "node:fs/promises"
import path from "node:path"
import { fileURLToPath } from "node:url"
import pg from "pg"

/** The folder of the service's own migrations (copied beside the compiled migrator on build). */
export const MIGRATIONS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), "migrations")

/** Any fixed number works; it only has to be the same for every instance of this service. */
const MIGRATION_LOCK_KEY = 7_418_290_011

const MIGRATION_FILE = /^(\d{3})_[a-z0-9_]+\.sql$/

export interface Migration {
  name: string
  sql: string
  checksum: string
}

/** Reads NNN_name.sql files in order; other files in the folder are an error, not ignored. */
export async function readMigrations(dir: string = MIGRATIONS_DIR): Promise<Migration[]> {
  const files = (await readdir(dir)).filter((file) => file.endsWith(".sql")).sort()
  const migrations: Migration[] = []
  const seenNumbers = new Set<string>()
  for (const file of files) {
    const match = MIGRATION_FILE.exec(file)
    if (!match) throw new Error(`Migration file ${file} must be named NNN_lower_snake_case.sql`)
    if (seenNumbers.has(match[1]!)) throw new Error(`Two migrations are numbered ${match[1]}`)
    seenNumbers.add(match[1]!)
    const sql = await readFile(path.join(dir, file), "utf8")
    migrations.push({
      name: file.replace(/\.sql$/, ""),
      sql,
      checksum: createHash("sha256").update(sql).digest("hex"),
    })
  }
  return migrations
}

export interface MigrateOptions {
  dir?: string
  log?: (message: string) => void
}

/**
 * Applies the migrations not applied yet, each in its own transaction, and returns their names.
 * An advisory lock makes concurrent runs (several instances starting at once) wait for each
 * other; an applied migration whose file has changed since is refused.
 */
export async function migrate(
  databaseUrl: string,
  options: MigrateOptions = {},
): Promise<string[]> {
  const migrations = await readMigrations(options.dir)
  const client = new pg.Client({ connectionString: databaseUrl })
  await client.connect()
  try {
    await client.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK_KEY])
    await client.query(`
      CREATE TABLE IF NOT EXISTS schema_migrations (
        name       text PRIMARY KEY,
        checksum   text NOT NULL,
        applied_at timestamptz NOT NULL DEFAULT now()
      )`)
    const { rows } = await client.query<{ name: string; checksum: string }>(
      "SELECT name, checksum FROM schema_migrations",
    )
    const applied = new Map(rows.map((row) => [row.name, row.checksum]))
    const done: string[] = []
    for (const migration of migrations) {
      const checksum = applied.get(migration.name)
      if (checksum !== undefined) {
        if (checksum !== migration.checksum) {
          throw new Error(
            `Migration ${migration.name} was changed after it was applied; add a new migration instead`,
          )
        }
        continue
      }
      await client.query("BEGIN")
      try {
        await client.query(migration.sql)
        await client.query("INSERT INTO schema_migrations (name, checksum) VALUES ($1, $2)", [
          migration.name,
          migration.checksum,
        ])
        await client.query("COMMIT")
      } catch (error) {
        await client.query("ROLLBACK")
        throw new Error(`Migration ${migration.name} failed: ${(error as Error).message}`, {
          cause: error,
        })
      }
      options.log?.(`Applied migration ${migration.name}`)
      done.push(migration.name)
    }
    return done
  } finally {
    // Ending the session releases the advisory lock even when unlocking is never reached.
    await client.end()
  }
}
