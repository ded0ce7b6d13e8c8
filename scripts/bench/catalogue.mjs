#!/usr/bin/env node
// Catalogue throughput (issue 21, aims 1-3), each comparison side by side in one run:
//
//   node scripts/bench/catalogue.mjs [--slice 3] [--rounds 4] [--connections 20]
//                                    [--json FILE] [--no-build] [--dist-dir DIR]
//
// Boots a seeded Medusa (fresh database, NODE_ENV=production, the Caching Module on Redis when
// REDIS_URL is set, in memory otherwise) and a production build of the storefront
// (storefront/.next-bench-catalogue, or --dist-dir; --no-build reuses it) that reaches the backend
// through a counting proxy (scripts/lib/bench-stack.mjs).
// 1. The shop's product read (the storefront's PRODUCT_FIELDS: seller, OCOP entry, categories,
//    stock, calculated prices) against plain Medusa's `/store/products` (its default fields, same
//    region) for the same product, and for a 12-product list.
// 2. Each catalogue page (home, category, product, seller, commune) against the endpoint it reads,
//    with the backend calls each page request made under load (0 when served from Next's cache).
// 3. A signed `products` revalidation, then --connections simultaneous product page requests: the
//    backend calls they made, by path, and how long until every one had its answer.
// Pairs are interleaved: --rounds rounds of a --slice s autocannon run of each side, so both see
// the same machine. Progress goes to stderr, results (Markdown) to stdout, JSON to --json FILE.
import { writeFileSync } from "node:fs"
import os from "node:os"
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

const { args, numbers } = benchArgs(
  {
    slice: { type: "string", default: "3" },
    rounds: { type: "string", default: "4" },
    connections: { type: "string", default: "20" },
  },
  { distDir: ".next-bench-catalogue", positive: ["slice", "rounds", "connections"] },
)
const { slice: SLICE, rounds: ROUNDS, connections: CONNECTIONS } = numbers
const PRODUCT = "gao-seng-cu-gia-phu-5kg"
const SELLER = "htx-nong-nghiep-gia-phu"
const CATEGORY = "gao"
const COMMUNE = "02923"

/**
 * Interleaved load of several targets: `rounds` rounds of `slice` s each, target after target.
 * Requests per second over all slices; p50 the median of the slices' p50s.
 */
async function interleaved(targets, proxy) {
  const sums = targets.map(() => ({ requests: 0, ms: 0, p50: [], non2xx: 0, errors: 0, calls: 0 }))
  for (const target of targets) {
    const response = await fetch(target.url, { headers: target.headers })
    if (response.status !== 200) throw new Error(`${target.url}: HTTP ${response.status}`)
    await response.text()
  }
  for (let round = 0; round < ROUNDS; round++) {
    for (const [i, target] of targets.entries()) {
      proxy?.take()
      const result = await autocannon({
        url: target.url,
        headers: target.headers,
        connections: CONNECTIONS,
        duration: SLICE,
        // A loaded machine answers slowly: a request is not given up before the slice is over.
        timeout: Math.max(10, SLICE * 2),
      })
      const sum = sums[i]
      sum.requests += result.requests.total
      sum.ms += result.duration * 1000
      sum.p50.push(result.latency.p50)
      sum.non2xx += result.non2xx
      sum.errors += result.errors + result.timeouts
      if (target.page) sum.calls += totalCalls(proxy.take())
    }
  }
  return targets.map((target, i) => {
    const sum = sums[i]
    const row = {
      name: target.name,
      url: target.url.replace(/^https?:\/\/[^/]+/, ""),
      requestsPerSecond: Math.round((sum.requests / sum.ms) * 1000),
      p50Ms: [...sum.p50].sort((a, b) => a - b)[Math.floor(sum.p50.length / 2)],
      non2xx: sum.non2xx,
      errors: sum.errors,
      backendCallsPerRequest: target.page
        ? Number((sum.calls / Math.max(1, sum.requests)).toFixed(4))
        : undefined,
    }
    log(`${row.name}: ${row.requestsPerSecond} req/s, p50 ${row.p50Ms} ms`)
    return row
  })
}

const stack = benchStack({
  build: args.build,
  distDir: args["dist-dir"],
  revalidate: true,
  proxy: true,
  siteUrl: true,
})
// Stopped early (Ctrl-C, kill): the backend, the storefront and the database go too.
for (const signal of ["SIGINT", "SIGTERM"])
  process.once(signal, () => stack.stop().finally(() => process.exit(130)))

try {
  const loadBefore = os.loadavg()
  log(`Caching Module on ${process.env.REDIS_URL ? "Redis" : "memory"}`)
  const { backend, backendProxy: proxy, storefrontUrl, revalidateSecret } = await stack.start()

  const store = { "x-publishable-api-key": backend.publishableKey }
  const { regions } = await (
    await fetch(`${backend.url}/store/regions?fields=id,currency_code`, { headers: store })
  ).json()
  const region = regions.find((r) => r.currency_code === "vnd")
  const { product_categories } = await (
    await fetch(`${backend.url}/store/product-categories?handle=${CATEGORY}&fields=id`, {
      headers: store,
    })
  ).json()
  const fields = storefrontProductFields()
  const products = (query) =>
    `${backend.url}/store/products?${new URLSearchParams({ region_id: region.id, ...query })}`
  const endpoint = (name, url) => ({ name, url, headers: store })
  const page = (name, url) => ({ name, url: `${storefrontUrl}${url}`, page: true })

  // 1. The shop's product read against plain Medusa's.
  log("aim 1: the shop's product read against plain Medusa's /store/products")
  const reads = await interleaved([
    endpoint("plain /store/products?handle=", products({ handle: PRODUCT })),
    endpoint("shop /store/products?handle= (shop's fields)", products({ handle: PRODUCT, fields })),
    endpoint("plain /store/products?limit=12", products({ limit: "12" })),
    endpoint("shop /store/products?limit=12 (shop's fields)", products({ limit: "12", fields })),
  ])

  // 2. Each catalogue page against the endpoint behind it.
  log("aim 2: catalogue pages against their endpoints")
  const pairs = [
    [
      page("home page", "/vi"),
      endpoint(
        "/store/products?limit=100 (shop's fields)",
        products({ limit: "100", order: "created_at", fields }),
      ),
    ],
    [
      page("category page", `/vi/categories/${CATEGORY}`),
      endpoint(
        "/store/products?category_id= (shop's fields)",
        products({
          category_id: product_categories[0].id,
          limit: "24",
          order: "created_at",
          fields,
        }),
      ),
    ],
    [
      page("product page", `/vi/products/${PRODUCT}`),
      endpoint("/store/products?handle= (shop's fields)", products({ handle: PRODUCT, fields })),
    ],
    [
      page("seller page", `/vi/sellers/${SELLER}`),
      endpoint(
        "/store/sellers/{handle}",
        `${backend.url}/store/sellers/${SELLER}?region_id=${region.id}&limit=100`,
      ),
    ],
    [
      page("commune page", `/vi/communes/${COMMUNE}`),
      endpoint(
        "/store/communes/{code}/indicators",
        `${backend.url}/store/communes/${COMMUNE}/indicators`,
      ),
    ],
  ]
  const pages = []
  for (const pair of pairs) pages.push(await interleaved(pair, proxy))

  // 3. After a revalidation: simultaneous requests for the changed page.
  log("aim 3: a signed products revalidation, then simultaneous product pages")
  const productPage = `${storefrontUrl}/vi/products/${PRODUCT}`
  await (await fetch(productPage)).text()
  const body = JSON.stringify({ tags: ["products"] })
  const refused = await postSigned(
    `${storefrontUrl}/api/revalidate`,
    body,
    revalidateSecret,
    10_000,
  )
  if (refused) throw new Error(`revalidate: ${refused}`)
  proxy.take()
  const started = performance.now()
  const answers = await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      const response = await fetch(productPage)
      await response.text()
      return { status: response.status, ms: performance.now() - started }
    }),
  )
  const afterRevalidation = {
    pageRequests: CONNECTIONS,
    statuses: [...new Set(answers.map((a) => a.status))],
    allAnsweredMs: Math.round(Math.max(...answers.map((a) => a.ms))),
    backendCalls: Object.fromEntries(proxy.take()),
  }
  log(`after a revalidation: ${JSON.stringify(afterRevalidation)}`)

  const machine = { ...machineInfo(loadBefore), redis: Boolean(process.env.REDIS_URL) }
  const results = {
    date: new Date().toISOString(),
    machine,
    slice: SLICE,
    rounds: ROUNDS,
    connections: CONNECTIONS,
    reads,
    pages,
    afterRevalidation,
  }
  if (args.json) writeFileSync(args.json, `${JSON.stringify(results, null, 2)}\n`)

  const ratio = (a, b) => (b.requestsPerSecond ? a.requestsPerSecond / b.requestsPerSecond : 0)
  const out = [
    `${machineLine(machine)}; Caching Module on ${machine.redis ? "Redis" : "memory"}`,
    "",
    `autocannon, ${CONNECTIONS} connections, ${ROUNDS} interleaved rounds of ${SLICE} s per target:`,
    "",
    "| target | requests/s | p50 | non-2xx | errors | backend calls per page |",
    "| --- | --- | --- | --- | --- | --- |",
  ]
  for (const row of [...reads, ...pages.flat()])
    out.push(
      `| ${row.name} | ${row.requestsPerSecond} | ${row.p50Ms} ms | ${row.non2xx} | ${row.errors} | ${row.backendCallsPerRequest ?? "-"} |`,
    )
  out.push(
    "",
    `Shop's read / plain Medusa's: ${ratio(reads[1], reads[0]).toFixed(2)}× (one product), ${ratio(reads[3], reads[2]).toFixed(2)}× (12 products)`,
    `Page / its endpoint: ${pages.map(([p, e]) => `${p.name} ${ratio(p, e).toFixed(1)}×`).join(", ")}`,
    "",
    `After a signed \`products\` revalidation, ${CONNECTIONS} simultaneous product page requests (HTTP ${afterRevalidation.statuses.join(", ")}) were all answered within ${afterRevalidation.allAnsweredMs} ms and made these backend calls: ${
      Object.entries(afterRevalidation.backendCalls)
        .map(([p, n]) => `${p} ${n}`)
        .join(", ") || "none"
    }.`,
  )
  console.log(out.join("\n"))
} finally {
  await stack.stop()
}
