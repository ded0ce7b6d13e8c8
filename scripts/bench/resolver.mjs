#!/usr/bin/env node
// Resolver benchmark: JSON provenance of random stamps and forged-serial rejection, each against
// a bare node:http server answering a constant JSON body, in the same run on the same machine.
//
//   node scripts/bench/resolver.mjs [--stamps 1000000] [--duration 15] [--connections 50]
//                                   [--hot 1000] [--no-build] [--keep] [--rate-limit 0]
//
// Uses DATABASE_URL's server when set (else the embedded PostgreSQL), a fresh database seeded
// with --stamps stamps (serials made in Node, written with COPY), the built service
// (its own build in traceability/.cache/bench-resolver, NODE_ENV=production, rate limit off) and
// autocannon. Prints a Markdown
// section for docs/benchmarks.md, with EXPLAIN ANALYZE of the hot queries.
import { spawn } from "node:child_process"
import { randomUUID } from "node:crypto"
import { once } from "node:events"
import { cpSync, readFileSync, rmSync, statSync } from "node:fs"
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
    build: { type: "boolean", default: true },
    keep: { type: "boolean", default: false },
    // Writes a V8 CPU profile of the service to this folder (see where the time goes).
    profile: { type: "string" },
    only: { type: "string" },
    // Requests a minute per client; 0 leaves the limiter out. A limit far above the load measures
    // what the limiter itself costs a request.
    "rate-limit": { type: "string", default: "0" },
  },
  allowNegative: true,
})
const STAMPS = Number(args.stamps)
const DURATION = Number(args.duration)
const CONNECTIONS = Number(args.connections)
const HOT = Number(args.hot)
const BATCHES = 20
const SECRET = "bench-stamp-signing-secret-0123456789abcdef"
// Its own build of the service, so a build running elsewhere in the tree cannot change it mid-run.
const DIST = path.join(ROOT, "traceability", ".cache", "bench-resolver", "dist")
const log = (line) => console.error(`[bench] ${line}`)

if (args.build) {
  rmSync(DIST, { recursive: true, force: true })
  const tsc = path.join(ROOT, "node_modules", "typescript", "bin", "tsc")
  const project = path.join(ROOT, "traceability", "tsconfig.build.json")
  await run(process.execPath, [tsc, "-p", project, "--outDir", DIST], { quiet: true, label: "tsc" })
  // What tsc does not emit (SQL migrations, plain .js modules) is copied as it is.
  const src = path.join(ROOT, "traceability", "src")
  cpSync(src, DIST, {
    recursive: true,
    filter: (from) => statSync(from).isDirectory() || !from.endsWith(".ts"),
  })
}
const { migrate } = await import(path.join(DIST, "store/migrator.js"))
const { createSerial } = await import(path.join(DIST, "domain/serial.js"))
const { stampUri } = await import(path.join(DIST, "domain/digital-link.js"))
const { insertBatch } = await import(path.join(DIST, "store/batches.js"))
const { appendEvent } = await import(path.join(DIST, "store/events.js"))
const { findBatch } = await import(path.join(DIST, "store/batches.js"))

const postgres = await resolvePostgres({ log })
const database = await createTestDatabase(postgres.serverUrl, "bench_resolver")
const children = []
const pool = new pg.Pool({ connectionString: database.url, max: 4 })

async function cleanup() {
  for (const child of children) if (child.exitCode === null) child.kill("SIGTERM")
  await pool.end().catch(() => {})
  if (!args.keep) await database.drop().catch(() => {})
  await postgres.stop()
}

try {
  await migrate(database.url)
  const port = await freePort()
  const publicUrl = `http://127.0.0.1:${port}`

  // --- Seed: batches with a season of events, then the stamps with one COPY.
  const started = performance.now()
  const batches = []
  for (let i = 0; i < BATCHES; i++) batches.push(await seedBatch(i))
  const serials = new Array(STAMPS)
  const perBatch = Math.ceil(STAMPS / BATCHES)
  const client = await pool.connect()
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
            const serial = createSerial(SECRET)
            serials[n] = {
              serial,
              batchId: batch.id,
              path: new URL(
                stampUri({ baseUrl: publicUrl, serial, lotCode: batch.lotCode, gtin: batch.gtin }),
              ).pathname,
            }
            lines.push(
              `${serial}\t${batch.id}\t${publicUrl}${serials[n].path}\t${(n % perBatch) + 1}\n`,
            )
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
  await pool.query("VACUUM ANALYZE")
  const seedSeconds = (performance.now() - started) / 1000
  log(
    `seeded ${BATCHES} batches and ${STAMPS} stamps in ${seedSeconds.toFixed(1)} s (${database.url})`,
  )

  // --- The service, built, in production mode, rate limit off unless --rate-limit.
  const profile = args.profile ? ["--cpu-prof", `--cpu-prof-dir=${path.resolve(args.profile)}`] : []
  const serviceProcess = spawn(process.execPath, [...profile, path.join(DIST, "server.js")], {
    env: {
      ...process.env,
      NODE_ENV: "production",
      TRACEABILITY_DATABASE_URL: database.url,
      TRACEABILITY_PORT: String(port),
      TRACEABILITY_HOST: "127.0.0.1",
      TRACEABILITY_PUBLIC_URL: publicUrl,
      STAMP_SIGNING_SECRET: SECRET,
      JWT_SECRET: "bench-jwt-secret",
      RESOLVER_RATE_LIMIT: args["rate-limit"],
      LOG_LEVEL: "info",
      REDIS_URL: "",
    },
    stdio: ["ignore", "ignore", "inherit"],
  })
  children.push(serviceProcess)
  await waitForHttp(`${publicUrl}/health`, { timeoutMs: 30_000, child: serviceProcess })

  // One real answer becomes the bare server's constant body: same size on the wire.
  const sample = await fetch(`${publicUrl}${serials[0].path}`, {
    headers: { accept: "application/json" },
  })
  const body = await sample.text()
  if (sample.status !== 200) throw new Error(`sample scan answered ${sample.status}: ${body}`)
  const forgedBody = JSON.stringify({ verdict: "not_genuine" })
  const bare = await startBare(body, forgedBody)

  const randomStamp = () => serials[Math.floor(Math.random() * STAMPS)].path
  const hotStamp = () => serials[Math.floor(Math.random() * HOT)].path
  const forged = () => {
    const { path: p } = serials[Math.floor(Math.random() * STAMPS)]
    return `${p.slice(0, -1)}${p.endsWith("0") ? "1" : "0"}`
  }

  const results = []
  for (const [name, pick, barePath, status] of [
    ["JSON provenance, random stamps of all", randomStamp, "/", 200],
    [`JSON provenance, ${HOT} hot stamps`, hotStamp, "/", 200],
    ["forged-serial rejection", forged, "/forged", 404],
  ]) {
    if (args.only && !name.includes(args.only)) continue
    const service = await load(publicUrl, pick, status, serviceProcess.pid)
    const baseline = await load(bare.url, () => barePath, status, bare.pid)
    results.push({ name, service, baseline })
    log(`${name}: ${service.rps.toFixed(0)} vs ${baseline.rps.toFixed(0)} req/s`)
  }

  // A clean shutdown writes every buffered scan: the scan rows must match the 200s answered.
  const { rows: before } = await pool.query("SELECT count(*)::int AS n FROM scan")
  serviceProcess.kill("SIGTERM")
  await once(serviceProcess, "exit")
  const { rows: after } = await pool.query("SELECT count(*)::int AS n FROM scan")
  const { rows: summary } = await pool.query(
    "SELECT sum(scan_count)::int AS n FROM stamp_scan_summary",
  )
  const answered = 1 + results.slice(0, 2).reduce((sum, r) => sum + r.service.ok, 0)
  const sampled = Array.from({ length: 10 }, () => serials[Math.floor(Math.random() * STAMPS)])
  const explain = await explainHotQueries(sampled, batches[0].id)

  console.log(
    report({
      results,
      seedSeconds,
      answered,
      before: before[0].n,
      after: after[0].n,
      summary: summary[0].n,
      explain,
    }),
  )
} finally {
  await cleanup()
}

async function seedBatch(i) {
  const gtinBody = `893000000${String(100 + i).padStart(3, "0")}`
  const { gtinCheckDigit } = await import(path.join(DIST, "domain/digital-link.js"))
  const gtin = `0${gtinBody}${gtinCheckDigit(`0${gtinBody}`)}`
  const batch = await insertBatch(pool, {
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
      const locked = await findBatch(client, batch.id, { forUpdate: true })
      await appendEvent(
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
async function statements() {
  const { rows } = await pool.query(
    "SELECT xact_commit::bigint AS n FROM pg_stat_database WHERE datname = current_database()",
  )
  return Number(rows[0].n)
}

/** CPU time so far of each PostgreSQL backend serving the bench database (the service's pool). */
async function databaseCpu() {
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

/** A warm-up, then a measured run of DURATION seconds. */
async function load(base, pick, status, pid) {
  const options = (duration) => ({
    url: base,
    connections: CONNECTIONS,
    duration,
    headers: { accept: "application/json", "user-agent": "Zalo android" },
    requests: [
      {
        setupRequest: (request) => {
          request.path = pick()
          return request
        },
      },
    ],
  })
  const warm = await autocannon(options(3))
  const cpuBefore = cpuMs(pid)
  const databaseBefore = await databaseCpu()
  const statementsBefore = await statements()
  const result = await autocannon(options(DURATION))
  const cpu = cpuBefore === null ? null : cpuMs(pid) - cpuBefore
  const databaseUsed = databaseCpuSince(databaseBefore, await databaseCpu())
  // Statements the bench database ran meanwhile (less the one asking), per request answered.
  const perRequest = (await statements()) - statementsBefore - 1
  // Warm-up answers count too: each 200 is a scan the service must write.
  const ok = status === 200 ? result["2xx"] + warm["2xx"] : result.non2xx
  const wrong = status === 200 ? result.non2xx : result["2xx"]
  if (wrong > 0 || result.errors > 0 || result.timeouts > 0) {
    throw new Error(
      `${base}: ${wrong} unexpected statuses, ${result.errors} errors, ${result.timeouts} timeouts`,
    )
  }
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    ok,
    total: result.requests.total,
    // CPU per request of the server process alone: steadier than req/s on a busy machine.
    cpuUsPerRequest: cpu === null ? null : (cpu * 1000) / result.requests.total,
    queriesPerRequest: perRequest / result.requests.total,
    databaseUsPerRequest:
      databaseUsed === null ? null : (databaseUsed * 1000) / result.requests.total,
  }
}

async function explainHotQueries(serials, batchId) {
  const client = await pool.connect()
  const explain = async (sql, params) => {
    const { rows } = await client.query(`EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) ${sql}`, params)
    return rows.map((row) => row["QUERY PLAN"]).join("\n")
  }
  try {
    const stamps = await explain(
      `SELECT s.serial, s.batch_id, s.uri, s.state, s.issued_at,
              ss.scan_count, ss.first_scanned_at, ss.last_scanned_at, ss.flagged_at,
              nets.networks, nets.network_times
       FROM stamp s LEFT JOIN stamp_scan_summary ss ON ss.serial = s.serial
       LEFT JOIN LATERAL (
         SELECT array_agg(n.ip_prefix) AS networks, array_agg(n.last_scanned_at) AS network_times
         FROM (SELECT ip_prefix, last_scanned_at FROM stamp_network WHERE serial = s.serial
               ORDER BY last_scanned_at DESC LIMIT 64) n
       ) nets ON true
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

function report({ results, seedSeconds, answered, before, after, summary, explain }) {
  const ms = (value) => `${value.toFixed(0)} ms`
  const us = (value) => (value === null ? "n/a" : value.toFixed(0))
  const lines = [
    `Seeded ${BATCHES} batches (6 events each) and ${STAMPS.toLocaleString("en")} stamps in ${seedSeconds.toFixed(1)} s.`,
    `${CONNECTIONS} connections, ${DURATION} s per run after a 3 s warm-up.`,
    "",
    "| run | service req/s | service p99 | bare req/s | bare p99 | ratio | CPU µs/req service | CPU µs/req bare | SQL statements/req | database CPU µs/req |",
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ...results.map(
      ({ name, service, baseline }) =>
        `| ${name} | ${service.rps.toFixed(0)} | ${ms(service.p99)} | ${baseline.rps.toFixed(0)} | ${ms(baseline.p99)} | ${(service.rps / baseline.rps).toFixed(2)} | ${us(service.cpuUsPerRequest)} | ${us(baseline.cpuUsPerRequest)} | ${service.queriesPerRequest.toFixed(3)} | ${us(service.databaseUsPerRequest)} |`,
    ),
    "",
    `Scans counted by autocannon as answered: ${answered} (requests in flight when a run stops are answered but not counted, up to ${CONNECTIONS} per run); scan rows when the runs ended: ${before}, after SIGTERM: ${after}; sum of stamp_scan_summary.scan_count: ${summary}.`,
    "",
    "EXPLAIN (ANALYZE, BUFFERS) of the hot queries:",
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
