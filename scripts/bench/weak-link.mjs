#!/usr/bin/env node
// The stamp page on a weak connection (issue 19): a cold visit in Chromium throttled to
// 400 kbit/s down and up with 400 ms round trips, timed from the first byte of the page's answer
// to the verdict's words being painted.
//
//   node scripts/bench/weak-link.mjs [--runs 5] [--url URL] [--json FILE] [--no-build]
//                                    [--dist-dir DIR]
//
// With --url, measures that stamp page (a running storefront; e.g. http://localhost:8000/vi/trace/
// SERIAL). Without it, boots what scripts/bench/storefront.mjs boots (scripts/lib/bench-stack.mjs):
// a seeded Medusa, a production build of the storefront (storefront/.next-bench-weak, or
// --dist-dir; --no-build reuses it) and of the traceability
// service, the demo batches and stamps (scripts/lib/demo-trace.mjs), then `next start`, and
// measures the demo stamp's page (a genuine verdict; without the resolver's `scan` parameter, so
// no scan is counted).
//
// Each run is a fresh browser context (no cache, no cookies) with the cache disabled through CDP
// (Network.setCacheDisabled) and Network.emulateNetworkConditions at 400 kbit/s and 400 ms. The
// verdict's title carries `elementtiming="verdict"` (components/trace/trace-verdict.tsx): the
// Element Timing entry's renderTime is when its text was painted, fonts and styles included. The
// time reported is renderTime - the navigation's responseStart (first byte). Also: when the
// verdict was in the DOM (parsed), the load event, and the bytes transferred until the page was
// loaded and the network quiet (CDP encodedDataLength, headers included). Results: a Markdown
// table on stdout (median of --runs, and each run), JSON to --json FILE when given.
import { writeFileSync } from "node:fs"
import os from "node:os"
import { benchArgs, benchStack, log, machineInfo, machineLine } from "../lib/bench-stack.mjs"
import { launchChromium } from "../lib/chromium.mjs"

const { args, numbers } = benchArgs(
  {
    runs: { type: "string", default: "5" },
    url: { type: "string" },
  },
  { distDir: ".next-bench-weak", positive: ["runs"] },
)
const RUNS = numbers.runs

/** The weak link: 400 kbit/s each way, 400 ms round trips. */
const KBITS = 400
const RTT_MS = 400
const BUDGET_MS = 3000

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]

/** Runs in the page before any of its scripts: collects the verdict's Element Timing entry. */
function observeVerdict() {
  const state = { renderTime: null, inDomAt: null }
  window.__verdict = state
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if (entry.identifier === "verdict" && state.renderTime === null) {
        state.renderTime = entry.renderTime || entry.loadTime
      }
    }
  }).observe({ type: "element", buffered: true })
  const seen = () => {
    if (state.inDomAt === null && document.querySelector("[data-testid=verdict] h1")) {
      state.inDomAt = performance.now()
    }
  }
  new MutationObserver(seen).observe(document, { childList: true, subtree: true })
}

/** One cold visit on the weak link. */
async function visit(browser, url) {
  const context = await browser.newContext({ locale: "vi-VN" })
  const page = await context.newPage()
  const cdp = await context.newCDPSession(page)
  await cdp.send("Network.enable")
  await cdp.send("Network.setCacheDisabled", { cacheDisabled: true })
  await cdp.send("Network.emulateNetworkConditions", {
    offline: false,
    latency: RTT_MS,
    downloadThroughput: (KBITS * 1000) / 8,
    uploadThroughput: (KBITS * 1000) / 8,
  })
  let bytes = 0
  let requests = 0
  const resources = new Map()
  cdp.on("Network.requestWillBeSent", (event) => {
    requests++
    resources.set(event.requestId, { url: event.request.url, type: event.type, bytes: 0 })
  })
  cdp.on("Network.loadingFinished", (event) => {
    bytes += event.encodedDataLength
    const resource = resources.get(event.requestId)
    if (resource) resource.bytes = event.encodedDataLength
  })
  await page.addInitScript(observeVerdict)
  const response = await page.goto(url, { waitUntil: "load", timeout: 180_000 })
  if (response?.status() !== 200) throw new Error(`${url}: HTTP ${response?.status()}`)
  await page.waitForFunction(() => window.__verdict?.renderTime !== null, null, {
    timeout: 120_000,
  })
  // Let late requests (prefetches, hydration's data) finish so the byte count is the visit's.
  await page.waitForLoadState("networkidle", { timeout: 120_000 }).catch(() => {})
  const timing = await page.evaluate(() => {
    const [nav] = performance.getEntriesByType("navigation")
    const verdict = document.querySelector("[data-testid=verdict]")
    return {
      responseStart: nav.responseStart,
      responseEnd: nav.responseEnd,
      domContentLoaded: nav.domContentLoadedEventEnd,
      load: nav.loadEventEnd,
      htmlBytes: nav.transferSize,
      verdictPaint: window.__verdict.renderTime,
      verdictInDom: window.__verdict.inDomAt,
      verdict: verdict?.getAttribute("data-verdict") ?? null,
    }
  })
  await context.close()
  const since = (t) => (t == null ? null : Math.round(t - timing.responseStart))
  return {
    verdict: timing.verdict,
    firstByteToVerdictMs: since(timing.verdictPaint),
    firstByteToVerdictInDomMs: since(timing.verdictInDom),
    firstByteToHtmlEndMs: since(timing.responseEnd),
    firstByteToLoadMs: since(timing.load),
    ttfbMs: Math.round(timing.responseStart),
    htmlBytes: timing.htmlBytes,
    bytes,
    requests,
    biggest: [...resources.values()]
      .sort((a, b) => b.bytes - a.bytes)
      .slice(0, 4)
      .map((r) => `${r.type} ${r.url.replace(/^https?:\/\/[^/]+/, "").slice(0, 60)} ${r.bytes} B`),
  }
}

const stack = benchStack({
  build: args.build,
  distDir: args["dist-dir"],
  traceability: { name: "bench-weak-link", database: "coop_trace_weak" },
})
let browser
try {
  const loadBefore = os.loadavg()
  const url =
    args.url ??
    (await stack.start().then(({ storefrontUrl, serial }) => `${storefrontUrl}/vi/trace/${serial}`))
  // A warm server: the first request fills Next's and the services' caches, as for a real stamp
  // that was scanned before (the visit itself stays cold on the browser's side).
  let html = ""
  for (let i = 0; i < 2; i++) {
    const response = await fetch(url, { headers: { "accept-language": "vi" } })
    if (response.status !== 200) throw new Error(`${url}: HTTP ${response.status}`)
    html = await response.text()
  }
  // Readable without JavaScript: the verdict is in the server's HTML, and how far down.
  const verdictAt = html.indexOf('data-testid="verdict"')
  const server = {
    verdictInHtml: verdictAt !== -1,
    bytesBeforeVerdict: verdictAt === -1 ? null : Buffer.byteLength(html.slice(0, verdictAt)),
    htmlBytes: Buffer.byteLength(html),
    stylesheets: (html.match(/<link[^>]+rel="stylesheet"/g) ?? []).length,
    blockingScripts: (
      html.match(/<script(?![^>]*\b(async|defer|type="module")\b)[^>]*\bsrc=/g) ?? []
    ).length,
  }
  browser = await launchChromium()
  const runs = []
  for (let i = 0; i < RUNS; i++) {
    runs.push(await visit(browser, url))
    const r = runs.at(-1)
    log(
      `run ${i + 1}: verdict ${r.verdict} painted ${r.firstByteToVerdictMs} ms after the first byte (in the DOM at ${r.firstByteToVerdictInDomMs} ms), load ${r.firstByteToLoadMs} ms, ${r.bytes} B in ${r.requests} requests`,
    )
  }
  const pick = (key) => median(runs.map((r) => r[key]))
  const summary = {
    firstByteToVerdictMs: pick("firstByteToVerdictMs"),
    firstByteToVerdictInDomMs: pick("firstByteToVerdictInDomMs"),
    firstByteToHtmlEndMs: pick("firstByteToHtmlEndMs"),
    firstByteToLoadMs: pick("firstByteToLoadMs"),
    ttfbMs: pick("ttfbMs"),
    htmlBytes: pick("htmlBytes"),
    bytes: pick("bytes"),
    requests: pick("requests"),
  }
  const machine = machineInfo(loadBefore)
  const results = {
    date: new Date().toISOString(),
    machine,
    url,
    kbits: KBITS,
    rttMs: RTT_MS,
    server,
    summary,
    runs,
  }
  if (args.json) writeFileSync(args.json, `${JSON.stringify(results, null, 2)}\n`)

  const kib = (b) => `${(b / 1024).toFixed(1)} KiB`
  const out = [
    machineLine(machine),
    "",
    `Stamp page, cold visit, Chromium throttled to ${KBITS} kbit/s down and up with ${RTT_MS} ms round trips, median of ${RUNS} runs (times from the first byte of the page):`,
    "",
    "| verdict painted | verdict in the DOM | HTML received | load event | time to first byte | HTML (transferred) | all transferred (requests) | budget |",
    "| --- | --- | --- | --- | --- | --- | --- | --- |",
    `| ${summary.firstByteToVerdictMs} ms | ${summary.firstByteToVerdictInDomMs} ms | ${summary.firstByteToHtmlEndMs} ms | ${summary.firstByteToLoadMs} ms | ${summary.ttfbMs} ms | ${kib(summary.htmlBytes)} | ${kib(summary.bytes)} (${summary.requests}) | ${summary.firstByteToVerdictMs <= BUDGET_MS ? "met" : "MISSED"} (${BUDGET_MS} ms) |`,
    "",
    `Runs (verdict painted): ${runs.map((r) => `${r.firstByteToVerdictMs} ms`).join(", ")}; verdict \`${runs[0].verdict}\`.`,
    `Server HTML (uncompressed): ${kib(server.htmlBytes)}; verdict ${server.verdictInHtml ? `in it after ${kib(server.bytesBeforeVerdict)}` : "NOT in it"}; ${server.stylesheets} stylesheet(s), ${server.blockingScripts} blocking script(s).`,
    `Biggest transfers (first run): ${runs[0].biggest.join("; ")}`,
  ]
  console.log(out.join("\n"))
} finally {
  await browser?.close()
  await stack.stop()
}
