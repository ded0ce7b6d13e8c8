#!/usr/bin/env node
// Lighthouse on two (or more) storefront builds side by side, interleaved: on a shared, loaded
// machine a score means little, but variants measured in the same minutes can be compared.
//
//   node scripts/bench/lighthouse-ab.mjs --variant NAME=DIST_DIR --variant NAME=DIST_DIR
//                                        [--rounds 4] [--pages home,product,scan] [--json FILE]
//
// Each DIST_DIR is a production build already made with
// `NEXT_DIST_DIR=<dir> NODE_ENV=production npx next build`: a relative one in this tree's
// storefront/, an absolute one in another checkout's storefront/ (an older commit exported with
// `git archive`, node_modules copied with `cp -al`), whose `next start` runs from there. One seeded Medusa, one traceability service with
// the demo stamps (as scripts/bench/storefront.mjs sets them up) and one `next start` per variant,
// all on this machine. Then, for each round, every page on every variant in turn (the variants'
// order rotates each round). Lighthouse 13 mobile defaults (simulated throttling), as in the
// storefront budget. Reported per page and variant: medians of the score, TBT, LCP, FCP, the main
// thread's breakdown, each script's time, the long tasks and the LCP's observed subparts.
import { randomBytes } from "node:crypto"
import { cpSync, existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs"
import { createRequire } from "node:module"
import os from "node:os"
import path from "node:path"
import { parseArgs } from "node:util"
import { ensureDemoTrace } from "../lib/demo-trace.mjs"
import { ensureLighthouse, findSnippet, lighthouseReport } from "../lib/lighthouse.mjs"
import { createTestDatabase, ROOT, resolvePostgres } from "../lib/pg.mjs"
import { freePort, run, startService, stopService, waitForHttp } from "../lib/proc.mjs"
import { startSeededBackend } from "../lib/test-backend.mjs"

const { values: args } = parseArgs({
  options: {
    variant: { type: "string", multiple: true, default: [] },
    rounds: { type: "string", default: "4" },
    pages: { type: "string", default: "home,product,scan" },
    json: { type: "string" },
  },
})
const STOREFRONT = path.join(ROOT, "storefront")
const variants = args.variant.map((spec) => {
  const [name, given] = spec.split("=")
  if (!name || !given) throw new Error(`--variant ${spec}: expected NAME=DIST_DIR`)
  // A relative DIST_DIR is in this tree's storefront/; an absolute one is in another checkout's
  // storefront/ (an older commit's), whose server then runs from there.
  const cwd = path.isAbsolute(given) ? path.dirname(given) : STOREFRONT
  const dist = path.basename(given)
  if (!existsSync(path.join(cwd, dist, "BUILD_ID")))
    throw new Error(`--variant ${spec}: ${path.join(cwd, dist)} holds no production build`)
  return { name, dist, cwd }
})
if (variants.length < 2) throw new Error("give at least two --variant NAME=DIST_DIR")
const ROUNDS = Number(args.rounds)
const PAGES = args.pages.split(",")
const PRODUCT = "gao-seng-cu-gia-phu-5kg"
const TRACE_DIST = path.join(ROOT, "traceability", ".cache", "bench-lighthouse-ab", "dist")
const require = createRequire(import.meta.url)
const NEXT = require.resolve("next/dist/bin/next", { paths: [STOREFRONT] })
const log = (line) => console.error(`[ab] ${line}`)
const quiet = () => {}
const LIGHTHOUSE = ensureLighthouse(log)

async function buildTraceability() {
  rmSync(TRACE_DIST, { recursive: true, force: true })
  const tsc = path.join(ROOT, "node_modules", "typescript", "bin", "tsc")
  const project = path.join(ROOT, "traceability", "tsconfig.build.json")
  await run(process.execPath, [tsc, "-p", project, "--outDir", TRACE_DIST], {
    quiet: true,
    label: "tsc",
  })
  cpSync(path.join(ROOT, "traceability", "src"), TRACE_DIST, {
    recursive: true,
    filter: (from) => statSync(from).isDirectory() || !from.endsWith(".ts"),
  })
}

const median = (values) => {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b)
  if (!sorted.length) return Number.NaN
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}
const shortUrl = (url) => url.replace(/^https?:\/\/[^/]+/, "").replace(/^\/_next\/static\//, "")

/** One Lighthouse run; the numbers that say where the main thread's time went. */
async function lighthouse(url, tmp) {
  const report = await lighthouseReport(LIGHTHOUSE, url, tmp)
  const audit = (id) => report.audits[id]
  const items = (id) => audit(id)?.details?.items ?? []
  const longTasks = items("long-tasks")
  return {
    performance: Math.round(report.categories.performance.score * 100),
    accessibility: Math.round(report.categories.accessibility.score * 100),
    benchmarkIndex: report.environment?.benchmarkIndex,
    fcp: audit("first-contentful-paint").numericValue,
    lcp: audit("largest-contentful-paint").numericValue,
    tbt: audit("total-blocking-time").numericValue,
    transferKiB: audit("total-byte-weight").numericValue / 1024,
    mainThread: Object.fromEntries(
      items("mainthread-work-breakdown").map((i) => [i.group, i.duration]),
    ),
    scripts: Object.fromEntries(
      items("bootup-time").map((i) => [
        shortUrl(i.url),
        { scripting: i.scripting, parse: i.scriptParseCompile },
      ]),
    ),
    longTasks: {
      count: longTasks.length,
      total: longTasks.reduce((s, t) => s + t.duration, 0),
      list: longTasks.map((t) => `${shortUrl(t.url)} ${Math.round(t.duration)}`),
    },
    lcpElement: findSnippet(audit("lcp-breakdown-insight")?.details),
    lcpParts: Object.fromEntries(
      (audit("lcp-breakdown-insight")?.details?.items?.[0]?.items ?? [])
        .filter((i) => i.subpart)
        .map((i) => [i.subpart, i.duration]),
    ),
    failed: report.categories.performance.auditRefs
      .filter((ref) => ref.weight > 0 && (audit(ref.id)?.score ?? 1) < 1)
      .map((ref) => ref.id),
  }
}

const children = []
let backend
let tracePg
let traceDb
const tmp = mkdtempSync(path.join(os.tmpdir(), "bench-lighthouse-ab-"))
try {
  const loadBefore = os.loadavg()
  log("building the traceability service, booting a seeded backend")
  const [seeded, traced] = await Promise.allSettled([
    startSeededBackend({ log: quiet }),
    (async () => {
      await buildTraceability()
      tracePg = await resolvePostgres({ log: quiet })
      traceDb = await createTestDatabase(tracePg.serverUrl, "coop_trace_ab")
      await run(process.execPath, [path.join(TRACE_DIST, "store", "migrate-cli.js")], {
        env: { ...process.env, TRACEABILITY_DATABASE_URL: traceDb.url },
        quiet: true,
        label: "traceability migrate",
      })
    })(),
  ])
  if (seeded.status === "fulfilled") backend = seeded.value
  for (const step of [seeded, traced]) if (step.status === "rejected") throw step.reason

  const tracePort = await freePort()
  const traceUrl = `http://127.0.0.1:${tracePort}`
  const storefrontPorts = await Promise.all(variants.map(() => freePort()))
  const traceability = startService(
    "traceability",
    process.execPath,
    [path.join(TRACE_DIST, "server.js")],
    {
      env: {
        ...process.env,
        NODE_ENV: "production",
        TRACEABILITY_DATABASE_URL: traceDb.url,
        TRACEABILITY_PORT: String(tracePort),
        TRACEABILITY_HOST: "127.0.0.1",
        TRACEABILITY_PUBLIC_URL: traceUrl,
        STOREFRONT_URL: `http://localhost:${storefrontPorts[0]}`,
        STAMP_SIGNING_SECRET: randomBytes(32).toString("hex"),
        JWT_SECRET: backend.jwtSecret,
        MEDUSA_BACKEND_URL: backend.url,
        RESOLVER_RATE_LIMIT: "0",
        LOG_LEVEL: "warn",
        REDIS_URL: "",
      },
      onLine: quiet,
    },
  )
  children.push(traceability)
  await waitForHttp(`${traceUrl}/health`, { child: traceability })
  const demo = await ensureDemoTrace({
    backendUrl: backend.url,
    traceabilityUrl: traceUrl,
    publishableKey: backend.publishableKey,
    jwtSecret: backend.jwtSecret,
    statePath: path.join(tmp, "demo-trace.json"),
  })
  const serial = new URL(demo.stampUrl).pathname.split("/").pop()

  for (const [i, variant] of variants.entries()) {
    const port = storefrontPorts[i]
    const child = startService(
      `storefront ${variant.name}`,
      process.execPath,
      [NEXT, "start", "-p", String(port)],
      {
        cwd: variant.cwd,
        env: {
          ...process.env,
          NODE_ENV: "production",
          NEXT_DIST_DIR: variant.dist,
          MEDUSA_BACKEND_URL: backend.url,
          NEXT_PUBLIC_MEDUSA_PUBLISHABLE_KEY: backend.publishableKey,
          TRACEABILITY_URL: traceUrl,
          STOREFRONT_REVALIDATE_SECRET: randomBytes(32).toString("hex"),
        },
        onLine: quiet,
      },
    )
    children.push(child)
    variant.origin = `http://localhost:${port}`
    await waitForHttp(`${variant.origin}/vi`, { child })
  }
  const paths = { home: "/vi", product: `/vi/products/${PRODUCT}`, scan: `/vi/trace/${serial}` }
  for (const variant of variants)
    for (const page of PAGES) {
      // First requests render and cache the catalogue pages; Lighthouse sees the cached HTML.
      for (let i = 0; i < 2; i++) {
        const response = await fetch(`${variant.origin}${paths[page]}`)
        if (response.status !== 200)
          throw new Error(`${variant.name} ${page}: HTTP ${response.status}`)
        await response.text()
      }
    }

  const results = {} // page -> variant -> runs
  for (let round = 0; round < ROUNDS; round++) {
    const order = variants.map((_, i) => variants[(i + round) % variants.length])
    for (const page of PAGES)
      for (const variant of order) {
        const result = await lighthouse(`${variant.origin}${paths[page]}`, tmp)
        results[page] ??= {}
        results[page][variant.name] ??= []
        results[page][variant.name].push(result)
        log(
          `round ${round + 1} ${page} ${variant.name}: performance ${result.performance}, TBT ${Math.round(result.tbt)} ms, LCP ${Math.round(result.lcp)} ms, script evaluation ${Math.round(result.mainThread.scriptEvaluation ?? 0)} ms, benchmarkIndex ${result.benchmarkIndex}, load ${os.loadavg()[0].toFixed(1)}`,
        )
        // Written after every run, so an interrupted comparison keeps what it measured.
        if (args.json)
          writeFileSync(
            args.json,
            `${JSON.stringify({ partial: true, variants, results }, null, 2)}\n`,
          )
      }
  }
  const loadAfter = os.loadavg()
  const output = {
    date: new Date().toISOString(),
    loadBefore,
    loadAfter,
    rounds: ROUNDS,
    variants,
    results,
  }
  if (args.json) writeFileSync(args.json, `${JSON.stringify(output, null, 2)}\n`)

  const ms = (v) => (Number.isFinite(v) ? `${Math.round(v)}` : "-")
  const out = [
    `Load average ${loadBefore.map((l) => l.toFixed(2)).join(" / ")} before, ${loadAfter.map((l) => l.toFixed(2)).join(" / ")} after; ${ROUNDS} interleaved rounds, medians.`,
    "",
    "| page | variant | performance (runs) | TBT ms | LCP ms | FCP ms | script eval ms | parse+compile ms | style+layout ms | long tasks (count, ms) | transferred | benchmarkIndex |",
    "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
  ]
  const group = (runs, name) => median(runs.map((r) => r.mainThread[name] ?? 0))
  for (const page of PAGES)
    for (const variant of variants) {
      const runs = results[page][variant.name]
      out.push(
        `| ${page} | ${variant.name} | ${median(runs.map((r) => r.performance))} (${runs.map((r) => r.performance).join(", ")}) | ${ms(median(runs.map((r) => r.tbt)))} | ${ms(median(runs.map((r) => r.lcp)))} | ${ms(median(runs.map((r) => r.fcp)))} | ${ms(group(runs, "scriptEvaluation"))} | ${ms(group(runs, "scriptParseCompile"))} | ${ms(group(runs, "styleLayout"))} | ${median(runs.map((r) => r.longTasks.count))}, ${ms(median(runs.map((r) => r.longTasks.total)))} | ${median(runs.map((r) => r.transferKiB)).toFixed(1)} KiB | ${ms(median(runs.map((r) => r.benchmarkIndex)))} |`,
      )
    }
  out.push("")
  for (const page of PAGES)
    for (const variant of variants) {
      const runs = results[page][variant.name]
      const parts = [...new Set(runs.flatMap((r) => Object.keys(r.lcpParts)))]
        .map((part) => `${part} ${ms(median(runs.map((r) => r.lcpParts[part])))}`)
        .join(", ")
      const scripts = [...new Set(runs.flatMap((r) => Object.keys(r.scripts)))]
        .map((url) => [url, median(runs.map((r) => r.scripts[url]?.scripting ?? 0))])
        .sort((a, b) => b[1] - a[1])
        .slice(0, 4)
        .map(([url, v]) => `${url} ${ms(v)}`)
        .join(", ")
      out.push(
        `- ${page} / ${variant.name}: LCP \`${runs[0].lcpElement ?? "?"}\` (observed ms: ${parts}); scripting: ${scripts}; long tasks (last run): ${runs.at(-1).longTasks.list.join(", ")}; not passed: ${[...new Set(runs.flatMap((r) => r.failed))].join(", ")}`,
      )
    }
  console.log(out.join("\n"))
} finally {
  await Promise.all(children.map((child) => stopService(child)))
  await traceDb?.drop().catch((error) => log(`drop trace database: ${error.message}`))
  await backend?.stop()
  await tracePg?.stop()
  rmSync(tmp, { recursive: true, force: true })
}
