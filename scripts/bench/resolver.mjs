#!/usr/bin/env node
// Resolver benchmark: JSON provenance of random stamps and forged-serial rejection, each against
// a bare node:http server answering a constant JSON body, in the same run on the same machine.
//
//   node scripts/bench/resolver.mjs [--stamps 1000000] [--duration 15] [--connections 50]
//                                   [--hot 1000] [--rounds 1] [--no-build] [--keep]
//                                   [--rate-limit 0] [--against <git ref>] [--only <name part>]
//                                   [--profile <dir>] [--paced]
//
// Uses DATABASE_URL's server when set (else the embedded PostgreSQL), a fresh database seeded
// with --stamps stamps (serials made in Node, written with COPY), the built service
// (its own build in traceability/.cache/bench-resolver, NODE_ENV=production, rate limit off
// unless --rate-limit) and autocannon. Prints a Markdown section for docs/benchmarks.md, with
// EXPLAIN ANALYZE of the hot queries.
//
// --against <ref> also builds the service as it was at that commit (git archive of its
// traceability/src), seeds it its own database the same way and measures both side by side:
// each run is cut into --rounds slices (default 5 with --against), and every slice runs the
// services and the bare server one after the other, so load from elsewhere on the machine falls
// on all of them alike.
import { execFileSync, spawn } from "node:child_process"
import { randomUUID } from "node:crypto"
import { once } from "node:events"
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, statSync } from "node:fs"
import path from "node:path"
import { Readable } from "node:stream"
import { pipeline } from "node:stream/promises"
import { parseArgs } from "node:util"
import autocannon from "autocannon"
import pg from "pg"
import copyStreams from "pg-copy-streams"
import { createTestDatabase, ROOT, resolvePostgres } from "../lib/pg.mjs"
import { freePort, run, waitForHttp } from "../lib/proc.mjs"

const { values: args } = parseArgs({
  options: {
    stamps: { type: "string", default: "1000000" },
    duration: { type: "string", default: "15" },
    connections: { type: "string", default: "50" },
    hot: { type: "string", default: "1000" },
    rounds: { type: "string" },
    build: { type: "boolean", default: true },
    keep: { type: "boolean", default: false },
    // Writes a V8 CPU profile of the service(s) to this folder (see where the time goes).
    profile: { type: "string" },
    only: { type: "string" },
    // Requests a minute per client; 0 leaves the limiter out. A limit far above the load measures
    // what the limiter itself costs a request.
    "rate-limit": { type: "string", default: "0" },
    // A commit to measure side by side with this tree (e.g. the commit before a change).
    against: { type: "string" },
    // After each run, every server once more at half its own measured rate: p99 at that load.
    paced: { type: "boolean", default: false },
  },
  allowNegative: true,
})
const STAMPS = Number(args.stamps)
const DURATION = Number(args.duration)
const CONNECTIONS = Number(args.connections)
const HOT = Number(args.hot)
const ROUNDS = Number(args.rounds ?? (args.against ? 5 : 1))
const BATCHES = 20
const SECRET = "bench-stamp-signing-secret-0123456789abcdef"
const CACHE = path.join(ROOT, "traceability", ".cache")
const log = (line) => console.error(`[bench] ${line}`)
if (!(ROUNDS >= 1 && DURATION / ROUNDS >= 1)) throw new Error("--rounds: 1 to --duration")

/**
 * Compiles a traceability source tree into `dist`, with what tsc does not emit copied as is. An
 * older commit is type-checked against today's dependencies (zod 4 since issue 16, where it had
 * zod 3's option names): its type errors are reported and its emitted JavaScript used all the same.
 */
async function build(project, src, dist, { older = false } = {}) {
  rmSync(dist, { recursive: true, force: true })
  const tsc = path.join(ROOT, "node_modules", "typescript", "bin", "tsc")
  try {
    await run(process.execPath, [tsc, "-p", project, "--outDir", dist], {
      quiet: true,
      label: "tsc",
    })
  } catch (error) {
    if (!older || !existsSync(path.join(dist, "server.js"))) throw error
    log(
      `the older tree has type errors against today's dependencies; running its emitted JavaScript`,
    )
  }
  cpSync(src, dist, {
    recursive: true,
    filter: (from) => statSync(from).isDirectory() || !from.endsWith(".ts"),
  })
}

/**
 * The services to measure: this tree, and with --against the same service at that commit. Each
 * is built in its own folder under traceability/.cache (dependencies resolve to this tree's
 * node_modules), so a build running elsewhere in the tree cannot change it mid-run.
 */
async function prepareBuilds() {
  const targets = []
  if (args.against) {
    const sha = execFileSync("git", ["rev-parse", "--short", args.against], { cwd: ROOT })
      .toString()
      .trim()
    const tree = path.join(CACHE, "bench-against", sha)
    if (args.build) {
      rmSync(tree, { recursive: true, force: true })
      mkdirSync(tree, { recursive: true })
      const files = ["tsconfig.base.json", "traceability/tsconfig.json"]
      files.push("traceability/tsconfig.build.json", "traceability/src")
      const archive = execFileSync("git", ["archive", sha, ...files], {
        cwd: ROOT,
        maxBuffer: 256 << 20,
      })
      execFileSync("tar", ["-x", "-C", tree], { input: archive })
    }
    const dir = path.join(tree, "traceability")
    targets.push({ name: `before (${sha})`, src: path.join(dir, "src"), dir, older: true })
  }
  const here = { name: args.against ? "after (this tree)" : "service", dir: null }
  here.src = path.join(ROOT, "traceability", "src")
  here.project = path.join(ROOT, "traceability", "tsconfig.build.json")
  here.dist = path.join(CACHE, "bench-resolver", "dist")
  targets.push(here)
  for (const target of targets) {
    target.project ??= path.join(target.dir, "tsconfig.build.json")
    target.dist ??= path.join(target.dir, "dist")
    if (args.build) await build(target.project, target.src, target.dist, target)
    target.lib = {
      ...(await import(path.join(target.dist, "store/migrator.js"))),
      ...(await import(path.join(target.dist, "domain/serial.js"))),
      ...(await import(path.join(target.dist, "domain/digital-link.js"))),
      ...(await import(path.join(target.dist, "store/batches.js"))),
      ...(await import(path.join(target.dist, "store/events.js"))),
    }
  }
  return targets
}

const postgres = await resolvePostgres({ log })
const children = []
const targets = await prepareBuilds()

async function cleanup() {
  for (const child of children) if (child.exitCode === null) child.kill("SIGTERM")
  for (const target of targets) {
    await target.pool?.end().catch(() => {})
    if (!args.keep) await target.database?.drop().catch(() => {})
  }
  await postgres.stop()
}

/** A fresh database for the target: migrated, 20 batches with a season each, then the stamps. */
async function seed(target) {
  const { lib } = target
  target.database = await createTestDatabase(postgres.serverUrl, "bench_resolver")
  target.pool = new pg.Pool({ connectionString: target.database.url, max: 4 })
  await lib.migrate(target.database.url)
  target.port = await freePort()
  target.publicUrl = `http://127.0.0.1:${target.port}`
  const started = performance.now()
  const batches = []
  for (let i = 0; i < BATCHES; i++) batches.push(await seedBatch(target, i))
  const serials = new Array(STAMPS)
  const perBatch = Math.ceil(STAMPS / BATCHES)
  const client = await target.pool.connect()
  try {
    const copy = client.query(
      copyStreams.from("COPY stamp (serial, batch_id, uri, seq) FROM STDIN WITH (FORMAT text)"),
    )
    await pipeline(
      Readable.from(
        (function* () {
          let lines = []
          for (let n = 0; n < STAMPS; n++) {
            const batch = batches[Math.floor(n / perBatch)]
            const serial = lib.createSerial(SECRET)
            const uri = lib.stampUri({
              baseUrl: target.publicUrl,
              serial,
              lotCode: batch.lotCode,
              gtin: batch.gtin,
            })
            serials[n] = { serial, batchId: batch.id, path: new URL(uri).pathname }
            lines.push(`${serial}\t${batch.id}\t${uri}\t${(n % perBatch) + 1}\n`)
            if (lines.length === 10_000) {
              yield lines.join("")
              lines = []
            }
          }
          if (lines.length) yield lines.join("")
        })(),
      ),
      copy,
    )
  } finally {
    client.release()
  }
  // Now rather than by autovacuum in the middle of a measured run.
  await target.pool.query("VACUUM ANALYZE")
  target.seedSeconds = (performance.now() - started) / 1000
  target.batches = batches
  target.serials = serials
  log(
    `${target.name}: seeded ${BATCHES} batches and ${STAMPS} stamps in ${target.seedSeconds.toFixed(1)} s (${target.database.url})`,
  )
}

/** The built service, in production mode, rate limit off unless --rate-limit. */
async function startService(target) {
  const profile = args.profile ? ["--cpu-prof", `--cpu-prof-dir=${path.resolve(args.profile)}`] : []
  const child = spawn(process.execPath, [...profile, path.join(target.dist, "server.js")], {
    env: {
      ...process.env,
      NODE_ENV: "production",
      TRACEABILITY_DATABASE_URL: target.database.url,
      TRACEABILITY_PORT: String(target.port),
      TRACEABILITY_HOST: "127.0.0.1",
      TRACEABILITY_PUBLIC_URL: target.publicUrl,
      STAMP_SIGNING_SECRET: SECRET,
      JWT_SECRET: "bench-jwt-secret",
      RESOLVER_RATE_LIMIT: args["rate-limit"],
      LOG_LEVEL: "info",
      REDIS_URL: "",
    },
    stdio: ["ignore", "ignore", "inherit"],
  })
  children.push(child)
  target.process = child
  await waitForHttp(`${target.publicUrl}/health`, { timeoutMs: 30_000, child })
}

try {
  for (const target of targets) {
    await seed(target)
    await startService(target)
  }
  const last = targets.at(-1)

  // One real answer becomes the bare server's constant body: same size on the wire.
  const sample = await fetch(`${last.publicUrl}${last.serials[0].path}`, {
    headers: { accept: "application/json" },
  })
  const body = await sample.text()
  if (sample.status !== 200) throw new Error(`sample scan answered ${sample.status}: ${body}`)
  const forgedBody = JSON.stringify({ verdict: "not_genuine" })
  const bare = await startBare(body, forgedBody)

  const pick = (target, scenario) => {
    const { serials } = target
    if (scenario === "random") return () => serials[Math.floor(Math.random() * STAMPS)].path
    if (scenario === "hot") return () => serials[Math.floor(Math.random() * HOT)].path
    return () => {
      const { path: p } = serials[Math.floor(Math.random() * STAMPS)]
      return `${p.slice(0, -1)}${p.endsWith("0") ? "1" : "0"}`
    }
  }

  const results = []
  for (const [name, scenario, barePath, status] of [
    ["JSON provenance, random stamps of all", "random", "/", 200],
    [`JSON provenance, ${HOT} hot stamps`, "hot", "/", 200],
    ["forged-serial rejection", "forged", "/forged", 404],
  ]) {
    if (args.only && !name.includes(args.only)) continue
    const runners = [
      ...targets.map((target) => ({
        label: target.name,
        target,
        base: target.publicUrl,
        pick: pick(target, scenario),
        pid: target.process.pid,
        pool: target.pool,
      })),
      { label: "bare", base: bare.url, pick: () => barePath, pid: bare.pid, pool: null },
    ]
    for (const runner of runners) runner.result = await warm(runner, status)
    // Each round runs every server once, starting with a different one each time.
    for (let round = 0; round < ROUNDS; round++) {
      for (let i = 0; i < runners.length; i++) {
        const runner = runners[(round + i) % runners.length]
        runner.result = merge(runner.result, await measure(runner, status, DURATION / ROUNDS))
      }
    }
    if (args.paced) {
      for (const runner of runners) {
        const rate = Math.max(1, Math.floor(runner.result.rps / 2))
        const paced = await measure(runner, status, DURATION / ROUNDS, rate)
        runner.paced = { rate, rps: paced.total / paced.seconds, p99: paced.p99, ok: paced.ok }
      }
    }
    results.push({ name, scenario, runners })
    log(`${name}: ${runners.map((r) => `${r.label} ${r.result.rps.toFixed(0)}`).join(", ")} req/s`)
  }

  // A clean shutdown writes every buffered scan: the scan rows must match the 200s answered.
  for (const target of targets) {
    const { rows: before } = await target.pool.query("SELECT count(*)::int AS n FROM scan")
    target.process.kill("SIGTERM")
    await once(target.process, "exit")
    const { rows: after } = await target.pool.query("SELECT count(*)::int AS n FROM scan")
    const { rows: summary } = await target.pool.query(
      "SELECT sum(scan_count)::int AS n FROM stamp_scan_summary",
    )
    const ok = results
      .filter((r) => r.scenario !== "forged")
      .map((r) => r.runners.find((runner) => runner.target === target))
      .map((runner) => runner.result.ok + (runner.paced?.ok ?? 0))
    target.writes = {
      answered: 1 + ok.reduce((sum, n) => sum + n, 0),
      before: before[0].n,
      after: after[0].n,
      summary: summary[0].n,
    }
  }
  const sampled = Array.from({ length: 10 }, () => last.serials[Math.floor(Math.random() * STAMPS)])
  const explain = await explainHotQueries(last.pool, sampled, last.batches[0].id)

  console.log(report({ results, explain }))
} finally {
  await cleanup()
}

async function seedBatch({ pool, lib }, i) {
  const gtinBody = `893000000${String(100 + i).padStart(3, "0")}`
  const gtin = `0${gtinBody}${lib.gtinCheckDigit(`0${gtinBody}`)}`
  const batch = await lib.insertBatch(pool, {
    sellerId: `sel_bench_${i % 5}`,
    productId: `prod_bench_${i}`,
    productTitle: `Gạo Séng Cù Gia Phú (túi 5 kg) lô ${i}`,
    productHandle: `gao-seng-cu-${i}`,
    productThumbnail: "https://cdn.example.vn/gao.jpg",
    gtin,
    seller: {
      handle: `htx-bench-${i % 5}`,
      name: "HTX Nông nghiệp Gia Phú",
      kind: "cooperative",
      address: "Thôn Phú Hà, xã Gia Phú, tỉnh Lào Cai",
      phone: "0912345678",
      communeCode: "02923",
      communeName: "Xã Gia Phú",
      provinceCode: "15",
      provinceName: "Tỉnh Lào Cai",
      villageName: "Thôn Phú Hà",
    },
    lotCode: `GP-2026-${String(i).padStart(3, "0")}`,
    quantity: 1200,
    unit: "kg",
    area: { village: "Thôn Phú Hà", plot: "Ruộng số 7", lat: 22.4321, lng: 104.0123 },
    dates: {
      startedOn: "2026-01-10",
      harvestedOn: "2026-05-05",
      producedOn: null,
      packedOn: "2026-05-12",
      expiresOn: "2027-05-12",
    },
    certifications: {
      vietgap: {
        number: "VietGAP-TT-19-05-15-0012",
        validFrom: "2025-01-01",
        validUntil: "2027-12-31",
      },
      organic: null,
      ocopStars: 4,
    },
    createdBy: "bench",
    createdByType: "user",
    onBehalfOf: null,
  })
  const season = [
    ["planting", "2026-01-10", { crop: "lúa", variety: "Séng Cù", area_m2: 5000 }],
    [
      "input_applied",
      "2026-02-15",
      {
        product: "Phân hữu cơ vi sinh",
        input_kind: "fertiliser",
        dose: { amount: 500, unit: "kg/ha" },
        pre_harvest_interval_days: 0,
      },
    ],
    ["harvest", "2026-05-05", { quantity: { amount: 1500, unit: "kg" } }],
    [
      "processing",
      "2026-05-07",
      {
        process: "Phơi và xay xát",
        input_quantity: { amount: 1500, unit: "kg" },
        output_quantity: { amount: 1200, unit: "kg" },
      },
    ],
    [
      "packing",
      "2026-05-12",
      { package: "túi 5 kg", units: 240, quantity: { amount: 1200, unit: "kg" } },
    ],
    ["inspection", "2026-05-14", { inspector: "Trung tâm Kiểm nghiệm Lào Cai", result: "pass" }],
  ]
  const client = await pool.connect()
  try {
    for (const [type, day, details] of season) {
      await client.query("BEGIN")
      const locked = await lib.findBatch(client, batch.id, { forUpdate: true })
      await lib.appendEvent(
        client,
        locked,
        {
          type,
          occurredAt: new Date(`${day}T07:30:00+07:00`),
          occurredOffset: "+07:00",
          place: { name: "Ruộng số 7, thôn Phú Hà", lat: 22.4321, lng: 104.0123 },
          actorName: "Tổ sản xuất thôn Phú Hà",
          photos: [],
          note: null,
          details,
        },
        { actorType: "user", actorId: "bench", onBehalfOf: null },
      )
      await client.query("COMMIT")
    }
  } finally {
    client.release()
  }
  return batch
}

/** The bare server in its own process, like the service: constant bodies, no routing work. */
async function startBare(body, forgedBody) {
  const port = await freePort()
  const code = `
    const http = require("node:http")
    const ok = ${JSON.stringify(body)}
    const forged = ${JSON.stringify(forgedBody)}
    http.createServer((req, res) => {
      const notFound = req.url.startsWith("/forged")
      res.writeHead(notFound ? 404 : 200, { "content-type": "application/json; charset=utf-8" })
      res.end(notFound ? forged : ok)
    }).listen(${port}, "127.0.0.1")`
  const child = spawn(process.execPath, ["-e", code], { stdio: "ignore" })
  children.push(child)
  const url = `http://127.0.0.1:${port}`
  await waitForHttp(`${url}/`, { timeoutMs: 10_000 })
  return { url, pid: child.pid }
}

/** Transactions committed in the bench database so far (every statement the service runs is one). */
async function statements(pool) {
  const { rows } = await pool.query(
    "SELECT xact_commit::bigint AS n FROM pg_stat_database WHERE datname = current_database()",
  )
  return Number(rows[0].n)
}

/** CPU time so far of each PostgreSQL backend serving the bench database (the service's pool). */
async function databaseCpu(pool) {
  const { rows } = await pool.query(
    `SELECT pid FROM pg_stat_activity
     WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_type = 'client backend'`,
  )
  return new Map(rows.map(({ pid }) => [pid, cpuMs(pid)]))
}

/** CPU the backends used between two snapshots; a backend that ended meanwhile is not counted. */
function databaseCpuSince(before, after) {
  let total = 0
  for (const [pid, used] of after) {
    if (used === null) return null
    total += used - (before.get(pid) ?? 0)
  }
  return total
}

/** CPU time a process has used so far, in ms (Linux /proc; null elsewhere). */
function cpuMs(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ")
    // utime and stime, fields 14 and 15 of stat, in clock ticks (100 per second on Linux).
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100
  } catch {
    return null
  }
}

function autocannonOptions({ base, pick }, duration, overallRate) {
  return {
    url: base,
    connections: CONNECTIONS,
    duration,
    ...(overallRate ? { overallRate } : {}),
    headers: { accept: "application/json", "user-agent": "Zalo android" },
    requests: [
      {
        setupRequest: (request) => {
          request.path = pick()
          return request
        },
      },
    ],
  }
}

/** Fails the run on any answer other than the expected status. */
function check(runner, result, status) {
  const wrong = status === 200 ? result.non2xx : result["2xx"]
  if (wrong > 0 || result.errors > 0 || result.timeouts > 0) {
    throw new Error(
      `${runner.label}: ${wrong} unexpected statuses, ${result.errors} errors, ${result.timeouts} timeouts`,
    )
  }
}

/** A 3 s warm-up; its answers count as written scans (each 200 is a scan the service writes). */
async function warm(runner, status) {
  const result = await autocannon(autocannonOptions(runner, 3))
  check(runner, result, status)
  const ok = status === 200 ? result["2xx"] : result.non2xx
  return {
    ok,
    total: 0,
    seconds: 0,
    cpuMs: 0,
    statements: 0,
    databaseMs: 0,
    p99: 0,
    cpuKnown: true,
  }
}

/** One measured slice of `seconds` for one server. */
async function measure(runner, status, seconds, overallRate) {
  const { pid, pool } = runner
  const cpuBefore = cpuMs(pid)
  const databaseBefore = pool ? await databaseCpu(pool) : null
  const statementsBefore = pool ? await statements(pool) : 0
  const result = await autocannon(autocannonOptions(runner, seconds, overallRate))
  check(runner, result, status)
  const cpuAfter = cpuMs(pid)
  const databaseUsed = pool ? databaseCpuSince(databaseBefore, await databaseCpu(pool)) : 0
  return {
    ok: status === 200 ? result["2xx"] : result.non2xx,
    total: result.requests.total,
    seconds: result.duration,
    cpuMs: cpuBefore === null || cpuAfter === null ? 0 : cpuAfter - cpuBefore,
    cpuKnown: cpuBefore !== null && cpuAfter !== null,
    // Statements the bench database ran meanwhile, less the one asking.
    statements: pool ? (await statements(pool)) - statementsBefore - 1 : 0,
    databaseMs: databaseUsed ?? 0,
    databaseKnown: databaseUsed !== null,
    p99: result.latency.p99,
  }
}

/** Slices of one server added up; p99 is the worst slice's. */
function merge(sum, slice) {
  return {
    ok: sum.ok + slice.ok,
    total: sum.total + slice.total,
    seconds: sum.seconds + slice.seconds,
    cpuMs: sum.cpuMs + slice.cpuMs,
    cpuKnown: sum.cpuKnown && slice.cpuKnown,
    statements: sum.statements + slice.statements,
    databaseMs: sum.databaseMs + slice.databaseMs,
    databaseKnown: (sum.databaseKnown ?? true) && slice.databaseKnown,
    p99: Math.max(sum.p99, slice.p99),
    get rps() {
      return this.total / this.seconds
    },
    // CPU per request of the server process alone: steadier than req/s on a busy machine.
    get cpuUsPerRequest() {
      return this.cpuKnown ? (this.cpuMs * 1000) / this.total : null
    },
    get queriesPerRequest() {
      return this.statements / this.total
    },
    get databaseUsPerRequest() {
      return this.databaseKnown ? (this.databaseMs * 1000) / this.total : null
    },
  }
}

async function explainHotQueries(pool, serials, batchId) {
  const client = await pool.connect()
  const explain = async (sql, params) => {
    const { rows } = await client.query(`EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) ${sql}`, params)
    return rows.map((row) => row["QUERY PLAN"]).join("\n")
  }
  try {
    const stamps = await explain(
      `SELECT s.serial, s.batch_id, s.uri, s.state, s.issued_at,
              ss.scan_count, ss.first_scanned_at, ss.last_scanned_at, ss.flagged_at,
              ss.networks
       FROM stamp s LEFT JOIN stamp_scan_summary ss ON ss.serial = s.serial
       WHERE s.serial = ANY($1::text[])`,
      [serials.map((stamp) => stamp.serial)],
    )
    const batch = await explain(
      `SELECT b.*, (SELECT json_agg(e ORDER BY e.seq) FROM batch_event e WHERE e.batch_id = b.id) AS events
       FROM batch b WHERE b.id = $1`,
      [batchId],
    )
    // A batch of 500 scans as the scan log writes it, rolled back.
    await client.query("BEGIN")
    const rows = serials.flatMap((stamp) => Array.from({ length: 50 }, () => stamp))
    const insert = await explain(
      `WITH input AS (
         SELECT * FROM unnest($1::uuid[], $2::text[], $3::uuid[], $4::timestamptz[], $5::int[],
                              $6::text[], $7::text[], $8::text[], $9::text[])
           AS r (id, serial, batch_id, scanned_at, number, verdict, user_agent_family, language,
                 ip_prefix)
       ), written AS (
         INSERT INTO scan (id, serial, batch_id, scanned_at, number, verdict, user_agent_family,
                           language, ip_prefix)
         SELECT * FROM input ON CONFLICT (id) DO NOTHING RETURNING serial, scanned_at
       )
       INSERT INTO stamp_scan_summary AS ss (serial, scan_count, first_scanned_at, last_scanned_at)
       SELECT serial, count(*), min(scanned_at), max(scanned_at) FROM written
       GROUP BY serial ORDER BY serial
       ON CONFLICT (serial) DO UPDATE SET scan_count = ss.scan_count + EXCLUDED.scan_count,
         first_scanned_at = LEAST(ss.first_scanned_at, EXCLUDED.first_scanned_at),
         last_scanned_at = GREATEST(ss.last_scanned_at, EXCLUDED.last_scanned_at)`,
      [
        rows.map(() => randomUUID()),
        rows.map((r) => r.serial),
        rows.map((r) => r.batchId),
        rows.map(() => new Date()),
        rows.map(() => 2),
        rows.map(() => "genuine_repeat"),
        rows.map(() => "zalo"),
        rows.map(() => "vi-VN"),
        rows.map(() => "127.0.0.0/24"),
      ],
    )
    await client.query("ROLLBACK")
    return { stamps, batch, insert }
  } finally {
    client.release()
  }
}

function report({ results, explain }) {
  const ms = (value) => `${value.toFixed(0)} ms`
  const us = (value) => (value === null ? "n/a" : value.toFixed(0))
  const slices = ROUNDS > 1 ? `, in ${ROUNDS} interleaved slices of ${DURATION / ROUNDS} s` : ""
  const lines = [
    ...targets.map(
      (t) =>
        `${t.name}: seeded ${BATCHES} batches (6 events each) and ${STAMPS.toLocaleString("en")} stamps in ${t.seedSeconds.toFixed(1)} s.`,
    ),
    `${CONNECTIONS} connections, ${DURATION} s per server and run after a 3 s warm-up${slices}; rate limit ${args["rate-limit"] === "0" ? "off" : `${args["rate-limit"]} a minute`}.`,
    "",
    "| run | server | req/s | p99 | ratio to bare | CPU µs/req | SQL statements/req | database CPU µs/req |",
    "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ...results.flatMap(({ name, runners }) => {
      const bare = runners.at(-1).result
      return runners.map(({ label, result }) => {
        const ratio = label === "bare" ? "" : (result.rps / bare.rps).toFixed(2)
        const sql = label === "bare" ? "" : result.queriesPerRequest.toFixed(3)
        const db = label === "bare" ? "" : us(result.databaseUsPerRequest)
        return `| ${name} | ${label} | ${result.rps.toFixed(0)} | ${ms(result.p99)} | ${ratio} | ${us(result.cpuUsPerRequest)} | ${sql} | ${db} |`
      })
    }),
    "",
    ...(args.paced
      ? [
          "At half each server's own measured rate (one slice each, after the runs):",
          "",
          "| run | server | paced at req/s | answered req/s | p99 |",
          "| --- | --- | ---: | ---: | ---: |",
          ...results.flatMap(({ name, runners }) =>
            runners.map(
              ({ label, paced }) =>
                `| ${name} | ${label} | ${paced.rate} | ${paced.rps.toFixed(0)} | ${ms(paced.p99)} |`,
            ),
          ),
          "",
        ]
      : []),
    ...targets.map(
      ({ name, writes }) =>
        `${name}: scans counted by autocannon as answered: ${writes.answered} (requests in flight when a run stops are answered but not counted, up to ${CONNECTIONS} per slice); scan rows when the runs ended: ${writes.before}, after SIGTERM: ${writes.after}; sum of stamp_scan_summary.scan_count: ${writes.summary}.`,
    ),
    "",
    "EXPLAIN (ANALYZE, BUFFERS) of the hot queries (this tree):",
    "",
    "```",
    "-- the stamps and scan summaries missed in one turn of the event loop (here 10)",
    explain.stamps,
    "",
    "-- a batch's provenance (batch cache miss; the shape of loadBatchProvenance)",
    explain.batch,
    "",
    "-- one write of the scan log: 500 scans and their stamps' summaries (rolled back)",
    explain.insert,
    "```",
  ]
  return lines.join("\n")
}
