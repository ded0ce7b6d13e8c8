#!/usr/bin/env node
// `npm run start:cluster`: the scaled deployment on one machine with real processes. HAProxy
// (Debian's) in front of 2 backend servers, 2 traceability instances and 2 storefronts; one
// Medusa worker; one PostgreSQL (DATABASE_URL's or the embedded one), one Redis (REDIS_URL's or
// one started here) and an S3-compatible store for uploads (S3_* settings, or the npm stand-in).
// Same databases, secrets and builds as `npm start`; Ctrl-C stops everything.
import { ensureInstalled } from "./lib/install.mjs"

const started = Date.now()
const say = (line) => console.log(`[cluster] ${line}`)
ensureInstalled(say)

const { isPortOpen } = await import("./lib/pg.mjs")
const { startCluster } = await import("./lib/cluster.mjs")
const { publishableKey } = await import("./lib/prepare.mjs")

const ports = {
  backend: Number(process.env.BACKEND_PORT ?? 9000),
  traceability: Number(process.env.TRACEABILITY_PORT ?? 9100),
  storefront: Number(process.env.STOREFRONT_PORT ?? 8000),
}
for (const [name, port] of Object.entries(ports)) {
  if (await isPortOpen(port)) {
    console.error(
      `[cluster] Port ${port} (${name}) is already in use. Stop what runs there (npm start?) or set ${name.toUpperCase()}_PORT.`,
    )
    process.exit(1)
  }
}

let cluster
let stopping = false
async function shutdown(code) {
  if (stopping) return
  stopping = true
  say("Stopping...")
  await cluster?.stop()
  process.exit(code)
}
process.on("SIGINT", () => shutdown(0))
process.on("SIGTERM", () => shutdown(0))

try {
  cluster = await startCluster({ say, ports })
  const seconds = Math.round((Date.now() - started) / 1000)
  const { urls, direct } = cluster
  console.log(
    [
      "",
      `The cluster is running (ready in ${seconds} s). Ctrl-C stops everything.`,
      "",
      `  Storefront (load balanced)    ${urls.storefront}/vi   instances: ${direct.storefront.join(" ")}`,
      `  Backend (load balanced)       ${urls.backend}   instances: ${direct.backend.join(" ")} + 1 worker`,
      `  Traceability (load balanced)  ${urls.traceability}   instances: ${direct.traceability.join(" ")}`,
      `  HAProxy statistics            ${cluster.statsUrl}`,
      `  Publishable key               ${publishableKey()}`,
      "",
    ].join("\n"),
  )
} catch (error) {
  console.error(`[cluster] ${error.message}`)
  await shutdown(1)
}
