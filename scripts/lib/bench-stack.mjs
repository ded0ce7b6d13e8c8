// What the storefront benches (scripts/bench/storefront.mjs, catalogue.mjs, weak-link.mjs) boot
// before they measure, written once: their common options, a seeded Medusa (a fresh database,
// NODE_ENV=production; scripts/lib/test-backend.mjs), a production build of the storefront, the
// traceability service built and migrated on a fresh database with the demo batches and stamps
// (scripts/lib/demo-trace.mjs) when a bench reads stamp pages, counting proxies between the
// storefront and the services, and `next start`.
import { randomBytes } from "node:crypto"
import { cpSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs"
import { createServer, request as httpRequest } from "node:http"
import { createRequire } from "node:module"
import os from "node:os"
import path from "node:path"
import { parseArgs } from "node:util"
import { ensureDemoTrace } from "./demo-trace.mjs"
import { createTestDatabase, ROOT, resolvePostgres } from "./pg.mjs"
import { freePort, run, startService, stopService, waitForHttp } from "./proc.mjs"
import { startSeededBackend } from "./test-backend.mjs"

export const STOREFRONT = path.join(ROOT, "storefront")
const require = createRequire(import.meta.url)
const NEXT = require.resolve("next/dist/bin/next", { paths: [STOREFRONT] })
export const log = (line) => console.error(`[bench] ${line}`)
const quiet = () => {}

/**
 * The bench's own options (node:util parseArgs) and the ones every storefront bench takes:
 * --json FILE, --no-build (reuse the build in --dist-dir) and --dist-dir DIR (`distDir` by
 * default, under storefront/). `positive` names options that must be numbers > 0; they come back
 * as numbers in `numbers`.
 */
export function benchArgs(options, { distDir, positive = [] }) {
  const { values: args } = parseArgs({
    options: {
      ...options,
      json: { type: "string" },
      build: { type: "boolean", default: true },
      "dist-dir": { type: "string", default: distDir },
    },
    allowNegative: true,
  })
  const numbers = Object.fromEntries(positive.map((name) => [name, Number(args[name])]))
  if (!positive.every((name) => numbers[name] > 0))
    throw new Error(`${positive.map((name) => `--${name}`).join(", ")} must be > 0`)
  return { args, numbers }
}

/**
 * The fields the storefront asks Medusa for (PRODUCT_FIELDS in lib/medusa/products.ts, a string or
 * an array of strings joined with commas), so a bench's endpoint reads what the shop reads.
 */
export function storefrontProductFields() {
  const source = readFileSync(path.join(STOREFRONT, "lib/medusa/products.ts"), "utf8")
  const declared = /PRODUCT_FIELDS\s*=\s*(\[[^\]]*\]|"[^"]*")/.exec(source)?.[1]
  if (!declared) throw new Error("PRODUCT_FIELDS not found in storefront/lib/medusa/products.ts")
  return [...declared.matchAll(/"([^"]+)"/g)].map((m) => m[1]).join(",")
}

/**
 * A pass-through HTTP proxy in front of a service, counting the requests the storefront makes by
 * path (without the query): what a page costs under load (0 when served from Next's data cache).
 * `take()` answers the counts since the last take.
 */
export async function countingProxy(target) {
  const to = new URL(target)
  let calls = new Map()
  const server = createServer((req, res) => {
    const key = (req.url ?? "").split("?")[0]
    calls.set(key, (calls.get(key) ?? 0) + 1)
    const upstream = httpRequest(
      { host: to.hostname, port: to.port, path: req.url, method: req.method, headers: req.headers },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers)
        answer.pipe(res)
      },
    )
    upstream.on("error", () => res.destroy())
    req.pipe(upstream)
  })
  const port = await freePort()
  await new Promise((resolve) => server.listen(port, "127.0.0.1", resolve))
  return {
    url: `http://127.0.0.1:${port}`,
    take: () => {
      const taken = calls
      calls = new Map()
      return taken
    },
    close: () => server.close(),
  }
}

/** All the calls of a proxy's `take()`, whatever their path. */
export const totalCalls = (calls) => [...calls.values()].reduce((a, b) => a + b, 0)

/** The machine a bench ran on, with the load average before (given) and now. */
export function machineInfo(loadBefore) {
  const round = (loads) => loads.map((l) => Number(l.toFixed(2)))
  return {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model,
    node: process.version,
    loadBefore: round(loadBefore),
    loadAfter: round(os.loadavg()),
  }
}

export const machineLine = (machine) =>
  `Machine: ${machine.cpus} × ${machine.cpuModel}, Node ${machine.node}, load average ${machine.loadBefore.join(" / ")} before, ${machine.loadAfter.join(" / ")} after`

/** tsc's build of the traceability service in `dist`, with what tsc does not emit copied as is. */
async function buildTraceability(dist) {
  rmSync(dist, { recursive: true, force: true })
  const tsc = path.join(ROOT, "node_modules", "typescript", "bin", "tsc")
  const project = path.join(ROOT, "traceability", "tsconfig.build.json")
  await run(process.execPath, [tsc, "-p", project, "--outDir", dist], { quiet: true, label: "tsc" })
  // SQL migrations and plain .js modules.
  cpSync(path.join(ROOT, "traceability", "src"), dist, {
    recursive: true,
    filter: (from) => statSync(from).isDirectory() || !from.endsWith(".ts"),
  })
}

/**
 * The platform a storefront bench measures; nothing runs until `start()`, and `stop()` (safe at
 * any point, also after a failed start) stops what was started and drops its databases.
 *
 * - `build`, `distDir`: build the storefront into storefront/<distDir> first, or reuse that build.
 * - `traceability`: `{ name, database }` to build the service into traceability/.cache/<name>/dist,
 *   migrate a fresh database named after `database`, start it (rate limit off: the storefront's
 *   server is one client address) and set up the demo batches; omitted, the storefront's
 *   TRACEABILITY_URL points at a closed port (its origin sections say it is unavailable).
 * - `revalidate`: the backend posts revalidations to the storefront, signed with a fresh secret.
 * - `proxy`: the storefront reaches the backend (and the traceability service) through counting
 *   proxies (`backendProxy`, `traceProxy`).
 * - `siteUrl`: STOREFRONT_URL is the storefront's own address (its absolute links point at it).
 *
 * After `start()`: `storefrontUrl`, `storefront` (the `next start` child), `backend`
 * (startSeededBackend's), `revalidateSecret`, `traceUrl` and `serial` (the demo stamp's).
 */
export function benchStack({
  build = true,
  distDir,
  traceability,
  revalidate = false,
  proxy = false,
  siteUrl = false,
}) {
  const children = []
  const proxies = []
  let tracePg
  let traceDb
  let tmp
  const stack = {
    async start() {
      const storefrontPort = await freePort()
      const storefrontUrl = `http://localhost:${storefrontPort}`
      const revalidateSecret = revalidate ? randomBytes(32).toString("hex") : undefined
      const traceDist =
        traceability && path.join(ROOT, "traceability", ".cache", traceability.name, "dist")
      log(
        `building the storefront${traceability ? " and the traceability service" : ""}, booting a seeded backend`,
      )
      const started = Date.now()
      const [built, seeded, traced] = await Promise.allSettled([
        build
          ? run(process.execPath, [NEXT, "build"], {
              cwd: STOREFRONT,
              env: { ...process.env, NODE_ENV: "production", NEXT_DIST_DIR: distDir },
              quiet: true,
              label: "next build",
            })
          : Promise.resolve(),
        startSeededBackend({
          log: quiet,
          env: revalidate
            ? {
                STOREFRONT_REVALIDATE_URL: `${storefrontUrl}/api/revalidate`,
                STOREFRONT_REVALIDATE_SECRET: revalidateSecret,
              }
            : {},
        }),
        traceability
          ? (async () => {
              await buildTraceability(traceDist)
              tracePg = await resolvePostgres({ log: quiet })
              traceDb = await createTestDatabase(tracePg.serverUrl, traceability.database)
              await run(process.execPath, [path.join(traceDist, "store", "migrate-cli.js")], {
                env: { ...process.env, TRACEABILITY_DATABASE_URL: traceDb.url },
                quiet: true,
                label: "traceability migrate",
              })
            })()
          : Promise.resolve(),
      ])
      if (seeded.status === "fulfilled") stack.backend = seeded.value
      for (const step of [built, seeded, traced]) if (step.status === "rejected") throw step.reason
      log(`ready to start after ${((Date.now() - started) / 1000).toFixed(0)} s`)
      const { backend } = stack

      let traceUrl
      let serial
      if (traceability) {
        const tracePort = await freePort()
        traceUrl = `http://127.0.0.1:${tracePort}`
        const service = startService(
          "traceability",
          process.execPath,
          [path.join(traceDist, "server.js")],
          {
            env: {
              ...process.env,
              NODE_ENV: "production",
              TRACEABILITY_DATABASE_URL: traceDb.url,
              TRACEABILITY_PORT: String(tracePort),
              TRACEABILITY_HOST: "127.0.0.1",
              TRACEABILITY_PUBLIC_URL: traceUrl,
              STOREFRONT_URL: storefrontUrl,
              STAMP_SIGNING_SECRET: randomBytes(32).toString("hex"),
              JWT_SECRET: backend.jwtSecret,
              MEDUSA_BACKEND_URL: backend.url,
              // The storefront's server is one client IP: the per-IP limit would cap stamp pages.
              RESOLVER_RATE_LIMIT: "0",
              LOG_LEVEL: "warn",
              REDIS_URL: "",
            },
            onLine: quiet,
          },
        )
        children.push(service)
        await waitForHttp(`${traceUrl}/health`, { child: service })
        tmp = mkdtempSync(path.join(os.tmpdir(), "bench-stack-"))
        const demo = await ensureDemoTrace({
          backendUrl: backend.url,
          traceabilityUrl: traceUrl,
          publishableKey: backend.publishableKey,
          jwtSecret: backend.jwtSecret,
          statePath: path.join(tmp, "demo-trace.json"),
        })
        serial = new URL(demo.stampUrl).pathname.split("/").pop()
      }

      if (proxy) {
        stack.backendProxy = await countingProxy(backend.url)
        proxies.push(stack.backendProxy)
        if (traceUrl) {
          stack.traceProxy = await countingProxy(traceUrl)
          proxies.push(stack.traceProxy)
        }
      }
      const storefront = startService(
        "storefront",
        process.execPath,
        [NEXT, "start", "-p", String(storefrontPort)],
        {
          cwd: STOREFRONT,
          env: {
            ...process.env,
            NODE_ENV: "production",
            NEXT_DIST_DIR: distDir,
            ...(siteUrl ? { STOREFRONT_URL: storefrontUrl } : {}),
            MEDUSA_BACKEND_URL: stack.backendProxy?.url ?? backend.url,
            NEXT_PUBLIC_MEDUSA_PUBLISHABLE_KEY: backend.publishableKey,
            TRACEABILITY_URL:
              stack.traceProxy?.url ?? traceUrl ?? `http://127.0.0.1:${await freePort()}`,
            ...(revalidate ? { STOREFRONT_REVALIDATE_SECRET: revalidateSecret } : {}),
          },
          onLine: quiet,
        },
      )
      children.push(storefront)
      await waitForHttp(`${storefrontUrl}/vi`, { child: storefront })
      Object.assign(stack, { storefrontUrl, storefront, revalidateSecret, traceUrl, serial })
      return stack
    },
    async stop() {
      await Promise.all(children.splice(0).map((child) => stopService(child)))
      for (const open of proxies.splice(0)) open.close()
      await traceDb?.drop().catch((error) => log(`drop trace database: ${error.message}`))
      traceDb = undefined
      await stack.backend?.stop()
      stack.backend = undefined
      await tracePg?.stop()
      tracePg = undefined
      if (tmp) rmSync(tmp, { recursive: true, force: true })
    },
  }
  return stack
}
