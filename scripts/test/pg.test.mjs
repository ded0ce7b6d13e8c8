import pg from "pg"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import {
  createTestDatabase,
  databaseName,
  ensureDatabase,
  resolvePostgres,
  withDatabase,
} from "../lib/pg.mjs"

describe("database URLs", () => {
  it("swaps the database name and keeps credentials, host and options", () => {
    const url = withDatabase("postgres://u:p%40ss@db.example:6543/one?sslmode=disable", "two")
    expect(url).toBe("postgres://u:p%40ss@db.example:6543/two?sslmode=disable")
    expect(databaseName(url)).toBe("two")
  })
})

describe("the test PostgreSQL server", () => {
  let server
  beforeAll(async () => {
    server = await resolvePostgres()
  })
  afterAll(async () => {
    await server?.stop()
  })

  it("creates a database once and reports that it already exists afterwards", async () => {
    const scratch = await createTestDatabase(server.serverUrl, "coop_scripts_test")
    const name = `${scratch.name}_ensure`
    try {
      expect(await ensureDatabase(server.serverUrl, name)).toBe(true)
      expect(await ensureDatabase(server.serverUrl, name)).toBe(false)
      const client = new pg.Client({ connectionString: withDatabase(server.serverUrl, name) })
      await client.connect()
      const { rows } = await client.query("SELECT current_database() AS db")
      await client.end()
      expect(rows[0].db).toBe(name)
    } finally {
      const { dropDatabase } = await import("../lib/pg.mjs")
      await dropDatabase(server.serverUrl, name)
      await scratch.drop()
    }
  })
})
