#!/usr/bin/env node
// Checkout benchmark (not a test): how long Medusa's cart completion takes for a cart of 3 sellers
// against a cart of 1 seller, now that every completed cart is split into one part per seller
// inside the completion (backend/src/workflows/hooks/complete-cart.ts). p50 and p95 of
// --checkouts completions of each kind, interleaved (A B A B …) after 10 warm-ups of each, one at
// a time; once without Redis and once with Redis, each on a fresh database. Prints a Markdown
// section for docs/benchmarks.md.
//
//   node scripts/bench/checkout.mjs [--checkouts 200] [--warmup 10] [--redis URL]
//                                   [--no-redis-run] [--keep]
//
// PostgreSQL: DATABASE_URL's server when set, else the embedded one. Each run: a fresh database,
// `medusa db:migrate`, the demo seed, stock raised so no checkout runs out, `medusa start`
// (NODE_ENV=production), carts prepared through the store API (not timed), then only
// `POST /store/carts/{id}/complete` is timed. Redis: --redis URL, else a Redis answering on
// 127.0.0.1:6379, in a logical database of its own (the highest empty one, flushed afterwards),
// so another backend using the same Redis cannot take this one's event or workflow jobs.
// SQL statements per completion are counted in the backend process: a preloaded module counts
// the calls to pg's Client#query (BEGIN and COMMIT included) and serves the count on a port.
import { randomBytes } from "node:crypto"
import { mkdtempSync, rmSync, writeFileSync } from "node:fs"
import net from "node:net"
import os from "node:os"
import path from "node:path"
import { parseArgs } from "node:util"
import pg from "pg"
import { mapLimit, prepareCart, storeApi } from "../lib/checkout-steps.mjs"
import { createTestDatabase, ROOT, resolvePostgres } from "../lib/pg.mjs"
import { freePort, run, startService, stopService, waitForHttp } from "../lib/proc.mjs"

const { values: args } = parseArgs({
  options: {
    checkouts: { type: "string", default: "200" },
    warmup: { type: "string", default: "10" },
    redis: { type: "string" },
    "redis-run": { type: "boolean", default: true },
    keep: { type: "boolean", default: false },
  },
  allowNegative: true,
})
const CHECKOUTS = Number(args.checkouts)
const WARMUP = Number(args.warmup)
if (!(CHECKOUTS > 0) || !(WARMUP >= 0)) throw new Error("--checkouts must be > 0, --warmup ≥ 0")
const STOCK = 1_000_000
/** The demo seller whose 1-seller carts are measured (one of its products is in the 3-seller cart). */
const ONE_SELLER = "hkd-lo-van-sinh"
const PREPARE_CONCURRENCY = 4
const BACKEND = path.join(ROOT, "backend")
const MEDUSA = path.join(ROOT, "node_modules", ".bin", "medusa")
const DEFAULT_REDIS = "redis://127.0.0.1:6379"
const log = (line) => console.error(`[bench] ${line}`)

// Counts pg statements in the backend process and answers the count on BENCH_SQL_COUNTER_PORT.
const COUNTER_SOURCE = `
const Module = require("node:module")
const http = require("node:http")
let statements = 0
const patched = new WeakSet()
const load = Module._load
Module._load = function (request, ...rest) {
  const loaded = load.call(this, request, ...rest)
  if (request === "pg" && loaded && typeof loaded.Client === "function" && !patched.has(loaded.Client)) {
    patched.add(loaded.Client)
    const query = loaded.Client.prototype.query
    loaded.Client.prototype.query = function (...args) {
      statements++
      return query.apply(this, args)
    }
  }
  return loaded
}
const port = Number(process.env.BENCH_SQL_COUNTER_PORT)
if (port) {
  const server = http.createServer((req, res) => res.end(String(statements)))
  server.on("error", () => {})
  server.listen(port, "127.0.0.1")
  server.unref()
}
`
const tmp = mkdtempSync(path.join(os.tmpdir(), "bench-checkout-"))
const counterModule = path.join(tmp, "count-sql.cjs")
writeFileSync(counterModule, COUNTER_SOURCE)

const cleanups = []
let cleaning
async function cleanup() {
  cleaning ??= (async () => {
    for (let undo = cleanups.pop(); undo; undo = cleanups.pop()) {
      await undo().catch((error) => log(`cleanup: ${error.message}`))
    }
    rmSync(tmp, { recursive: true, force: true })
  })()
  return cleaning
}
/** Registers an undo for the end (or a signal); returns it, to run it earlier, once. */
function defer(fn) {
  let done
  const undo = () => {
    const i = cleanups.indexOf(undo)
    if (i >= 0) cleanups.splice(i, 1)
    done ??= (async () => fn())()
    return done
  }
  cleanups.push(undo)
  return undo
}
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.once(signal, async () => {
    log(`${signal}: stopping the backend and dropping the databases`)
    await cleanup()
    process.exit(130)
  })
}

const started = performance.now()
const postgres = await resolvePostgres({ log })
defer(() => postgres.stop())
const runs = []
let redisNote = null
try {
  runs.push(await benchRun({ name: "no Redis", redisUrl: null }))
  if (args["redis-run"]) {
    const redis = await chooseRedis()
    if (redis.url) {
      if (redis.flush) defer(() => redisCall(redis.url, ["FLUSHDB"]))
      runs.push(await benchRun({ name: "Redis", redisUrl: redis.url }))
    } else {
      redisNote = redis.note
      log(redis.note)
    }
  } else {
    redisNote = "Redis run skipped (--no-redis-run)."
  }
  console.log(report(runs, redisNote, (performance.now() - started) / 1000))
} finally {
  await cleanup()
}

/** One backend on a fresh database: seed, prepare carts, time the completions. */
async function benchRun({ name, redisUrl }) {
  log(`=== run: ${name}${redisUrl ? ` (${redisUrl})` : ""}`)
  const runStarted = performance.now()
  const database = await createTestDatabase(postgres.serverUrl, "bench_checkout")
  const dropDatabase = defer(() =>
    args.keep ? log(`kept database ${database.name}`) : database.drop(),
  )
  const [port, counterPort] = [await freePort(), await freePort()]
  const url = `http://127.0.0.1:${port}`
  const env = {
    ...process.env,
    NODE_ENV: "production",
    DATABASE_URL: database.url,
    JWT_SECRET: randomBytes(16).toString("hex"),
    COOKIE_SECRET: randomBytes(16).toString("hex"),
    ADMIN_DISABLED: "true",
    SEED_STOREFRONT_ENV_FILE: "off",
    MEDUSA_BACKEND_URL: url,
    PORT: String(port),
  }
  delete env.REDIS_URL
  log(`migrating ${database.name}`)
  await run(MEDUSA, ["db:migrate"], { cwd: BACKEND, env, quiet: true, label: "medusa db:migrate" })
  log("seeding the demo commune")
  await run(MEDUSA, ["exec", "./src/scripts/seed.ts"], {
    cwd: BACKEND,
    env,
    quiet: true,
    label: "seed",
  })
  const db = new pg.Client({ connectionString: database.url })
  await db.connect()
  let keys
  try {
    const levels = await raiseStock(db)
    log(`stock raised to ${STOCK} on ${levels} inventory levels`)
    ;({ rows: keys } = await db.query(
      "SELECT token FROM api_key WHERE type = 'publishable' AND revoked_at IS NULL AND deleted_at IS NULL",
    ))
  } finally {
    await db.end()
  }
  if (!keys.length) throw new Error("the seed created no publishable key")
  const setupSeconds = (performance.now() - runStarted) / 1000

  // The backend; its last lines are kept for the report of a failure, errors are shown live.
  const tail = []
  const server = startService("backend", MEDUSA, ["start", "--port", String(port)], {
    cwd: BACKEND,
    env: {
      ...env,
      ...(redisUrl ? { REDIS_URL: redisUrl } : {}),
      BENCH_SQL_COUNTER_PORT: String(counterPort),
      NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ""} --require ${counterModule}`.trim(),
    },
    onLine: (line) => {
      tail.push(line)
      if (tail.length > 200) tail.shift()
      if (/\berror\b/i.test(line)) log(`[backend] ${line}`)
    },
  })
  const stopServer = defer(() => stopService(server))
  try {
    await waitForHttp(`${url}/health`, { child: server })
    const api = storeApi(url, keys[0].token)
    const { regions } = await api("GET", "/store/regions")
    const region = regions.find((r) => r.currency_code === "vnd") ?? regions[0]
    if (!region) throw new Error("no region")

    // No demo seller has three products; one lists two more through the seller portal's API, so
    // the 1-seller cart has three line items like the 3-seller one.
    await listExtraProducts(url, ONE_SELLER, 2)

    // The carts: one product of each of 3 sellers, against 3 items of one seller.
    const { products } = await api("GET", "/store/products?fields=id,variants.id,*seller&limit=100")
    const bySeller = new Map()
    for (const product of products) {
      const handle = product.seller?.handle
      const variant = product.variants?.[0]?.id
      if (!handle || !variant) continue
      bySeller.set(handle, [...(bySeller.get(handle) ?? []), variant])
    }
    const sellers = [...bySeller.keys()].sort()
    if (sellers.length < 3) throw new Error(`only ${sellers.length} sellers have products`)
    const three = sellers.slice(0, 3)
    const multi = bySeller.get(ONE_SELLER)?.length >= 3 ? ONE_SELLER : undefined
    const one = multi ?? three[0]
    const kinds = {
      three: {
        label: "3 sellers",
        sellers: 3,
        items: three.map((s) => ({ variant_id: bySeller.get(s)[0], quantity: 1 })),
        description: `3 line items, one product (quantity 1) of each of ${three.join(", ")}`,
      },
      one: {
        label: "1 seller",
        sellers: 1,
        items: multi
          ? bySeller
              .get(one)
              .slice(0, 3)
              .map((variant_id) => ({ variant_id, quantity: 1 }))
          : [{ variant_id: bySeller.get(one)[0], quantity: 3 }],
        description: multi
          ? `3 line items, three products (quantity 1) of ${one}`
          : `1 line item, one product of ${one} with quantity 3 (no seller has 3 products: at most ${Math.max(...[...bySeller.values()].map((v) => v.length))})`,
      },
    }
    log(`3-seller cart: ${kinds.three.description}`)
    log(`1-seller cart: ${kinds.one.description}`)

    const total = WARMUP + CHECKOUTS
    log(`preparing ${2 * total} carts (${PREPARE_CONCURRENCY} at a time, not timed)`)
    const prepareStarted = performance.now()
    const jobs = []
    for (let i = 0; i < total; i++) jobs.push(kinds.three, kinds.one)
    const carts = await mapLimit(jobs, PREPARE_CONCURRENCY, (kind, n) =>
      prepareCart(api, {
        regionId: region.id,
        // A buyer each: carts created at the same time with one email race to create its guest
        // customer.
        email: `nguoi.mua.${n}@example.test`,
        items: kind.items,
        sellers: kind.sellers,
      }),
    )
    log(`prepared in ${((performance.now() - prepareStarted) / 1000).toFixed(1)} s`)

    // Only the completion is timed, one at a time, the kinds alternating.
    const counter = async () =>
      Number(await (await fetch(`http://127.0.0.1:${counterPort}`)).text())
    const counted = Number.isFinite(await counter().catch(() => Number.NaN))
    if (!counted) log("the SQL statement counter does not answer: statements not counted")
    const samples = { three: [], one: [] }
    const statements = { three: [], one: [] }
    const orders = { three: null, one: null }
    const loadBefore = os.loadavg()
    const measureStarted = performance.now()
    for (let i = 0; i < jobs.length; i++) {
      const kind = jobs[i] === kinds.three ? "three" : "one"
      const before = counted ? await counter() : 0
      const t0 = performance.now()
      const response = await fetch(`${url}/store/carts/${carts[i]}/complete`, {
        method: "POST",
        headers: api.headers,
      })
      const text = await response.text()
      const ms = performance.now() - t0
      const after = counted ? await counter() : 0
      let body
      try {
        body = JSON.parse(text)
      } catch {
        body = null
      }
      if (response.status !== 200 || body?.type !== "order") {
        throw new Error(
          `completion ${i} (${kinds[kind].label}, cart ${carts[i]}) answered ${response.status}: ${text}`,
        )
      }
      if (i < 2 * WARMUP) continue
      orders[kind] ??= body.order.id
      samples[kind].push(ms)
      if (counted) statements[kind].push(after - before)
      if ((i - 2 * WARMUP + 2) % 100 === 0) {
        log(`${(i - 2 * WARMUP + 2) / 2}/${CHECKOUTS} of each completed`)
      }
    }
    const measureSeconds = (performance.now() - measureStarted) / 1000
    const loadAfter = os.loadavg()

    // Sanity, not timed: the orders were split into as many parts as sellers.
    const parts = {}
    for (const kind of ["three", "one"]) {
      const answer = await api("GET", `/store/orders/${orders[kind]}/parts`).catch((e) => e)
      parts[kind] = answer instanceof Error ? `n/a (${answer.message})` : answer.parts?.length
    }
    if (parts.three !== 3 || parts.one !== 1) {
      log(`unexpected parts: 3-seller order ${parts.three}, 1-seller order ${parts.one}`)
    }
    const errorLines = tail.filter((line) => /\berror\b/i.test(line))
    for (const kind of ["one", "three"]) {
      const s = stats(samples[kind])
      log(
        `${name}, ${kinds[kind].label}: p50 ${s.p50.toFixed(1)} ms, p95 ${s.p95.toFixed(1)} ms, mean ${s.mean.toFixed(1)} ms`,
      )
    }
    return {
      name,
      redisUrl,
      kinds,
      samples,
      statements: counted ? statements : null,
      parts,
      loadBefore,
      loadAfter,
      setupSeconds,
      measureSeconds,
      errorLines,
    }
  } catch (error) {
    log(`last backend lines:\n${tail.slice(-60).join("\n")}`)
    throw error
  } finally {
    await stopServer()
    await dropDatabase()
  }
}

/** Every inventory level gets STOCK units (and its raw BigNumber column, when there is one). */
async function raiseStock(db) {
  const { rows } = await db.query(
    "SELECT column_name FROM information_schema.columns WHERE table_name = 'inventory_level'",
  )
  const columns = new Set(rows.map((r) => r.column_name))
  const raw = columns.has("raw_stocked_quantity")
    ? `, raw_stocked_quantity = jsonb_build_object('value', '${STOCK}', 'precision', 20)`
    : ""
  const { rowCount } = await db.query(
    `UPDATE inventory_level SET stocked_quantity = ${STOCK}${raw} WHERE deleted_at IS NULL`,
  )
  if (!rowCount) throw new Error("no inventory levels to raise")
  return rowCount
}

/** Lists and publishes `count` products as the seller's owner, with plenty of stock. */
async function listExtraProducts(base, handle, count) {
  const call = async (method, pathname, body, headers = {}) => {
    const response = await fetch(`${base}${pathname}`, {
      method,
      headers: { "content-type": "application/json", ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    const text = await response.text()
    if (!response.ok) throw new Error(`${method} ${pathname} answered ${response.status}: ${text}`)
    return JSON.parse(text)
  }
  const { token } = await call("POST", "/auth/seller_member/emailpass", {
    email: `${handle}@giaphu.example`,
    password: process.env.DEMO_PASSWORD ?? "giaphu-demo",
  })
  const auth = { authorization: `Bearer ${token}` }
  for (let i = 1; i <= count; i++) {
    const { product } = await call(
      "POST",
      "/seller/products",
      { title: `Sản phẩm đo ${i}`, variants: [{ title: "1 kg", price: 50000, stock: STOCK }] },
      auth,
    )
    await call("POST", `/seller/products/${product.id}/publish`, {}, auth)
  }
}

/** --redis as given; else a Redis on 127.0.0.1:6379, in its highest empty logical database. */
async function chooseRedis() {
  if (args.redis) {
    const answer = await redisCall(args.redis, ["PING"]).catch((e) => e)
    if (answer !== "PONG") {
      return {
        note: `Redis run skipped: ${args.redis} does not answer PING (${answer?.message ?? answer}).`,
      }
    }
    return { url: args.redis, flush: false }
  }
  const answer = await redisCall(DEFAULT_REDIS, ["PING"]).catch((e) => e)
  if (answer !== "PONG") {
    return {
      note: `Redis run skipped: no Redis answers on ${DEFAULT_REDIS} (${answer?.message ?? answer}); pass --redis URL.`,
    }
  }
  const keyspace = await redisCall(DEFAULT_REDIS, ["INFO", "keyspace"])
  const used = new Set([...keyspace.matchAll(/^db(\d+):keys=/gm)].map((m) => Number(m[1])))
  const config = await redisCall(DEFAULT_REDIS, ["CONFIG", "GET", "databases"]).catch(() => null)
  const count = Number(Array.isArray(config) ? config[1] : 16) || 16
  for (let db = count - 1; db > 0; db--) {
    if (!used.has(db)) return { url: `${DEFAULT_REDIS}/${db}`, flush: true }
  }
  return { url: DEFAULT_REDIS, flush: false }
}

/** One Redis command on a connection of its own (RESP over TCP; enough for PING, INFO, FLUSHDB). */
function redisCall(url, command) {
  const u = new URL(url)
  const db = Number(u.pathname.slice(1) || 0)
  const commands = [
    ...(u.password
      ? [
          [
            "AUTH",
            ...(u.username ? [decodeURIComponent(u.username)] : []),
            decodeURIComponent(u.password),
          ],
        ]
      : []),
    ...(db ? [["SELECT", String(db)]] : []),
    command,
  ]
  const encode = (parts) =>
    `*${parts.length}\r\n${parts.map((p) => `$${Buffer.byteLength(p)}\r\n${p}\r\n`).join("")}`
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host: u.hostname, port: Number(u.port || 6379) })
    socket.setTimeout(2000, () => {
      socket.destroy()
      reject(new Error("timeout"))
    })
    let buffer = ""
    const replies = []
    socket.on("connect", () => socket.write(commands.map(encode).join("")))
    socket.on("error", reject)
    socket.on("data", (chunk) => {
      buffer += chunk.toString("latin1")
      for (let parsed = parseReply(buffer, 0); parsed; parsed = parseReply(buffer, 0)) {
        replies.push(parsed.value)
        buffer = buffer.slice(parsed.next)
      }
      if (replies.length < commands.length) return
      socket.end()
      const failed = replies.find((r) => r instanceof Error)
      if (failed) reject(failed)
      else resolve(replies.at(-1))
    })
  })
}

function parseReply(buffer, at) {
  const end = buffer.indexOf("\r\n", at)
  if (end < 0) return null
  const type = buffer[at]
  const line = buffer.slice(at + 1, end)
  if (type === "+") return { value: line, next: end + 2 }
  if (type === "-") return { value: new Error(line), next: end + 2 }
  if (type === ":") return { value: Number(line), next: end + 2 }
  if (type === "$") {
    const length = Number(line)
    if (length < 0) return { value: null, next: end + 2 }
    if (buffer.length < end + 2 + length + 2) return null
    return { value: buffer.slice(end + 2, end + 2 + length), next: end + 2 + length + 2 }
  }
  if (type === "*") {
    const values = []
    let next = end + 2
    for (let i = 0; i < Number(line); i++) {
      const item = parseReply(buffer, next)
      if (!item) return null
      values.push(item.value)
      next = item.next
    }
    return { value: values, next }
  }
  throw new Error(`unexpected Redis reply: ${buffer.slice(at, at + 40)}`)
}

/** Nearest-rank percentile of ascending values. */
function percentile(sorted, p) {
  return sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)]
}

function stats(values) {
  const sorted = [...values].sort((a, b) => a - b)
  return {
    n: sorted.length,
    p50: percentile(sorted, 0.5),
    p95: percentile(sorted, 0.95),
    mean: sorted.reduce((s, v) => s + v, 0) / sorted.length,
    min: sorted[0],
    max: sorted.at(-1),
  }
}

function report(runs, redisNote, seconds) {
  const command = [
    process.env.DATABASE_URL ? `DATABASE_URL=${process.env.DATABASE_URL}` : null,
    "node scripts/bench/checkout.mjs",
    ...process.argv.slice(2),
  ]
    .filter(Boolean)
    .join(" ")
  const ms = (v) => v.toFixed(0)
  const load = (l) => l.map((v) => v.toFixed(2)).join(", ")
  const lines = [
    "```sh",
    command,
    "```",
    "",
    `${new Date().toISOString()}, node ${process.version}, ${os.cpus().length} CPUs; ${CHECKOUTS} measured completions of each cart after ${WARMUP} warm-ups of each, interleaved, one at a time; whole run ${(seconds / 60).toFixed(1)} min.`,
    "",
    `- 3-seller cart: ${runs[0].kinds.three.description}, pickup at each seller, cash on delivery.`,
    `- 1-seller cart: ${runs[0].kinds.one.description}, pickup at the seller, cash on delivery.`,
    "",
    "| run | cart | n | p50 ms | p95 ms | mean ms | min–max ms | p50 ratio vs 1 seller | p95 ratio vs 1 seller | SQL statements/completion: median (min–max) |",
    "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
  ]
  const summary = []
  for (const r of runs) {
    const three = stats(r.samples.three)
    const one = stats(r.samples.one)
    const sql = (kind) => {
      if (!r.statements) return "n/a"
      const s = stats(r.statements[kind])
      return s.min === s.max ? `${s.p50}` : `${s.p50} (${s.min}–${s.max})`
    }
    const row = (label, s, kind, ratios) =>
      `| ${r.name} | ${label} | ${s.n} | ${ms(s.p50)} | ${ms(s.p95)} | ${ms(s.mean)} | ${ms(s.min)}–${ms(s.max)} | ${ratios[0]} | ${ratios[1]} | ${sql(kind)} |`
    const p50Ratio = three.p50 / one.p50
    const p95Ratio = three.p95 / one.p95
    lines.push(
      row("1 seller", one, "one", ["1.00", "1.00"]),
      row("3 sellers", three, "three", [`**${p50Ratio.toFixed(2)}**`, p95Ratio.toFixed(2)]),
    )
    summary.push(
      `- ${r.name}${r.redisUrl ? ` (${r.redisUrl})` : ""}: 3-seller p50 / 1-seller p50 = ${p50Ratio.toFixed(2)}, p95 ratio ${p95Ratio.toFixed(2)} — aim ≤ 1.5 ${p50Ratio <= 1.5 ? "met" : "missed"}. Load average ${load(r.loadBefore)} before the timed completions, ${load(r.loadAfter)} after; setup (database, migrations, seed) ${r.setupSeconds.toFixed(0)} s, timed phase ${r.measureSeconds.toFixed(0)} s. Parts of a sampled order: 3-seller ${r.parts.three}, 1-seller ${r.parts.one}.${r.errorLines.length ? ` Backend log lines with "error": ${r.errorLines.length}.` : ""}`,
    )
  }
  lines.push("", ...summary)
  if (redisNote) lines.push(`- ${redisNote}`)
  lines.push(
    "",
    "Percentiles are nearest-rank. SQL statements are calls of pg's `Client#query` in the backend process (BEGIN/COMMIT included) between the start and the end of one completion; anything the backend runs meanwhile (subscribers of the previous order, jobs) counts too.",
  )
  return lines.join("\n")
}
