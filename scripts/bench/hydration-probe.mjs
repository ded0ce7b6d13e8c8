#!/usr/bin/env node
// The main thread's work on a page load, for builds side by side: many short loads in turn
// (the variants' order rotates), in Chromium with a 4× CPU throttle like Lighthouse's mobile
// preset but without its simulation, so a loaded machine's noise averages out over many samples.
//
//   node scripts/bench/hydration-probe.mjs --url NAME=URL --url NAME=URL [--reps 15]
//
// Each URL is a page of a running storefront (e.g. the servers scripts/bench/lighthouse-ab.mjs
// starts). Per load, from CDP's Performance.getMetrics and the page's own PerformanceObservers:
// script time, all tasks' time, style and layout time, the long tasks' blocking time (the part of
// each task over 50 ms, as TBT counts it), and when the largest contentful paint happened.
import { parseArgs } from "node:util"
import { launchChromium } from "../lib/chromium.mjs"

const { values: args } = parseArgs({
  options: {
    url: { type: "string", multiple: true, default: [] },
    reps: { type: "string", default: "15" },
  },
})
const targets = args.url.map((spec) => {
  const at = spec.indexOf("=")
  return { name: spec.slice(0, at), url: spec.slice(at + 1) }
})
const REPS = Number(args.reps)
const browser = await launchChromium()
const samples = Object.fromEntries(targets.map((t) => [t.name, []]))
const OBSERVE = `
  window.__probe = { blocking: 0, longTasks: 0, lcp: 0, lcpNode: "" };
  new PerformanceObserver((list) => { for (const e of list.getEntries()) { window.__probe.longTasks++; window.__probe.blocking += Math.max(0, e.duration - 50) } }).observe({ type: "longtask", buffered: true });
  new PerformanceObserver((list) => { for (const e of list.getEntries()) { window.__probe.lcp = e.startTime; window.__probe.lcpNode = e.element ? e.element.tagName + "." + e.element.className : "" } }).observe({ type: "largest-contentful-paint", buffered: true });
`
try {
  for (let rep = 0; rep < REPS; rep++) {
    const order = targets.map((_, i) => targets[(i + rep) % targets.length])
    for (const target of order) {
      const context = await browser.newContext({
        viewport: { width: 412, height: 823 },
        locale: "vi-VN",
      })
      const page = await context.newPage()
      const cdp = await context.newCDPSession(page)
      await cdp.send("Performance.enable")
      await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 })
      await page.addInitScript(OBSERVE)
      await page.goto(target.url, { waitUntil: "load" })
      await page.waitForTimeout(1500)
      const metrics = Object.fromEntries(
        (await cdp.send("Performance.getMetrics")).metrics.map((m) => [m.name, m.value]),
      )
      const probe = await page.evaluate(() => window.__probe)
      const nav = await page.evaluate(
        () => performance.getEntriesByType("navigation")[0].responseStart,
      )
      samples[target.name].push({
        script: metrics.ScriptDuration * 1000,
        task: metrics.TaskDuration * 1000,
        styleLayout: (metrics.RecalcStyleDuration + metrics.LayoutDuration) * 1000,
        blocking: probe.blocking,
        longTasks: probe.longTasks,
        lcp: probe.lcp,
        lcpAfterFirstByte: probe.lcp - nav,
        lcpNode: probe.lcpNode,
        nodes: metrics.Nodes,
      })
      await context.close()
    }
    process.stderr.write(`rep ${rep + 1}/${REPS}\n`)
  }
} finally {
  await browser.close()
}
const median = (v) => {
  const s = [...v].sort((a, b) => a - b)
  const m = Math.floor(s.length / 2)
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2
}
const rows = [
  "| variant | script ms | all tasks ms | style+layout ms | blocking ms (long tasks) | LCP ms | DOM nodes | LCP element |",
  "| --- | --- | --- | --- | --- | --- | --- | --- |",
]
for (const target of targets) {
  const s = samples[target.name]
  const m = (k) => Math.round(median(s.map((x) => x[k])))
  rows.push(
    `| ${target.name} | ${m("script")} | ${m("task")} | ${m("styleLayout")} | ${m("blocking")} (${m("longTasks")}) | ${m("lcp")} | ${m("nodes")} | ${s.at(-1).lcpNode} |`,
  )
}
console.log(`${REPS} loads each, interleaved, 4× CPU throttle, medians:\n\n${rows.join("\n")}`)
console.error(JSON.stringify(samples))
