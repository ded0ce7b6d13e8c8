// The test runs' own statements on the PostgreSQL server (CREATE DATABASE … TEMPLATE, database
// settings), shared by migrate-template.mjs (plain node) and setup.mts (every test process).
// They connect to the server's maintenance database as the DB_* variables global-setup.mts sets.
import { createRequire } from "node:module"

const require = createRequire(import.meta.url)

/** A PostgreSQL identifier, double-quoted (test database names hold dashes). */
export const quoteIdentifier = (name) => `"${name.replaceAll('"', '""')}"`

/**
 * Commits in this database stop waiting for their WAL flush: throwaway test databases lose nothing
 * by it, and the many small transactions of Medusa's workflows stop waiting on the disk.
 * CREATE DATABASE does not copy database settings, so every copy needs it again.
 */
export const asynchronousCommit = (name) =>
  `ALTER DATABASE ${quoteIdentifier(name)} SET synchronous_commit = off`

/** Runs the statements in order on one connection to the server's `postgres` database. */
export async function adminQuery(statements) {
  const { Client } = require("@medusajs/framework/pg")
  const client = new Client({
    host: process.env.DB_HOST,
    port: Number(process.env.DB_PORT || 5432),
    user: process.env.DB_USERNAME || "postgres",
    password: process.env.DB_PASSWORD || undefined,
    database: "postgres",
  })
  await client.connect()
  try {
    for (const statement of statements) await client.query(statement)
  } finally {
    await client.end()
  }
}
