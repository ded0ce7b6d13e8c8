#!/usr/bin/env node
// Stamp issuance benchmark (not a test): stamps per second from the issuing request to the
// finished PDF sheet, for 10,000 stamps, against the bare `qrcode` generation rate (QRCode.create
// for 10,000 URIs of the same shape) measured in the same run. Records nothing itself: copy the
// summary into docs/benchmarks.md.
//
//   node scripts/bench/issuance.mjs [--count 10000] [--runs 3] [--no-build]
//
// PostgreSQL: DATABASE_URL's server when set, otherwise the embedded one. The service runs as a
// child process (NODE_ENV=production) from its own build in traceability/.cache/bench-issuance,
// so a build elsewhere in the tree cannot change it mid-run; a tiny stand-in for the backend
// answers its product lookup. STAMP_SHEET_THREADS, when set, passes through to the service.
import { spawn, spawnSync } from "node:child_process"
import { randomInt } from "node:crypto"
import { cpSync, readFileSync, rmSync, statSync } from "node:fs"
import http from "node:http"
import net from "node:net"
import path from "node:path"
import { parseArgs } from "node:util"
import QRCode from "qrcode"
import { signedToken } from "../lib/demo-trace.mjs"
import { createTestDatabase, ROOT, resolvePostgres } from "../lib/pg.mjs"

const { values: args } = parseArgs({
  options: {
    count: { type: "string", default: "10000" },
    runs: { type: "string", default: "3" },
    "no-build": { type: "boolean", default: false },
  },
})
const COUNT = Number(args.count)
const RUNS = Number(args.runs)
const SERVICE_DIR = path.join(ROOT, "traceability")
const DIST = path.join(SERVICE_DIR, ".cache", "bench-issuance", "dist")
const JWT_SECRET = "bench-jwt-secret-bench-jwt-secret"
const SELLER = "sel_bench_htx"
const GTIN = "08930000000019"
const CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
const CLOCK_TICKS = Number(spawnSync("getconf", ["CLK_TCK"]).stdout?.toString().trim()) || 100

const freePort = () =>
  new Promise((resolve) => {
    const server = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address()
      server.close(() => resolve(port))
    })
  })

const token = () =>
  signedToken(
    JWT_SECRET,
    {
      actor_id: "bench_member",
      actor_type: "seller_member",
      app_metadata: { seller_id: SELLER, role: "owner" },
    },
    3600,
  )

/** The backend's product lookup, for the one product the bench prints stamps of. */
function fakeBackend(port) {
  const product = {
    id: "prod_bench_rice",
    title: "Gạo Séng Cù Gia Phú (túi 5 kg)",
    handle: "gao-seng-cu",
    thumbnail: null,
    status: "published",
    variants: [{ id: "v1", sku: "GAO", ean: GTIN.slice(1), upc: null, barcode: null }],
    seller: {
      id: SELLER,
      handle: "htx-bench",
      name: "HTX Nông nghiệp Gia Phú",
      kind: "cooperative",
      address: "Thôn Phú Hà, xã Gia Phú",
      commune_code: "02923",
      commune_name: "Xã Gia Phú",
      province_code: "15",
      province_name: "Tỉnh Lào Cai",
      village_name: null,
      phone: null,
      state: "approved",
      state_changed_at: null,
    },
  }
  const server = http.createServer((req, res) => {
    const found = req.url?.startsWith(`/seller/products/${product.id}`)
    res.writeHead(found ? 200 : 404, { "content-type": "application/json" })
    res.end(JSON.stringify(found ? { product } : { message: "not found" }))
  })
  return new Promise((resolve) => server.listen(port, "127.0.0.1", () => resolve(server)))
}

function run(command, argv, env) {
  const result = spawnSync(command, argv, { cwd: SERVICE_DIR, env, stdio: "inherit" })
  if (result.status !== 0) throw new Error(`${command} ${argv.join(" ")} failed`)
}

async function waitForHealth(base) {
  for (let i = 0; i < 200; i++) {
    try {
      if ((await fetch(`${base}/health`)).ok) return
    } catch {}
    await new Promise((r) => setTimeout(r, 100))
  }
  throw new Error("the service did not start")
}

async function call(base, method, pathname, body, headers = {}) {
  const response = await fetch(`${base}${pathname}`, {
    method,
    headers: {
      authorization: `Bearer ${token()}`,
      ...(body ? { "content-type": "application/json" } : {}),
      ...headers,
    },
    body: body ? JSON.stringify(body) : undefined,
  })
  const json = await response.json()
  if (response.status >= 400) throw new Error(`${method} ${pathname}: ${JSON.stringify(json)}`)
  return { status: response.status, body: json }
}

/** CPU time (user + system, all threads) the service process has used, in ms (Linux /proc). */
function serviceCpuMs() {
  try {
    const fields = readFileSync(`/proc/${service.pid}/stat`, "utf8").split(") ")[1].split(" ")
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS
  } catch {
    return Number.NaN
  }
}

/** Request -> job done -> whole PDF read; returns the times in ms and the PDF size. */
async function issueToPdf(base, run) {
  const cpuBefore = serviceCpuMs()
  const batch = await call(base, "POST", "/batches", {
    product_id: "prod_bench_rice",
    lot_code: `BENCH-${String(Date.now()).slice(-6)}-${run}`,
    quantity: 1000,
    unit: "kg",
  })
  const started = performance.now()
  const issued = await call(
    base,
    "POST",
    `/batches/${batch.body.id}/stamps`,
    { count: COUNT },
    {
      "idempotency-key": `bench-${run}`,
    },
  )
  let job = issued.body.job
  while (job.state !== "done") {
    if (job.state === "failed") throw new Error(`job failed: ${job.error}`)
    await new Promise((r) => setTimeout(r, 20))
    job = (await call(base, "GET", `/stamp-jobs/${job.id}`)).body
  }
  const issuedAt = performance.now()
  const pdf = await fetch(`${base}${job.links.sheet_pdf}`, {
    headers: { authorization: `Bearer ${token()}` },
  })
  const bytes = Buffer.from(await pdf.arrayBuffer())
  if (pdf.status !== 200 || bytes.subarray(0, 5).toString() !== "%PDF-") throw new Error("no PDF")
  const finished = performance.now()
  return {
    total: finished - started,
    issue: issuedAt - started,
    pdf: finished - issuedAt,
    bytes: bytes.length,
    cpu: serviceCpuMs() - cpuBefore,
  }
}

/** QRCode.create for COUNT URIs shaped like the service's, at the same error correction. */
function bareQr(publicUrl) {
  const uris = Array.from({ length: COUNT }, () => {
    let serial = ""
    for (let i = 0; i < 20; i++) serial += CROCKFORD[randomInt(32)]
    return `${publicUrl}/01/${GTIN}/10/BENCH-170000-0/21/${serial}`
  })
  const started = performance.now()
  const cpu = process.cpuUsage()
  for (const uri of uris) QRCode.create(uri, { errorCorrectionLevel: "M" })
  const used = process.cpuUsage(cpu)
  return { wall: performance.now() - started, cpu: (used.user + used.system) / 1000 }
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]
const rate = (ms) => Math.round((COUNT / ms) * 1000)

const postgres = await resolvePostgres({ log: (line) => console.error(line) })
const database = await createTestDatabase(postgres.serverUrl, "bench_issuance")
const [port, backendPort] = [await freePort(), await freePort()]
const base = `http://127.0.0.1:${port}`
const backend = await fakeBackend(backendPort)
const env = {
  ...process.env,
  NODE_ENV: "production",
  TRACEABILITY_DATABASE_URL: database.url,
  TRACEABILITY_PORT: String(port),
  TRACEABILITY_HOST: "127.0.0.1",
  TRACEABILITY_PUBLIC_URL: base,
  MEDUSA_BACKEND_URL: `http://127.0.0.1:${backendPort}`,
  STAMP_SIGNING_SECRET: "bench-stamp-signing-secret-0123456789",
  JWT_SECRET,
  LOG_LEVEL: "warn",
  RESOLVER_RATE_LIMIT: "0",
  // Runs add up to more than a seller's daily stamp quota.
  STAMP_DAILY_QUOTA: "0",
}
if (!args["no-build"]) {
  rmSync(DIST, { recursive: true, force: true })
  const tsc = path.join(ROOT, "node_modules", "typescript", "bin", "tsc")
  run(process.execPath, [tsc, "-p", "tsconfig.build.json", "--outDir", DIST], env)
  // What tsc does not emit (SQL migrations, plain .js modules) is copied as it is.
  cpSync(path.join(SERVICE_DIR, "src"), DIST, {
    recursive: true,
    filter: (from) => statSync(from).isDirectory() || !from.endsWith(".ts"),
  })
}
run(process.execPath, [path.join(DIST, "store/migrate-cli.js")], env)
const service = spawn(process.execPath, [path.join(DIST, "server.js")], {
  cwd: SERVICE_DIR,
  env,
  stdio: "inherit",
})

try {
  await waitForHealth(base)
  await issueToPdf(base, "w") // JIT, font parsing, pools
  const bare = []
  const pipeline = []
  for (let i = 0; i < RUNS; i++) {
    // Interleaved, so a busy neighbour on the machine weighs on both sides alike.
    bare.push(bareQr(base))
    pipeline.push(await issueToPdf(base, i))
  }
  const bareMs = median(bare.map((b) => b.wall))
  const bareCpu = median(bare.map((b) => b.cpu))
  const totals = pipeline.map((p) => p.total)
  const best = pipeline.find((p) => p.total === median(totals))
  console.log(`\nstamp issuance, ${COUNT} stamps, median of ${RUNS} runs (node ${process.version})`)
  console.log(`  bare QRCode.create:          ${Math.round(bareMs)} ms  = ${rate(bareMs)} codes/s`)
  console.log(
    `  request -> job done -> PDF:  ${Math.round(best.total)} ms  = ${rate(best.total)} stamps/s`,
  )
  console.log(`    issue (job, DB):           ${Math.round(best.issue)} ms`)
  console.log(
    `    PDF sheet (render, read):  ${Math.round(best.pdf)} ms, ${(best.bytes / 1e6).toFixed(1)} MB`,
  )
  console.log(`  ratio (pipeline / bare):     ${(bareMs / best.total).toFixed(2)}`)
  console.log(
    `  CPU: bare ${Math.round(bareCpu)} ms; service ${Math.round(best.cpu)} ms for the pipeline (all threads)`,
  )
  const walls = bare.map((b) => Math.round(b.wall))
  console.log(
    `  runs: bare ${walls.join(", ")} ms; pipeline ${totals.map(Math.round).join(", ")} ms`,
  )
} finally {
  service.kill("SIGTERM")
  await new Promise((resolve) => service.once("exit", resolve))
  backend.close()
  await database.drop()
  await postgres.stop()
}
