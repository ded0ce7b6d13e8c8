import { copyFile, mkdtemp, readdir, rm, writeFile } from "node:fs/promises"
import { tmpdir } from "node:os"
import path from "node:path"
import { createTestDatabase } from "@coop/scripts/pg"
import pg from "pg"
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest"
import { MIGRATIONS_DIR, migrate, readMigrations } from "./migrator.js"

let database: { url: string; drop: () => Promise<void> }
let client: pg.Client

async function tables(): Promise<string[]> {
  const { rows } = await client.query<{ table_name: string }>(
    "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1",
  )
  return rows.map((row) => row.table_name)
}

async function tempMigrations(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), "trace-migrations-"))
  for (const [name, sql] of Object.entries(files)) await writeFile(path.join(dir, name), sql)
  return dir
}

beforeAll(async () => {
  database = await createTestDatabase(inject("pgServerUrl"), "trace_test")
  client = new pg.Client({ connectionString: database.url })
  await client.connect()
})

afterAll(async () => {
  await client?.end()
  await database?.drop()
})

describe("migrate", () => {
  it("applies the service's migrations, then re-running is a no-op", async () => {
    const names = (await readMigrations()).map((m) => m.name)
    expect(names[0]).toBe("001_batch_and_stamp")

    expect(await migrate(database.url)).toEqual(names)
    // Each migration adds its own tables; these are the ones every later migration builds on.
    expect(await tables()).toEqual(
      expect.arrayContaining(["batch", "schema_migrations", "stamp", "stamp_job"]),
    )
    const { rows: indexes } = await client.query<{ indexname: string }>(
      "SELECT indexname FROM pg_indexes WHERE tablename = 'stamp' ORDER BY 1",
    )
    // 003 replaced the batch_id index with the unique (batch_id, seq) one.
    expect(indexes.map((i) => i.indexname)).toEqual(
      expect.arrayContaining(["stamp_batch_seq_key", "stamp_pkey"]),
    )
    expect(indexes.map((i) => i.indexname)).not.toContain("stamp_batch_idx")

    const before = await client.query("SELECT name, applied_at FROM schema_migrations ORDER BY 1")
    expect(await migrate(database.url)).toEqual([])
    const after = await client.query("SELECT name, applied_at FROM schema_migrations ORDER BY 1")
    expect(after.rows).toEqual(before.rows)
  })

  it("lets concurrent runs apply each migration once", async () => {
    const scratch = await createTestDatabase(inject("pgServerUrl"), "trace_test")
    const dir = await tempMigrations({
      "001_counter.sql": "CREATE TABLE counter (n int); SELECT pg_sleep(0.2);",
      "002_row.sql": "INSERT INTO counter VALUES (1);",
    })
    try {
      const runs = await Promise.all([migrate(scratch.url, { dir }), migrate(scratch.url, { dir })])
      expect(runs.flat().sort()).toEqual(["001_counter", "002_row"])
      const other = new pg.Client({ connectionString: scratch.url })
      await other.connect()
      const { rows } = await other.query("SELECT count(*)::int AS n FROM counter")
      await other.end()
      expect(rows[0].n).toBe(1)
    } finally {
      await rm(dir, { recursive: true })
      await scratch.drop()
    }
  })

  it("rolls a failing migration back whole and records nothing for it", async () => {
    const scratch = await createTestDatabase(inject("pgServerUrl"), "trace_test")
    const dir = await tempMigrations({
      "001_ok.sql": "CREATE TABLE ok (n int);",
      "002_broken.sql": "CREATE TABLE half (n int); SELECT * FROM missing_table;",
    })
    const other = new pg.Client({ connectionString: scratch.url })
    try {
      await expect(migrate(scratch.url, { dir })).rejects.toThrow(/002_broken failed/)
      await other.connect()
      const { rows } = await other.query(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1",
      )
      expect(rows.map((r) => r.table_name)).toEqual(["ok", "schema_migrations"])
      const applied = await other.query("SELECT name FROM schema_migrations")
      expect(applied.rows).toEqual([{ name: "001_ok" }])
    } finally {
      await other.end()
      await rm(dir, { recursive: true })
      await scratch.drop()
    }
  })

  it("refuses an applied migration whose file changed", async () => {
    const scratch = await createTestDatabase(inject("pgServerUrl"), "trace_test")
    const dir = await tempMigrations({ "001_t.sql": "CREATE TABLE t (n int);" })
    try {
      await migrate(scratch.url, { dir })
      await writeFile(path.join(dir, "001_t.sql"), "CREATE TABLE t (n bigint);")
      await expect(migrate(scratch.url, { dir })).rejects.toThrow(/001_t was changed/)
    } finally {
      await rm(dir, { recursive: true })
      await scratch.drop()
    }
  })

  it("rejects badly named migration files", async () => {
    const dir = await tempMigrations({ "1_bad.sql": "SELECT 1;" })
    try {
      await expect(readMigrations(dir)).rejects.toThrow(/NNN_lower_snake_case/)
    } finally {
      await rm(dir, { recursive: true })
    }
  })
})

describe("migration 009", () => {
  it("moves each stamp's networks into its scan summary, the newest 64", async () => {
    const other = await createTestDatabase(inject("pgServerUrl"), "trace_test")
    const db = new pg.Client({ connectionString: other.url })
    const upTo008 = await mkdtemp(path.join(tmpdir(), "trace-migrations-"))
    try {
      for (const file of await readdir(MIGRATIONS_DIR)) {
        if (file.endsWith(".sql") && file < "009") {
          await copyFile(path.join(MIGRATIONS_DIR, file), path.join(upTo008, file))
        }
      }
      await migrate(other.url, { dir: upTo008 })
      await db.connect()
      // Rows as 008 kept them; the stamps themselves do not matter here (no triggers).
      await db.query("SET session_replication_role = replica")
      await db.query(
        "INSERT INTO stamp_scan_summary (serial, scan_count) VALUES ('A', 2), ('B', 66), ('C', 1)",
      )
      await db.query(
        `INSERT INTO stamp_network (serial, ip_prefix, last_scanned_at)
         SELECT 'A', '10.0.' || i || '.0/24', timestamptz '2026-10-01 08:00+07' + i * interval '1 minute'
         FROM generate_series(1, 2) i
         UNION ALL
         SELECT 'B', '10.1.' || i || '.0/24', timestamptz '2026-10-01 08:00+07' + i * interval '1 minute'
         FROM generate_series(1, 66) i`,
      )
      await db.query("SET session_replication_role = origin")

      expect(await migrate(other.url)).toContain("009_scan_networks_in_summary")
      const { rows } = await db.query(
        "SELECT serial, networks FROM stamp_scan_summary ORDER BY serial",
      )
      const at = (minute: number) => Date.parse("2026-10-01T08:00:00+07:00") + minute * 60_000
      expect(rows[0]).toEqual({
        serial: "A",
        networks: { "10.0.1.0/24": at(1), "10.0.2.0/24": at(2) },
      })
      expect(Object.keys(rows[1].networks)).toHaveLength(64)
      expect(rows[1].networks["10.1.2.0/24"]).toBeUndefined()
      expect(rows[1].networks["10.1.66.0/24"]).toBe(at(66))
      expect(rows[2]).toEqual({ serial: "C", networks: {} })
      const { rows: left } = await db.query("SELECT to_regclass('stamp_network') AS t")
      expect(left[0].t).toBeNull()
    } finally {
      await db.end().catch(() => {})
      await rm(upTo008, { recursive: true, force: true })
      await other.drop()
    }
  })
})
