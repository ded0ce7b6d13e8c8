#!/usr/bin/env node
// `npm start`: install what is missing, prepare PostgreSQL, migrate, seed, build what changed,
// then run the backend, the traceability service and the storefront until Ctrl-C.
import { ensureInstalled } from "./lib/install.mjs"

const started = Date.now()
const say = (line) => console.log(`[start] ${line}`)

ensureInstalled(say)

const path = await import("node:path")
const { isPortOpen } = await import("./lib/pg.mjs")
const { BACKEND, BIN, STOREFRONT, TRACEABILITY, prepareBuilds, prepareDatabases, publishableKey } =
  await import("./lib/prepare.mjs")
const { startService, stopService, waitForHttp } = await import("./lib/proc.mjs")
const { DEMO_LOGINS } = await import("./lib/demo.mjs")
const { ensureDemoTrace } = await import("./lib/demo-trace.mjs")
const { ensureDemoPreorder } = await import("./lib/demo-preorder.mjs")

const PORTS = {
  backend: Number(process.env.BACKEND_PORT ?? 9000),
  traceability: Number(process.env.TRACEABILITY_PORT ?? 9100),
  storefront: Number(process.env.STOREFRONT_PORT ?? 8000),
}
const URLS = {
  backend: process.env.MEDUSA_BACKEND_URL ?? `http://localhost:${PORTS.backend}`,
  traceability: process.env.TRACEABILITY_PUBLIC_URL ?? `http://localhost:${PORTS.traceability}`,
  storefront: process.env.STOREFRONT_URL ?? `http://localhost:${PORTS.storefront}`,
}

for (const [name, port] of Object.entries(PORTS)) {
  if (await isPortOpen(port)) {
    console.error(
      `[start] Port ${port} (${name}) is already in use. Stop what runs there (an earlier npm start?) or set ${name.toUpperCase()}_PORT.`,
    )
    process.exit(1)
  }
}

const services = []
let pg
let stopping = false
async function shutdown(code = 0) {
  if (stopping) return
  stopping = true
  say("Stopping...")
  await Promise.all(services.map((s) => stopService(s)))
  await pg?.stop().catch(() => {})
  process.exit(code)
}
process.on("SIGINT", () => shutdown(0))
process.on("SIGTERM", () => shutdown(0))

try {
  // 1-3. PostgreSQL and the two databases, migrations and the seed, builds.
  const prepared = await prepareDatabases({
    say,
    env: {
      MEDUSA_BACKEND_URL: URLS.backend,
      STOREFRONT_URL: URLS.storefront,
      TRACEABILITY_PUBLIC_URL: URLS.traceability,
      TRACEABILITY_URL: URLS.traceability,
      TRACEABILITY_PORT: String(PORTS.traceability),
      // The storefront's server reads stamp pages and relays location shares for every buyer from
      // this machine: traceability's per-client rate limits must not count it as one buyer.
      RATE_LIMIT_ALLOW: process.env.RATE_LIMIT_ALLOW ?? "127.0.0.1,::1",
      // The traceability service's stamp and scan events feed the backend's indicators.
      INDICATORS_WEBHOOK_URL: `${URLS.backend}/webhooks/traceability`,
      // The backend tells the storefront which cached pages a change made stale (same machine).
      STOREFRONT_REVALIDATE_URL: `http://localhost:${PORTS.storefront}/api/revalidate`,
    },
  })
  pg = prepared.pg
  const { env, secrets } = prepared
  await prepareBuilds({ say, env, backendDb: prepared.backendDb, backendUrl: URLS.backend })

  // 4. Run all three.
  const backend = startService(
    "backend",
    path.join(BIN, "medusa"),
    ["start", "--port", String(PORTS.backend)],
    { cwd: BACKEND, env: { ...env, NODE_ENV: "production" } },
  )
  const traceability = startService("traceability", "node", ["dist/server.js"], {
    cwd: TRACEABILITY,
    // One line per request is noise on a developer's terminal; LOG_LEVEL=info brings it back.
    env: { LOG_LEVEL: "warn", ...env, NODE_ENV: "production" },
  })
  const storefront = startService(
    "storefront",
    path.join(BIN, "next"),
    ["start", "-p", String(PORTS.storefront)],
    { cwd: STOREFRONT, env: { ...env, NODE_ENV: "production" } },
  )
  services.push(backend, traceability, storefront)
  for (const s of services) {
    s.on("exit", (code) => {
      if (!stopping) {
        console.error(
          `[start] ${s.serviceName} stopped unexpectedly (exit ${code}); stopping the rest.`,
        )
        shutdown(1)
      }
    })
  }
  await Promise.all([
    waitForHttp(`${URLS.backend}/health`, { child: backend }),
    waitForHttp(`${URLS.traceability}/health`, { child: traceability }),
    waitForHttp(`${URLS.storefront}/vi`, { child: storefront }),
  ])

  let stampLines = []
  const key = publishableKey()
  // Store routes need the publishable key; the command shows it beside the demo commune's URL.
  const indicatorLines = [
    `  Gia Phú indicators   ${URLS.backend}/store/communes/02923/indicators`,
    `    curl -H 'x-publishable-api-key: ${key}' ${URLS.backend}/store/communes/02923/indicators`,
  ]
  try {
    const demo = await ensureDemoTrace({
      backendUrl: URLS.backend,
      traceabilityUrl: URLS.traceability,
      publishableKey: key,
      jwtSecret: secrets.JWT_SECRET,
    })
    stampLines = [
      `  Try a stamp          ${demo.stampUrl}`,
      `  (its QR code)        ${demo.qrUrl}`,
      `  Scanned before       ${demo.scannedStampUrl}`,
      `  Voided (lost roll)   ${demo.voidedStampUrl}`,
    ]
  } catch (error) {
    say(`The demo stamps could not be prepared: ${error.message}`)
  }
  try {
    const preorder = await ensureDemoPreorder({
      backendUrl: URLS.backend,
      traceabilityUrl: URLS.traceability,
    })
    stampLines.push(
      `  Harvest pre-order    ${URLS.storefront}/vi/products/${preorder.handle} (${preorder.status})`,
    )
  } catch (error) {
    say(`The demo pre-order could not be opened: ${error.message}`)
  }

  const seconds = Math.round((Date.now() - started) / 1000)
  console.log(
    [
      "",
      `The platform is running (ready in ${seconds} s). Ctrl-C stops everything.`,
      "",
      `  Storefront (vi)      ${URLS.storefront}/vi`,
      `  Storefront (en)      ${URLS.storefront}/en`,
      `  Backend / store API  ${URLS.backend}  (health: ${URLS.backend}/health)`,
      `  Medusa admin         ${URLS.backend}/app`,
      `  Traceability         ${URLS.traceability}  (health: ${URLS.traceability}/health)`,
      ...stampLines,
      ...indicatorLines,
      "",
      "  Demo logins:",
      ...DEMO_LOGINS.flatMap((l) => [
        `    ${l.role}`,
        `      ${l.email} / ${l.password}  ${l.where(URLS)}`,
      ]),
      "",
    ].join("\n"),
  )
} catch (error) {
  console.error(`[start] ${error.message}`)
  await shutdown(1)
}
