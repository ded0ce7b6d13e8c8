#!/usr/bin/env node
// Cluster benchmark (not a test): throughput through the load balancer with 1 and then 2
// instances of each pool (backend servers, traceability, storefronts), and where the CPU time goes.
// Three loads, one after the other, each for --duration seconds at --connections connections:
//   product page   GET /vi/products/<handle> on the storefront pool (autocannon)
//   resolver       GET <stamp URL> (JSON) on the traceability pool (autocannon, 200 stamps in turn)
//   checkout       POST /store/carts/<id>/complete on the backend pool (prepared carts, not timed)
// CPU: each process group's user+system time (from /proc) during each load, as cores used.
// Prints a Markdown section for docs/benchmarks.md.
//
//   node scripts/bench/cluster.mjs [--duration 10] [--connections 8] [--checkouts 40]
//
// Same setup as `npm run start:cluster` (databases, builds, ports); stop `npm start` first.
import { readdirSync, readFileSync } from "node:fs"
import os from "node:os"
import { parseArgs } from "node:util"
import autocannon from "autocannon"
import pg from "pg"
import { prepareCart, storeApi } from "../lib/checkout-steps.mjs"
import { startCluster } from "../lib/cluster.mjs"
import { ensureDemoTrace, operatorToken } from "../lib/demo-trace.mjs"
import { publishableKey } from "../lib/prepare.mjs"

const { values: args } = parseArgs({
  options: {
    duration: { type: "string", default: "10" },
    connections: { type: "string", default: "8" },
    checkouts: { type: "string", default: "40" },
  },
})
const DURATION = Number(args.duration)
const CONNECTIONS = Number(args.connections)
const CHECKOUTS = Number(args.checkouts)
const log = (line) => console.error(`[bench] ${line}`)
const TICK = 100 // USER_HZ on Linux
const ports = {
  backend: Number(process.env.BACKEND_PORT ?? 9000),
  traceability: Number(process.env.TRACEABILITY_PORT ?? 9100),
  storefront: Number(process.env.STOREFRONT_PORT ?? 8000),
}

/** CPU ticks used so far by every process whose process group is one of `groups`. */
function cpuByGroup(groups) {
  const totals = new Map([...groups.keys()].map((name) => [name, 0]))
  const byPgid = new Map([...groups].map(([name, pid]) => [pid, name]))
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue
    let stat
    try {
      stat = readFileSync(`/proc/${entry}/stat`, "utf8")
    } catch {
      continue
    }
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ")
    const pgid = Number(fields[2])
    const name = byPgid.get(pgid)
    if (name) totals.set(name, totals.get(name) + Number(fields[11]) + Number(fields[12]))
  }
  return totals
}

async function measure(cluster, label, load) {
  const groups = new Map([...cluster.services].map(([name, child]) => [name, child.pid]))
  const before = cpuByGroup(groups)
  const idleBefore = os.cpus().reduce((sum, c) => sum + c.times.idle, 0)
  const t0 = performance.now()
  const result = await load()
  const seconds = (performance.now() - t0) / 1000
  const after = cpuByGroup(groups)
  const idleAfter = os.cpus().reduce((sum, c) => sum + c.times.idle, 0)
  const cpu = {}
  for (const [name, ticks] of after) {
    const cores = (ticks - before.get(name)) / TICK / seconds
    if (cores >= 0.01) cpu[name] = cores
  }
  const idle = (idleAfter - idleBefore) / 1000 / seconds
  log(`${label}: ${JSON.stringify(result)} cpu ${JSON.stringify(cpu)} idle ${idle.toFixed(2)}`)
  return { label, ...result, cpu, idle }
}

function cannon(url, headers = {}, requests) {
  return new Promise((resolve, reject) => {
    autocannon(
      { url, connections: CONNECTIONS, duration: DURATION, headers, requests },
      (error, r) => {
        if (error) return reject(error)
        resolve({
          rps: r.requests.average,
          p50: r.latency.p50,
          p99: r.latency.p99,
          errors: r.errors + r.non2xx,
        })
      },
    )
  })
}

async function run(count) {
  log(`=== ${count} instance(s) of each`)
  const cluster = await startCluster({
    say: log,
    ports,
    counts: { backend: count, traceability: count, storefront: count },
    onLine: () => {},
  })
  try {
    const key = publishableKey()
    const base = cluster.urls.backend
    const api = storeApi(base, key)
    const { products } = await api("GET", "/store/products?fields=id,handle,*variants&limit=5")
    const product = products.find((p) => p.variants?.length)
    const { regions } = await api("GET", "/store/regions")
    const region = regions.find((r) => r.currency_code === "vnd") ?? regions[0]
    const demo = await ensureDemoTrace({
      backendUrl: base,
      traceabilityUrl: cluster.urls.traceability,
      publishableKey: key,
      jwtSecret: cluster.secrets.JWT_SECRET,
    })
    const issued = await fetch(`${cluster.urls.traceability}/batches/${demo.batchId}/stamps`, {
      method: "POST",
      headers: {
        authorization: `Bearer ${operatorToken(cluster.secrets.JWT_SECRET)}`,
        "content-type": "application/json",
        "idempotency-key": `bench-cluster-${Date.now()}`,
      },
      body: JSON.stringify({ count: 200 }),
    }).then((r) => r.json())
    const stampPaths = issued.stamps.map((s) => {
      const u = new URL(s.uri)
      return `${u.pathname}${u.search}`
    })
    // Warm both storefronts' caches and every instance's code paths.
    await cannon(`${cluster.urls.storefront}/vi/products/${product.handle}`).catch(() => {})
    const rows = []
    rows.push(
      await measure(cluster, "product page", () =>
        cannon(`${cluster.urls.storefront}/vi/products/${product.handle}`),
      ),
    )
    let next = 0
    rows.push(
      await measure(cluster, "resolver", () =>
        cannon(cluster.urls.traceability, { accept: "application/json" }, [
          {
            method: "GET",
            setupRequest: (req) => ({ ...req, path: stampPaths[next++ % stampPaths.length] }),
          },
        ]),
      ),
    )
    // Enough stock for every cart, whatever earlier runs on these databases sold (the second
    // round once ran out after 20 of 40 and counted the refusals as errors).
    const db = new pg.Client({ connectionString: cluster.env.DATABASE_URL })
    await db.connect()
    try {
      await db.query(
        `UPDATE inventory_level SET stocked_quantity = reserved_quantity + $2,
           raw_stocked_quantity = jsonb_build_object('value', (reserved_quantity + $2)::text, 'precision', 20)
         WHERE deleted_at IS NULL AND inventory_item_id IN (
           SELECT inventory_item_id FROM product_variant_inventory_item WHERE variant_id = $1)`,
        [product.variants[0].id, CHECKOUTS],
      )
    } finally {
      await db.end()
    }
    log(`preparing ${CHECKOUTS} carts (not timed)`)
    const carts = []
    for (let i = 0; i < CHECKOUTS; i++) {
      carts.push(
        await prepareCart(api, {
          regionId: region.id,
          email: `bench.${i}.${Date.now()}@example.test`,
          items: [{ variant_id: product.variants[0].id, quantity: 1 }],
        }),
      )
    }
    rows.push(
      await measure(cluster, "checkout completion", async () => {
        const latencies = []
        let errors = 0
        let i = 0
        const t0 = performance.now()
        const worker = async () => {
          while (i < carts.length) {
            const cart = carts[i++]
            const s = performance.now()
            const r = await fetch(`${base}/store/carts/${cart}/complete`, {
              method: "POST",
              headers: { "x-publishable-api-key": key },
            })
            const body = await r.text()
            if (!r.ok) {
              if (!errors) log(`first failed completion: ${r.status} ${body.slice(0, 300)}`)
              errors++
            }
            latencies.push(performance.now() - s)
          }
        }
        await Promise.all(Array.from({ length: Math.min(4, CONNECTIONS) }, worker))
        latencies.sort((a, b) => a - b)
        return {
          rps: carts.length / ((performance.now() - t0) / 1000),
          p50: Math.round(latencies[Math.floor(latencies.length / 2)]),
          p99: Math.round(latencies[Math.floor(latencies.length * 0.99)]),
          errors,
        }
      }),
    )
    return { count, rows }
  } finally {
    await cluster.stop()
  }
}

const runs = []
for (const count of [1, 2]) runs.push(await run(count))

const lines = [
  `## Cluster: 1 and 2 instances of each through HAProxy (${new Date().toISOString().slice(0, 10)})`,
  "",
  `\`node scripts/bench/cluster.mjs --duration ${DURATION} --connections ${CONNECTIONS} --checkouts ${CHECKOUTS}\` on ${os.cpus().length} cores (${os.cpus()[0].model}), load average before: ${os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(" ")}.`,
  "",
  "| load | instances | req/s | p50 ms | p99 ms | errors | CPU (cores) by process | idle cores |",
  "| ---- | --------- | ----- | ------ | ------ | ------ | ---------------------- | ---------- |",
]
for (const { count, rows } of runs) {
  for (const r of rows) {
    const cpu = Object.entries(r.cpu)
      .sort((a, b) => b[1] - a[1])
      .map(([n, c]) => `${n} ${c.toFixed(2)}`)
      .join(", ")
    lines.push(
      `| ${r.label} | ${count} | ${r.rps.toFixed(1)} | ${r.p50} | ${r.p99} | ${r.errors} | ${cpu} | ${r.idle.toFixed(2)} |`,
    )
  }
}
console.log(lines.join("\n"))
