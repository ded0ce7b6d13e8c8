#!/usr/bin/env node
// Indicators benchmark (not a test): the officers' and the public's indicator reads at national
// scale, and the cost of the full reconciliation. Prints a Markdown section for docs/benchmarks.md.
//
//   node scripts/bench/indicators.mjs [--small] [--communes 3321] [--sellers 10000]
//        [--products 20000] [--ocop 5000] [--orders 1000000] [--scans 10000000]
//        [--requests 300] [--warmup 30] [--reconcile-timeout 20] [--no-reconcile] [--keep]
//
// --small is 1% of each figure (at least 2 communes per province); an explicit option wins.
// PostgreSQL: DATABASE_URL's server when set, else the embedded one. One fresh database:
// `medusa db:migrate`, the demo seed (its officers, sellers and registry), then the national data
// written with SQL (scripts/bench/indicators-data.mjs: communes, sellers, ocop_entry rows,
// order_part rows, and the indicator facts the backend would derive from them; listings are facts
// only, there are no Medusa products behind them), the counts rebuilt from the facts and VACUUM
// ANALYZE. Then `medusa start` (NODE_ENV=production) and, one request at a time, interleaved:
// the commune officer's GET /commune/indicators (Gia Phú), the province officer's (the province
// roll-up) and the public GET /store/communes/02923/indicators; the read's SQL alone and its
// EXPLAIN ANALYZE. Last, with the backend stopped, `medusa exec ./src/scripts/reconcile-indicators.ts`
// (what `npm run indicators:reconcile` runs), timed, with its pg statements and memory traced by a
// preloaded module, and stopped after --reconcile-timeout minutes.
import { constants as bufferConstants } from "node:buffer"
import { randomBytes } from "node:crypto"
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs"
import os from "node:os"
import path from "node:path"
import { parseArgs } from "node:util"
import pg from "pg"
import { createTestDatabase, ROOT, resolvePostgres } from "../lib/pg.mjs"
import { freePort, run, startService, stopService, waitForHttp } from "../lib/proc.mjs"
import { generate, NATIONAL } from "./indicators-data.mjs"

const { values: args } = parseArgs({
  options: {
    small: { type: "boolean", default: false },
    communes: { type: "string" },
    sellers: { type: "string" },
    products: { type: "string" },
    ocop: { type: "string" },
    orders: { type: "string" },
    scans: { type: "string" },
    requests: { type: "string", default: "300" },
    warmup: { type: "string", default: "30" },
    "reconcile-timeout": { type: "string", default: "20" },
    reconcile: { type: "boolean", default: true },
    keep: { type: "boolean", default: false },
  },
  allowNegative: true,
})
const PROVINCES = 34
const scaled = (key) => {
  if (args[key] !== undefined) return Number(args[key])
  if (!args.small) return NATIONAL[key]
  return key === "communes"
    ? Math.max(2 * PROVINCES, Math.round(NATIONAL[key] / 100))
    : Math.round(NATIONAL[key] / 100)
}
const SIZE = Object.fromEntries(Object.keys(NATIONAL).map((key) => [key, scaled(key)]))
const REQUESTS = Number(args.requests)
const WARMUP = Number(args.warmup)
const RECONCILE_MINUTES = Number(args["reconcile-timeout"])
for (const [key, value] of Object.entries(SIZE)) {
  if (!Number.isInteger(value) || value < 0) throw new Error(`--${key} must be an integer ≥ 0`)
}
if (!(REQUESTS > 0) || !(WARMUP >= 0) || !(RECONCILE_MINUTES > 0)) {
  throw new Error("--requests and --reconcile-timeout must be > 0, --warmup ≥ 0")
}
const BACKEND = path.join(ROOT, "backend")
const MEDUSA = path.join(ROOT, "node_modules", ".bin", "medusa")
const PASSWORD = process.env.DEMO_PASSWORD ?? "giaphu-demo"
const COMMUNE = "02923"
const COMMUNE_OFFICER = "canbo@giaphu.example"
const PROVINCE_OFFICER = "canbo.tinh@laocai.example"
const QUARTERS = 8
const MAX_STRING_LENGTH = bufferConstants.MAX_STRING_LENGTH
const log = (line) => console.error(`[bench] ${line}`)
const load = () =>
  os
    .loadavg()
    .map((v) => v.toFixed(2))
    .join(", ")

// The read of IndicatorsModuleService#readCounts, as knex sends it (its `?` become $n).
const READ_SQL = `SELECT code, dimension, commune_code, province_code, period,
              numerator::float8 AS numerator, denominator::float8 AS denominator
       FROM indicator_count
       WHERE deleted_at IS NULL AND period = ANY($1)
         AND ($2::text[] IS NULL OR commune_code = ANY($3))
         AND ($4::text[] IS NULL OR province_code = ANY($5))`

// The reconciliation's statements, by what they read or write.
const KINDS = [
  ["transaction", /^(BEGIN|COMMIT|ROLLBACK|SAVEPOINT|RELEASE)/i],
  ["lock", /pg_advisory/i],
  ["close facts gone from the sources", /^UPDATE indicator_fact/i],
  ["write facts (one jsonb statement)", /jsonb_to_recordset/i],
  ["delete counts", /^DELETE FROM indicator_count/i],
  ["rebuild counts", /^INSERT INTO indicator_count/i],
  ["order parts (pages of 5,000)", /"order_part"/i],
  ["registry", /"ocop_entry"/i],
  ["stamped products", /indicator_fact/i],
  ["sellers", /"seller"|seller_/i],
  ["products and listings", /"product|product_|price|inventory|sales_channel|stock_location/i],
]
const kindOf = (sql) => KINDS.find(([, re]) => re.test(sql))?.[0] ?? "other"

// Preloaded into the reconciliation: every pg statement (start, duration, head, rows, size of its
// string parameters) and the process's memory every 2 s, one JSON line each, in a file per process.
const TRACER_SOURCE = `
const Module = require("node:module")
const fs = require("node:fs")
const path = require("node:path")
const v8 = require("node:v8")
const fd = fs.openSync(path.join(process.env.BENCH_TRACE_DIR, "trace-" + process.pid + ".jsonl"), "a")
const write = (o) => { try { fs.writeSync(fd, JSON.stringify(o) + "\\n") } catch {} }
write({ start: Date.now(), argv: process.argv.slice(1, 4), heapLimit: v8.getHeapStatistics().heap_size_limit })
const beat = () => { const m = process.memoryUsage(); write({ hb: Date.now(), rss: m.rss, heap: m.heapUsed, ext: m.external }) }
setInterval(beat, 2000).unref()
process.on("exit", beat)
const patched = new WeakSet()
const load = Module._load
Module._load = function (request, ...rest) {
  const loaded = load.call(this, request, ...rest)
  if (request === "pg" && loaded && typeof loaded.Client === "function" && !patched.has(loaded.Client)) {
    patched.add(loaded.Client)
    const query = loaded.Client.prototype.query
    loaded.Client.prototype.query = function (config, values, callback) {
      const t0 = Date.now()
      const text = typeof config === "string" ? config : config && config.text
      const params = Array.isArray(values) ? values : config && config.values
      let chars = 0
      if (Array.isArray(params)) for (const p of params) if (typeof p === "string") chars += p.length
      const record = (error, result) => write({
        t: t0, ms: Date.now() - t0, sql: String(text == null ? "" : text).replace(/\\s+/g, " ").slice(0, 200),
        rows: result ? (result.rowCount == null ? (result.rows ? result.rows.length : null) : result.rowCount) : null,
        chars, error: error ? String(error.message).slice(0, 300) : undefined,
      })
      const wrap = (cb) => function (error, result) { record(error, result); return cb.apply(this, arguments) }
      if (typeof values === "function") return query.call(this, config, wrap(values))
      if (typeof callback === "function") return query.call(this, config, values, wrap(callback))
      const result = query.call(this, config, values, callback)
      if (result && typeof result.then === "function") result.then((r) => record(null, r), (e) => record(e))
      return result
    }
  }
  return loaded
}
`
const tmp = mkdtempSync(path.join(os.tmpdir(), "bench-indicators-"))
const tracerModule = path.join(tmp, "trace-pg.cjs")
writeFileSync(tracerModule, TRACER_SOURCE)

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
    log(`${signal}: stopping the backend and dropping the database`)
    await cleanup()
    process.exit(130)
  })
}

const started = performance.now()
const quarters = lastQuarters(new Date(), QUARTERS)
const current = quarters.at(-1).quarter
const result = { size: SIZE, quarters, current, loads: {} }
try {
  result.loads.start = load()
  const postgres = await resolvePostgres({ log })
  defer(() => postgres.stop())
  const database = await createTestDatabase(postgres.serverUrl, "bench_indicators")
  defer(() => (args.keep ? log(`kept database ${database.name}`) : database.drop()))
  result.database = { name: database.name, embedded: postgres.embedded }
  const port = await freePort()
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

  // --- 1. Database, migrations, the demo seed.
  let t0 = performance.now()
  log(`migrating ${database.name}`)
  await run(MEDUSA, ["db:migrate"], { cwd: BACKEND, env, quiet: true, label: "medusa db:migrate" })
  result.migrateSeconds = (performance.now() - t0) / 1000
  t0 = performance.now()
  log("seeding the demo commune")
  await run(MEDUSA, ["exec", "./src/scripts/seed.ts"], {
    cwd: BACKEND,
    env,
    quiet: true,
    label: "seed",
  })
  result.seedSeconds = (performance.now() - t0) / 1000

  // --- 2. The national data.
  const db = new pg.Client({ connectionString: database.url })
  await db.connect()
  defer(() => db.end())
  log(
    `generating: ${Object.entries(SIZE)
      .map(([k, v]) => `${k} ${v.toLocaleString("en-US")}`)
      .join(", ")}; quarters ${quarters[0].quarter}…${current} (load ${load()})`,
  )
  result.loads.generation = load()
  t0 = performance.now()
  result.steps = await generate(db, SIZE, quarters, log)
  result.generateSeconds = (performance.now() - t0) / 1000
  result.loads.afterGeneration = load()
  result.tables = await tableSizes(db)
  result.factsBefore = await factsByCode(db)
  result.giaPhu = await areaFigures(db, current)
  log(
    `generated in ${result.generateSeconds.toFixed(0)} s; database ${pretty(result.tables.database)}`,
  )
  const { rows: keys } = await db.query(
    "SELECT token FROM api_key WHERE type = 'publishable' AND revoked_at IS NULL AND deleted_at IS NULL",
  )
  if (!keys.length) throw new Error("the seed created no publishable key")

  // --- 3. The backend, the officers, the reads.
  const tail = []
  const server = startService("backend", MEDUSA, ["start", "--port", String(port)], {
    cwd: BACKEND,
    env,
    onLine: (line) => {
      tail.push(line)
      if (tail.length > 200) tail.shift()
      if (/\berror\b/i.test(line)) log(`[backend] ${line}`)
    },
  })
  const stopServer = defer(() => stopService(server))
  try {
    await waitForHttp(`${url}/health`, { child: server })
    const communeToken = await login(url, "commune_officer", COMMUNE_OFFICER)
    const provinceToken = await login(url, "province_officer", PROVINCE_OFFICER)
    const targets = [
      {
        key: "commune",
        label: `commune officer: \`GET /commune/indicators?quarter=${current}\` (Gia Phú, ${COMMUNE})`,
        path: `/commune/indicators?quarter=${current}`,
        headers: { authorization: `Bearer ${communeToken}` },
      },
      {
        key: "province",
        label: `province officer: \`GET /commune/indicators?quarter=${current}\` (province ${result.giaPhu.province} roll-up)`,
        path: `/commune/indicators?quarter=${current}`,
        headers: { authorization: `Bearer ${provinceToken}` },
      },
      {
        key: "public",
        label: `public: \`GET /store/communes/${COMMUNE}/indicators?quarter=${current}\``,
        path: `/store/communes/${COMMUNE}/indicators?quarter=${current}`,
        headers: { "x-publishable-api-key": keys[0].token },
      },
    ]
    log(`measuring ${REQUESTS} requests of each after ${WARMUP} warm-ups, interleaved`)
    result.loads.beforeReads = load()
    const nightly = crossesNightlyJob()
    const samples = Object.fromEntries(targets.map((t) => [t.key, []]))
    const answers = {}
    for (let i = 0; i < WARMUP + REQUESTS; i++) {
      for (const target of targets) {
        const t = performance.now()
        const response = await fetch(`${url}${target.path}`, { headers: target.headers })
        const text = await response.text()
        const ms = performance.now() - t
        if (response.status !== 200) {
          throw new Error(`${target.label} answered ${response.status}: ${text.slice(0, 500)}`)
        }
        if (i >= WARMUP) samples[target.key].push(ms)
        answers[target.key] = { text, bytes: Buffer.byteLength(text) }
      }
      if (i >= WARMUP && (i - WARMUP + 1) % 100 === 0) log(`${i - WARMUP + 1}/${REQUESTS}`)
    }
    result.loads.afterReads = load()
    result.reads = targets.map((t) => ({
      ...t,
      stats: stats(samples[t.key]),
      bytes: answers[t.key].bytes,
    }))
    result.nightly = nightly || crossesNightlyJob()
    result.checks = await checkAnswers(db, answers, current, result.giaPhu.province)
    for (const r of result.reads) {
      log(
        `${r.key}: p50 ${r.stats.p50.toFixed(1)} ms, p95 ${r.stats.p95.toFixed(1)} ms, mean ${r.stats.mean.toFixed(1)} ms`,
      )
    }
    result.backendErrors = tail.filter((line) => /\berror\b/i.test(line)).length
  } catch (error) {
    log(`last backend lines:\n${tail.slice(-60).join("\n")}`)
    throw error
  } finally {
    await stopServer()
  }

  // The read's SQL alone (backend stopped), and its plans.
  result.sql = await measureSql(db, current, result.giaPhu.province)

  // --- 4. The reconciliation.
  if (args.reconcile) {
    result.reconcile = await reconcile(env, db)
    result.factsAfter = await factsByCode(db)
  }
  result.seconds = (performance.now() - started) / 1000
  console.log(report(result))
} finally {
  await cleanup()
}

/** The `count` quarters up to the one of `now`, oldest first; the current one ends now. */
function lastQuarters(now, count) {
  const VIETNAM = 7 * 60 * 60 * 1000
  const local = new Date(now.getTime() + VIETNAM)
  let year = local.getUTCFullYear()
  let q = Math.floor(local.getUTCMonth() / 3) + 1
  const out = []
  for (let i = 0; i < count; i++) {
    const start = new Date(Date.UTC(year, (q - 1) * 3, 1) - VIETNAM)
    const end = new Date(Math.min(Date.UTC(year, q * 3, 1) - VIETNAM, now.getTime()))
    out.unshift({ quarter: `${year}-Q${q}`, start, end })
    if (--q === 0) {
      q = 4
      year--
    }
  }
  return out
}

/** The backend's nightly reconciliation job (src/jobs, 18:30 UTC) would run within the hour. */
function crossesNightlyJob() {
  const now = new Date()
  const job = new Date(now)
  job.setUTCHours(18, 30, 0, 0)
  const ahead = job.getTime() - now.getTime()
  return ahead > -5 * 60_000 && ahead < 60 * 60_000
}

async function login(base, actor, email) {
  const response = await fetch(`${base}/auth/${actor}/emailpass`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email, password: PASSWORD }),
  })
  const text = await response.text()
  if (!response.ok)
    throw new Error(`${actor} login of ${email} answered ${response.status}: ${text}`)
  return JSON.parse(text).token
}

async function tableSizes(db) {
  const { rows } = await db.query(
    `SELECT relname AS name, pg_total_relation_size(relid)::bigint AS bytes
     FROM pg_stat_user_tables WHERE relname = ANY($1)`,
    [
      [
        "indicator_fact",
        "indicator_count",
        "order_part",
        "seller",
        "admin_unit_commune",
        "ocop_entry",
      ],
    ],
  )
  for (const row of rows) {
    const { rows: counted } = await db.query(
      `SELECT count(*)::bigint AS n FROM "${row.name}" WHERE deleted_at IS NULL`,
    )
    row.rows = counted[0].n
  }
  const {
    rows: [{ bytes }],
  } = await db.query("SELECT pg_database_size(current_database())::bigint AS bytes")
  return {
    database: Number(bytes),
    tables: Object.fromEntries(
      rows.map((r) => [r.name, { rows: Number(r.rows), bytes: Number(r.bytes) }]),
    ),
  }
}

async function factsByCode(db) {
  const { rows } = await db.query(
    `SELECT code, count(*)::int AS facts, sum(numerator)::float8 AS numerator,
            sum(denominator)::float8 AS denominator
     FROM indicator_fact WHERE valid_to IS NULL AND deleted_at IS NULL GROUP BY code ORDER BY code`,
  )
  return rows
}

/** The demo commune's and its province's size in the data. */
async function areaFigures(db, quarter) {
  const {
    rows: [row],
  } = await db.query(
    `SELECT c.province_code AS province,
       (SELECT count(*) FROM admin_unit_commune WHERE province_code = c.province_code)::int
         AS province_communes,
       (SELECT count(*) FROM seller WHERE commune_code = c.code)::int AS sellers,
       (SELECT count(*) FROM seller WHERE province_code = c.province_code)::int AS province_sellers,
       (SELECT count(*) FROM indicator_count WHERE commune_code = c.code
          AND period IN ('now', $2))::int AS commune_rows,
       (SELECT count(*) FROM indicator_count WHERE province_code = c.province_code
          AND period IN ('now', $2))::int AS province_rows,
       (SELECT count(*) FROM order_part WHERE commune_code = c.code)::int AS order_parts
     FROM admin_unit_commune c WHERE c.code = $1`,
    [COMMUNE, quarter],
  )
  return row
}

/** The last answers agree with the counts: ORDERS of the commune, of the province. */
async function checkAnswers(db, answers, quarter, province) {
  const sum = async (column, value) => {
    const { rows } = await db.query(
      `SELECT coalesce(sum(numerator), 0)::float8 AS n FROM indicator_fact
       WHERE valid_to IS NULL AND deleted_at IS NULL AND code = 'ORDERS' AND period = $1
         AND ${column} = $2`,
      [quarter, value],
    )
    return rows[0].n
  }
  const commune = await sum("commune_code", COMMUNE)
  const provinceTotal = await sum("province_code", province)
  const got = (key) => JSON.parse(answers[key].text).indicators?.ORDERS?.numerator
  const checks = [
    { what: `commune officer: ORDERS of ${COMMUNE}`, expected: commune, got: got("commune") },
    {
      what: `province officer: ORDERS of province ${province}`,
      expected: provinceTotal,
      got: got("province"),
    },
    { what: `public: ORDERS of ${COMMUNE}`, expected: commune, got: got("public") },
  ]
  for (const c of checks) {
    c.ok = c.expected === c.got
    if (!c.ok) log(`MISMATCH ${c.what}: answered ${c.got}, facts say ${c.expected}`)
  }
  return checks
}

/** readCounts' statement alone, timed as the backend runs it (twice per answer), and its plans. */
async function measureSql(db, quarter, province) {
  const areas = [
    { key: "commune", label: `commune ${COMMUNE}`, params: [[COMMUNE], [COMMUNE], null, null] },
    {
      key: "province",
      label: `province ${province}`,
      params: [null, null, [province], [province]],
    },
  ]
  const out = []
  for (const area of areas) {
    const params = [["now", quarter], ...area.params]
    const samples = []
    let rows = 0
    for (let i = 0; i < WARMUP + REQUESTS; i++) {
      const t = performance.now()
      const answer = await db.query(READ_SQL, params)
      if (i >= WARMUP) samples.push(performance.now() - t)
      rows = answer.rowCount
    }
    const { rows: plan } = await db.query(
      `EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) ${READ_SQL}`,
      params,
    )
    out.push({
      ...area,
      rows,
      stats: stats(samples),
      plan: plan.map((r) => r["QUERY PLAN"]),
    })
    log(
      `SQL ${area.label}: ${rows} rows, p50 ${stats(samples).p50.toFixed(2)} ms, p95 ${stats(samples).p95.toFixed(2)} ms`,
    )
  }
  return out
}

/** Runs the reconciliation as `npm run indicators:reconcile` does, traced, within the time limit. */
async function reconcile(env, db) {
  const traceDir = path.join(tmp, "reconcile")
  mkdirSync(traceDir)
  const tail = []
  let line = null
  const loadBefore = load()
  log(`reconciling (stopped after ${RECONCILE_MINUTES} min; load ${loadBefore})`)
  const spawnedAt = Date.now()
  const child = startService(
    "reconcile",
    MEDUSA,
    ["exec", "./src/scripts/reconcile-indicators.ts"],
    {
      cwd: BACKEND,
      env: {
        ...env,
        BENCH_TRACE_DIR: traceDir,
        NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ""} --require ${tracerModule}`.trim(),
      },
      onLine: (text) => {
        tail.push(text)
        if (tail.length > 300) tail.shift()
        if (/reconciled/i.test(text)) line = text.trim()
        if (/reconciled|\berror\b|heap|RangeError|FATAL|Killed/i.test(text)) {
          log(`[reconcile] ${text}`)
        }
      },
    },
  )
  const stop = defer(() => stopService(child))
  const exited = new Promise((resolve) =>
    child.once("exit", (code, signal) => resolve({ code, signal })),
  )
  let timer
  const limit = new Promise((resolve) => {
    timer = setTimeout(() => resolve(null), RECONCILE_MINUTES * 60_000)
  })
  const progress = setInterval(() => {
    const trace = readTrace(traceDir, spawnedAt)
    const last = trace.queries.at(-1)
    log(
      `reconcile: ${((Date.now() - spawnedAt) / 1000).toFixed(0)} s, ${trace.queries.length} statements, rss ${pretty(trace.lastRss)}, last statement at ${last ? (last.t / 1000).toFixed(0) : "-"} s: ${last?.sql.slice(0, 70) ?? "-"} (load ${load()})`,
    )
  }, 60_000)
  const exit = await Promise.race([exited, limit])
  clearTimeout(timer)
  clearInterval(progress)
  const timedOut = !exit
  if (timedOut) log(`reconciliation still running after ${RECONCILE_MINUTES} min: stopping it`)
  await stop()
  const finished = exit ?? (await exited)
  const seconds = (Date.now() - spawnedAt) / 1000
  const trace = readTrace(traceDir, spawnedAt)
  const { rows } = await db.query(
    "SELECT count(*)::int AS facts FROM indicator_fact WHERE valid_to IS NULL AND deleted_at IS NULL",
  )
  return {
    seconds,
    timedOut,
    exit: finished,
    line,
    loadBefore,
    loadAfter: load(),
    trace,
    phases: phases(trace, seconds),
    factsAfter: rows[0].facts,
    errorTail: tail.filter((l) => /error|heap|RangeError|FATAL|at /i.test(l)).slice(-25),
    tail: tail.slice(-15),
  }
}

/** The tracer's files: statements (t relative to the spawn), memory, the heap limit. */
function readTrace(dir, spawnedAt) {
  const queries = []
  let maxRss = 0
  let maxHeap = 0
  let lastRss = 0
  let heapLimit = null
  for (const file of readdirSync(dir)) {
    for (const text of readFileSync(path.join(dir, file), "utf8").split("\n")) {
      if (!text) continue
      let entry
      try {
        entry = JSON.parse(text)
      } catch {
        continue
      }
      if (entry.heapLimit) heapLimit = Math.max(heapLimit ?? 0, entry.heapLimit)
      if (entry.hb) {
        maxRss = Math.max(maxRss, entry.rss)
        maxHeap = Math.max(maxHeap, entry.heap)
        lastRss = entry.rss
      }
      if (entry.t) queries.push({ ...entry, t: entry.t - spawnedAt })
    }
  }
  queries.sort((a, b) => a.t - b.t)
  return { queries, maxRss, maxHeap, lastRss, heapLimit }
}

/** Per kind of statement: how many, their time in the database, when the first and last ran. */
function phases(trace, seconds) {
  const byKind = new Map()
  for (const q of trace.queries) {
    const kind = kindOf(q.sql)
    const p = byKind.get(kind) ?? {
      kind,
      statements: 0,
      dbMs: 0,
      from: q.t,
      to: q.t + q.ms,
      rows: 0,
      maxChars: 0,
      errors: [],
      durations: [],
    }
    p.statements++
    p.durations.push(q.ms)
    p.dbMs += q.ms
    p.to = Math.max(p.to, q.t + q.ms)
    p.rows += q.rows ?? 0
    p.maxChars = Math.max(p.maxChars, q.chars ?? 0)
    if (q.error) p.errors.push(q.error)
    byKind.set(kind, p)
  }
  const list = [...byKind.values()].sort((a, b) => a.from - b.from)
  for (const p of list) {
    const d = stats(p.durations)
    // First and last tenth: OFFSET paging makes later pages slower.
    const tenth = Math.max(1, Math.floor(p.durations.length / 10))
    const mean = (v) => v.reduce((a, b) => a + b, 0) / v.length
    Object.assign(p, {
      median: d.p50,
      max: d.max,
      firstTenth: mean(p.durations.slice(0, tenth)),
      lastTenth: mean(p.durations.slice(-tenth)),
    })
  }
  // Boot: until the reconciliation's first read. Gaps: no statement in flight, so the process
  // was busy in JavaScript (or waiting on nothing), between the statements around them.
  const firstRead = trace.queries.find((q) => /"order_part"|"ocop_entry"/.test(q.sql))
  const gaps = []
  let busyUntil = null
  let previous = null
  for (const q of trace.queries) {
    if (busyUntil !== null && q.t - busyUntil > 1000 && (!firstRead || q.t > firstRead.t)) {
      gaps.push({ from: busyUntil, to: q.t, before: kindOf(previous.sql), after: kindOf(q.sql) })
    }
    if (busyUntil === null || q.t + q.ms > busyUntil) {
      busyUntil = q.t + q.ms
      previous = q
    }
  }
  if (busyUntil !== null && seconds * 1000 - busyUntil > 1000) {
    gaps.push({ from: busyUntil, to: seconds * 1000, before: kindOf(previous.sql), after: "end" })
  }
  gaps.sort((a, b) => b.to - b.from - (a.to - a.from))
  // The read phase: from the first read to the write transaction's lock; how much of it had a
  // statement in flight.
  const lock = trace.queries.find((q) => /pg_advisory/.test(q.sql))
  let reads = null
  if (firstRead) {
    const end = lock ? lock.t : (trace.queries.at(-1)?.t ?? firstRead.t)
    let busy = 0
    let until = firstRead.t
    for (const q of trace.queries) {
      if (q.t < firstRead.t || q.t >= end) continue
      const from = Math.max(q.t, until)
      const to = Math.min(q.t + q.ms, end)
      if (to > from) busy += to - from
      until = Math.max(until, to)
    }
    reads = { from: firstRead.t, to: end, busy }
  }
  return {
    reads,
    list,
    bootSeconds: firstRead ? firstRead.t / 1000 : null,
    gaps: gaps.slice(0, 4).sort((a, b) => a.from - b.from),
    seconds,
  }
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

function pretty(bytes) {
  if (!bytes) return "-"
  const units = ["B", "kB", "MB", "GB"]
  let i = 0
  let v = bytes
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024
    i++
  }
  return `${v.toFixed(v >= 100 || i === 0 ? 0 : 1)} ${units[i]}`
}

function int(n) {
  return Number(n).toLocaleString("en-US")
}

function report(r) {
  const command = [
    process.env.DATABASE_URL ? "DATABASE_URL=…" : null,
    "node scripts/bench/indicators.mjs",
    ...process.argv.slice(2),
  ]
    .filter(Boolean)
    .join(" ")
  const ms = (v) => (v >= 10 ? v.toFixed(0) : v.toFixed(1))
  const s = (v) => (v >= 100 ? v.toFixed(0) : v.toFixed(1))
  const lines = [
    "```sh",
    command,
    "```",
    "",
    `${new Date().toISOString()}, node ${process.version}, ${os.cpus().length} CPUs, ${pretty(os.totalmem())} RAM, PostgreSQL ${r.database.embedded ? "embedded (shared with other jobs)" : "from DATABASE_URL"}; whole run ${(r.seconds / 60).toFixed(1)} min. Load average (1, 5, 15 min): ${r.loads.start} at the start, ${r.loads.generation} when the generation began, ${r.loads.beforeReads} before the reads, ${r.loads.afterReads} after them${r.reconcile ? `, ${r.reconcile.loadBefore} before the reconciliation, ${r.reconcile.loadAfter} after it` : ""}.`,
    "",
    `Data: ${int(r.size.communes)} communes (34 provinces), ${int(r.size.sellers)} sellers, ${int(r.size.products)} listings, ${int(r.size.ocop)} OCOP registry entries, ${int(r.size.orders)} order parts and ${int(r.size.scans)} scans over ${QUARTERS} quarters (${r.quarters[0].quarter}–${r.current}). Gia Phú (${COMMUNE}): ${r.giaPhu.sellers} sellers, ${int(r.giaPhu.order_parts)} order parts, a read returns ${r.giaPhu.commune_rows} count rows (periods \`now\` and the quarter); province ${r.giaPhu.province}: ${r.giaPhu.province_communes} communes, ${int(r.giaPhu.province_sellers)} sellers, a read returns ${int(r.giaPhu.province_rows)} count rows. Database ${pretty(r.tables.database)}.`,
    "",
    "| generation step | rows | seconds | note |",
    "| --- | ---: | ---: | --- |",
    `| \`medusa db:migrate\` | | ${s(r.migrateSeconds)} | |`,
    `| demo seed | | ${s(r.seedSeconds)} | officers, demo sellers and registry |`,
    ...r.steps.map(
      (st) =>
        `| ${st.step} | ${st.rows === undefined ? "" : int(st.rows)} | ${s(st.seconds)} | ${st.note ?? ""} |`,
    ),
    `| **total generation** | | **${s(r.generateSeconds)}** | |`,
    "",
    `Tables: ${Object.entries(r.tables.tables)
      .map(([name, t]) => `\`${name}\` ${int(t.rows)} rows, ${pretty(t.bytes)}`)
      .join("; ")}.`,
    "",
    `Reads, ${REQUESTS} of each after ${WARMUP} warm-ups of each, one request at a time, interleaved, backend \`medusa start\` with NODE_ENV=production, no Redis:`,
    "",
    "| read | n | p50 ms | p95 ms | mean ms | min–max ms | body | aim |",
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |",
    ...r.reads.map((x) => {
      const aim =
        x.key === "province"
          ? `p95 < 200 ms: ${x.stats.p95 < 200 ? "met" : "**missed**"}`
          : `p95 < 50 ms: ${x.stats.p95 < 50 ? "met" : "**missed**"}`
      return `| ${x.label} | ${x.stats.n} | ${ms(x.stats.p50)} | ${ms(x.stats.p95)} | ${ms(x.stats.mean)} | ${ms(x.stats.min)}–${ms(x.stats.max)} | ${pretty(x.bytes)} | ${aim} |`
    }),
    "",
    `Answers checked against the facts (ORDERS of ${r.current}): ${r.checks.map((c) => `${c.what} ${c.got} ${c.ok ? "✓" : `≠ ${c.expected} ✗`}`).join("; ")}.${r.backendErrors ? ` Backend log lines with "error": ${r.backendErrors}.` : ""}${r.nightly ? " The backend's nightly reconciliation job (18:30 UTC) may have run during the reads." : ""}`,
    "",
    "The SQL of `readCounts` alone (the backend runs it twice per answer: the quarter and the previous one), from a pg client, same statement and parameters, periods `now` and the quarter:",
    "",
    "| area | rows | n | p50 ms | p95 ms | mean ms |",
    "| --- | ---: | ---: | ---: | ---: | ---: |",
    ...r.sql.map(
      (x) =>
        `| ${x.label} | ${x.rows} | ${x.stats.n} | ${x.stats.p50.toFixed(2)} | ${x.stats.p95.toFixed(2)} | ${x.stats.mean.toFixed(2)} |`,
    ),
    "",
    ...r.sql.flatMap((x) => [
      `EXPLAIN (ANALYZE, BUFFERS) of the read for ${x.label}:`,
      "",
      "```",
      ...x.plan,
      "```",
      "",
    ]),
  ]
  if (r.reconcile) lines.push(...reconcileReport(r))
  else lines.push("Reconciliation not run (--no-reconcile).")
  return lines.join("\n")
}

function reconcileReport(r) {
  const x = r.reconcile
  const p = x.phases
  const t = (v) => (v === null || v === undefined ? "-" : (v / 1000).toFixed(1))
  const outcome = x.timedOut
    ? `**stopped after ${RECONCILE_MINUTES} min** (the limit)`
    : x.exit.code === 0
      ? "finished"
      : `**failed** (exit ${x.exit.code ?? x.exit.signal})`
  const lines = [
    `Reconciliation, \`medusa exec ./src/scripts/reconcile-indicators.ts\` (\`npm run indicators:reconcile\`), backend stopped: ${outcome} in ${x.seconds.toFixed(0)} s wall (${(x.seconds / 60).toFixed(1)} min) including the app's boot${p.bootSeconds !== null ? ` (${p.bootSeconds.toFixed(0)} s to its first read)` : ""}.${x.line ? ` It printed: \`${x.line}\`.` : ""} Peak memory of the process: rss ${pretty(x.trace.maxRss)}, V8 heap ${pretty(x.trace.maxHeap)} of a ${pretty(x.trace.heapLimit)} limit. Facts in the table after it: ${int(x.factsAfter)}.`,
    "",
    "Where its time went (pg statements traced in the process; seconds from its start):",
    "",
    "| statements | n | first at s | last ended at s | time in the database s | ms each: median / max (first → last tenth) | rows | largest parameter |",
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ...p.list.map(
      (k) =>
        `| ${k.kind} | ${k.statements} | ${t(k.from)} | ${t(k.to)} | ${(k.dbMs / 1000).toFixed(1)} | ${k.median} / ${k.max}${k.statements >= 20 ? ` (${k.firstTenth.toFixed(0)} → ${k.lastTenth.toFixed(0)})` : ""} | ${int(k.rows)} | ${k.maxChars ? `${int(k.maxChars)} chars` : ""} |${k.errors.length ? ` error: ${k.errors[0]}` : ""}`,
    ),
    "",
  ]
  if (p.reads) {
    const span = (p.reads.to - p.reads.from) / 1000
    lines.push(
      `Read phase (sellers, registry, listings and the order parts, three loaders at once, until the write transaction's lock): ${span.toFixed(0)} s, of which ${(p.reads.busy / 1000).toFixed(0)} s with a statement in flight and ${(span - p.reads.busy / 1000).toFixed(0)} s without (the process in JavaScript: entities hydrated, facts built).`,
      "",
    )
  }
  if (p.gaps.length) {
    lines.push(
      `Longest stretches without a statement in flight (the process in JavaScript): ${p.gaps
        .map(
          (g) =>
            `${((g.to - g.from) / 1000).toFixed(0)} s from ${(g.from / 1000).toFixed(0)} s to ${(g.to / 1000).toFixed(0)} s, after ${g.before}, before ${g.after === "end" ? (x.timedOut ? "it was stopped" : "it exited") : g.after}`,
        )
        .join(
          "; ",
        )}. (In \`replaceFacts\`, the facts are deduplicated and serialised to one JSON parameter after the DELETE, inside the transaction.)`,
      "",
    )
  }
  const write = p.list.find((k) => k.kind.startsWith("write facts"))
  if (write?.maxChars) {
    lines.push(
      `The facts' JSON parameter: ${int(write.maxChars)} chars (V8's longest string: ${int(MAX_STRING_LENGTH)}).`,
      "",
    )
  } else if (x.errorTail.some((l) => /Invalid string length/.test(l))) {
    lines.push(
      `\`JSON.stringify\` of all the facts (one parameter of one statement, \`applyFactsSql\`) threw \`RangeError: Invalid string length\`: the JSON is longer than V8's longest string (${int(MAX_STRING_LENGTH)} chars); the transaction rolled back, the facts and counts are as before.`,
      "",
    )
  }
  if (x.errorTail.length && x.exit.code !== 0) {
    lines.push("Its last error lines:", "", "```", ...x.errorTail, "```", "")
  }
  const before = new Map(r.factsBefore.map((f) => [f.code, f]))
  const after = new Map((r.factsAfter ?? []).map((f) => [f.code, f]))
  const codes = [...new Set([...before.keys(), ...after.keys()])].sort()
  const same = ["ORDERS", "GMV", "CASHLESS", "CASHLESS_VALUE"].every(
    (code) =>
      before.get(code)?.numerator === after.get(code)?.numerator &&
      before.get(code)?.denominator === after.get(code)?.denominator,
  )
  if (x.exit.code === 0 && same) {
    lines.push(
      "The order-part facts it derived from `order_part` equal the generated ones (ORDERS, GMV, CASHLESS and CASHLESS_VALUE sums unchanged): the generator writes what `orderPartFacts` derives.",
      "",
    )
  }
  lines.push(
    "Facts by code before and after the reconciliation (unchanged when it failed; otherwise the synthetic listings, with no Medusa products behind them, lose their TRACEABLE facts, and their sellers and registry entries count as not online):",
    "",
    "| code | facts before | numerator before | facts after | numerator after |",
    "| --- | ---: | ---: | ---: | ---: |",
    ...codes.map((code) => {
      const b = before.get(code)
      const a = after.get(code)
      return `| ${code} | ${b ? int(b.facts) : 0} | ${b ? int(b.numerator) : 0} | ${a ? int(a.facts) : 0} | ${a ? int(a.numerator) : 0} |`
    }),
  )
  return lines
}
