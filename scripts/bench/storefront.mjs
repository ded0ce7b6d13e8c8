#!/usr/bin/env node
// Storefront budget (issue 7): Lighthouse mobile performance and accessibility of the home, a
// product and a stamp (scan) page of a production build, the stamp page's transferred bytes and
// JavaScript, and throughput of the product and stamp pages against the backend and
// traceability endpoints they read, all in one run on one machine.
//
//   node scripts/bench/storefront.mjs [--runs 3] [--duration 15] [--connections 20]
//                                     [--json FILE] [--no-build] [--dist-dir DIR]
//
// Boots (scripts/lib/bench-stack.mjs) a seeded Medusa (fresh database, NODE_ENV=production, no
// Redis: plain Medusa) and builds the storefront (storefront/.next-bench, or --dist-dir;
// --no-build reuses it) and the traceability service (traceability/.cache/bench-storefront) side
// by side, migrates a fresh traceability database,
// starts the service (rate limit off) and sets up the demo batches with their events and stamps
// (scripts/lib/demo-trace.mjs), then `next start`. Lighthouse 13 runs --runs times per page with
// its default mobile emulation and throttling (Debian's chromium, Accept-Language: vi); the
// median run by performance score is reported. autocannon then loads each page and its endpoint
// for --duration s with --connections connections, one after the other. Progress goes to stderr,
// the results (Markdown) to stdout, and to --json FILE as JSON when given.
import { spawnSync } from "node:child_process"
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs"
import os from "node:os"
import path from "node:path"
import { postSigned } from "@coop/contracts/signature"
import autocannon from "autocannon"
import {
  benchArgs,
  benchStack,
  log,
  machineInfo,
  machineLine,
  storefrontProductFields,
  totalCalls,
} from "../lib/bench-stack.mjs"
import { ensureLighthouse, findSnippet, lighthouseReport } from "../lib/lighthouse.mjs"

const { args, numbers } = benchArgs(
  {
    runs: { type: "string", default: "3" },
    duration: { type: "string", default: "15" },
    connections: { type: "string", default: "20" },
  },
  { distDir: ".next-bench", positive: ["runs", "duration", "connections"] },
)
const { runs: RUNS, duration: DURATION, connections: CONNECTIONS } = numbers
const LIGHTHOUSE = ensureLighthouse(log)
const PRODUCT = "gao-seng-cu-gia-phu-5kg"

/** CPU time (ms) used so far by a process group (Linux /proc; clock ticks of 10 ms). */
function groupCpuMs(pgid) {
  if (!pgid) return 0
  const found = spawnSync("pgrep", ["-g", String(pgid)], { encoding: "utf8" }).stdout ?? ""
  let ticks = 0
  for (const pid of found.split(/\s+/).filter(Boolean)) {
    try {
      // Fields after the command's closing parenthesis; utime and stime are the 12th and 13th.
      const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ")
      ticks += Number(fields[11]) + Number(fields[12])
    } catch {
      // The process ended meanwhile.
    }
  }
  return ticks * 10
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]

/** One Lighthouse run (mobile defaults); the parts of its report we keep. */
async function lighthouse(url, tmp) {
  const report = await lighthouseReport(LIGHTHOUSE, url, tmp)
  const audit = (id) => report.audits[id]
  const requests = audit("network-requests")?.details?.items ?? []
  const scripts = requests.filter((r) => r.resourceType === "Script")
  const failed = (category) =>
    report.categories[category].auditRefs
      .filter((ref) => ref.weight > 0 && (audit(ref.id)?.score ?? 1) < 1)
      .map((ref) => `${ref.id} (${audit(ref.id).displayValue ?? audit(ref.id).score})`)
  return {
    performance: Math.round(report.categories.performance.score * 100),
    accessibility: Math.round(report.categories.accessibility.score * 100),
    fcpMs: Math.round(audit("first-contentful-paint").numericValue),
    lcpMs: Math.round(audit("largest-contentful-paint").numericValue),
    tbtMs: Math.round(audit("total-blocking-time").numericValue),
    cls: Number(audit("cumulative-layout-shift").numericValue.toFixed(3)),
    transferBytes: audit("total-byte-weight").numericValue,
    requests: requests.length,
    scriptTransferBytes: scripts.reduce((sum, r) => sum + (r.transferSize ?? 0), 0),
    scriptBytes: scripts.reduce((sum, r) => sum + (r.resourceSize ?? 0), 0),
    scripts: scripts.length,
    below: { performance: failed("performance"), accessibility: failed("accessibility") },
    // Where the time goes: the LCP element and the scripts that keep the main thread busiest.
    lcpElement: findSnippet(audit("lcp-breakdown-insight")?.details),
    // Observed (unthrottled) LCP subparts: time to first byte, resource load delay and duration.
    lcpParts: (audit("lcp-breakdown-insight")?.details?.items?.[0]?.items ?? [])
      .filter((item) => item.subpart)
      .map((item) => `${item.subpart} ${Math.round(item.duration)} ms`),
    busiestScripts: (audit("bootup-time")?.details?.items ?? [])
      .sort((a, b) => b.scripting - a.scripting)
      .slice(0, 3)
      .map(
        (item) => `${item.url.replace(/^https?:\/\/[^/]+/, "")} ${Math.round(item.scripting)} ms`,
      ),
  }
}

async function load(name, url, headers = {}) {
  // One request first, so the run starts on fresh cache entries (a stale one is refetched in the
  // background by every request that sees it until one refetch lands: see docs/benchmarks.md).
  await fetch(url, { headers })
  for (const proxy of proxies) proxy.take()
  const cpuBefore = groupCpuMs(storefrontPid)
  const result = await autocannon({ url, connections: CONNECTIONS, duration: DURATION, headers })
  const storefrontCpuMs = groupCpuMs(storefrontPid) - cpuBefore
  const [backendCalls, traceCalls] = proxies.map((proxy) => totalCalls(proxy.take()))
  const perRequest = (calls) => Number((calls / Math.max(1, result.requests.total)).toFixed(3))
  const row = {
    storefrontCpuMsPerRequest: perRequest(storefrontCpuMs),
    backendCallsPerRequest: perRequest(backendCalls),
    traceabilityCallsPerRequest: perRequest(traceCalls),
    name,
    url,
    requestsPerSecond: Math.round(result.requests.average),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  }
  log(
    `${name}: ${row.requestsPerSecond} req/s, p50 ${row.p50Ms} ms, p99 ${row.p99Ms} ms, non-2xx ${row.non2xx}, errors ${row.errors}`,
  )
  return row
}

/** The storefront's process group, whose CPU time is read around each page's load. */
let storefrontPid = 0
/** The counting proxies in front of the backend and the traceability service. */
let proxies = []
const stack = benchStack({
  build: args.build,
  distDir: args["dist-dir"],
  traceability: { name: "bench-storefront", database: "coop_trace_bench" },
  revalidate: true,
  proxy: true,
})
const tmp = mkdtempSync(path.join(os.tmpdir(), "bench-storefront-"))

try {
  const loadBefore = os.loadavg()
  const { backend, storefrontUrl, revalidateSecret, traceUrl, serial } = await stack.start()
  proxies = [stack.backendProxy, stack.traceProxy]
  storefrontPid = stack.storefront.pid

  const pages = {
    home: `${storefrontUrl}/vi`,
    product: `${storefrontUrl}/vi/products/${PRODUCT}`,
    // Without the resolver's `scan` parameter: reading the verdict counts no scan.
    scan: `${storefrontUrl}/vi/trace/${serial}`,
  }
  for (const url of Object.values(pages)) {
    const response = await fetch(url)
    if (response.status !== 200) throw new Error(`${url}: HTTP ${response.status}`)
  }

  // (a), (b) Lighthouse, page after page.
  const lighthouseResults = {}
  for (const [name, url] of Object.entries(pages)) {
    const runs = []
    for (let i = 0; i < RUNS; i++) {
      runs.push(await lighthouse(url, tmp))
      log(
        `lighthouse ${name} #${i + 1}: performance ${runs.at(-1).performance}, accessibility ${runs.at(-1).accessibility}`,
      )
    }
    const mid = median(runs.map((r) => r.performance))
    lighthouseResults[name] = {
      ...runs.find((r) => r.performance === mid),
      performanceRuns: runs.map((r) => r.performance),
      accessibilityRuns: runs.map((r) => r.accessibility),
    }
  }

  // (c) Throughput: each page, then the endpoint behind it, in this run.
  const { regions } = await (
    await fetch(`${backend.url}/store/regions?fields=id,currency_code`, {
      headers: { "x-publishable-api-key": backend.publishableKey },
    })
  ).json()
  const region = regions.find((r) => r.currency_code === "vnd")
  const productQuery = new URLSearchParams({
    handle: PRODUCT,
    limit: "1",
    region_id: region.id,
    fields: storefrontProductFields(),
  })
  // What one revalidation costs: a signed `products` revalidation (what the backend posts after a
  // price change), then as many simultaneous product page requests as the load test's connections.
  const revalidateBody = JSON.stringify({ tags: ["products"] })
  const refused = await postSigned(
    `${storefrontUrl}/api/revalidate`,
    revalidateBody,
    revalidateSecret,
    10_000,
  )
  if (refused) throw new Error(`revalidate: ${refused}`)
  for (const proxy of proxies) proxy.take()
  await Promise.all(
    Array.from({ length: CONNECTIONS }, () => fetch(pages.product).then((r) => r.text())),
  )
  const afterRevalidation = {
    pageRequests: CONNECTIONS,
    backendCalls: totalCalls(proxies[0].take()),
  }
  log(
    `after a revalidation, ${CONNECTIONS} simultaneous product pages made ${afterRevalidation.backendCalls} backend calls`,
  )

  const throughput = [
    await load("product page", pages.product),
    await load("backend /store/products?handle=", `${backend.url}/store/products?${productQuery}`, {
      "x-publishable-api-key": backend.publishableKey,
    }),
    await load("stamp page", pages.scan),
    await load(
      "traceability /stamps/{serial}/provenance",
      `${traceUrl}/stamps/${serial}/provenance`,
      {
        accept: "application/json",
      },
    ),
  ]
  const machine = machineInfo(loadBefore)
  const results = {
    date: new Date().toISOString(),
    machine,
    runs: RUNS,
    duration: DURATION,
    connections: CONNECTIONS,
    lighthouse: lighthouseResults,
    afterRevalidation,
    throughput,
  }
  if (args.json) writeFileSync(args.json, `${JSON.stringify(results, null, 2)}\n`)

  const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`
  const out = []
  out.push(machineLine(machine))
  out.push(
    "",
    `Lighthouse 13, mobile (default throttling), median of ${RUNS} runs by performance score:`,
    "",
  )
  out.push(
    "| page | performance (runs) | accessibility (runs) | FCP | LCP | TBT | CLS | transferred | JS transferred (files) | JS size |",
  )
  out.push("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |")
  for (const [name, r] of Object.entries(lighthouseResults)) {
    out.push(
      `| ${name} | ${r.performance} (${r.performanceRuns.join(", ")}) | ${r.accessibility} (${r.accessibilityRuns.join(", ")}) | ${r.fcpMs} ms | ${r.lcpMs} ms | ${r.tbtMs} ms | ${r.cls} | ${kb(r.transferBytes)} in ${r.requests} requests | ${kb(r.scriptTransferBytes)} (${r.scripts}) | ${kb(r.scriptBytes)} |`,
    )
  }
  for (const [name, r] of Object.entries(lighthouseResults)) {
    for (const category of ["performance", "accessibility"]) {
      if (r.below[category].length)
        out.push(`- ${name}, ${category} audits not passed: ${r.below[category].join(", ")}`)
    }
    out.push(
      `- ${name}: LCP element \`${r.lcpElement ?? "?"}\` (observed: ${r.lcpParts.join(", ")}); busiest scripts (scripting time): ${r.busiestScripts.join(", ")}`,
    )
  }
  out.push(
    "",
    `autocannon, ${CONNECTIONS} connections, ${DURATION} s each, one after the other:`,
    "",
  )
  out.push(
    "| target | requests/s | p50 | p99 | non-2xx | errors | calls to backend / traceability per request | storefront CPU per request |",
    "| --- | --- | --- | --- | --- | --- | --- | --- |",
  )
  for (const t of throughput)
    out.push(
      `| ${t.name} | ${t.requestsPerSecond} | ${t.p50Ms} ms | ${t.p99Ms} ms | ${t.non2xx} | ${t.errors} | ${t.backendCallsPerRequest} / ${t.traceabilityCallsPerRequest} | ${t.name.endsWith("page") ? `${t.storefrontCpuMsPerRequest} ms` : "-"} |`,
    )
  out.push(
    "",
    `After a signed \`products\` revalidation, ${afterRevalidation.pageRequests} simultaneous product page requests made ${afterRevalidation.backendCalls} backend call(s).`,
  )
  const ratio = (a, b) =>
    b.requestsPerSecond ? (a.requestsPerSecond / b.requestsPerSecond).toFixed(1) : "∞"
  out.push(
    "",
    `Product page / its endpoint: ${ratio(throughput[0], throughput[1])}×; stamp page / its endpoint: ${ratio(throughput[2], throughput[3])}×`,
  )
  console.log(out.join("\n"))
} finally {
  await stack.stop()
  rmSync(tmp, { recursive: true, force: true })
}
