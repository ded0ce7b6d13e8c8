#!/usr/bin/env node
// `npm start`: install what is missing, prepare PostgreSQL, migrate, seed, build what changed,
// then run the backend, the traceability service and the storefront until Ctrl-C.
import { ensureInstalled } from "./lib/install.mjs"

const started = Date.now()
const say = (line) => console.log(`[start] ${line}`)

ensureInstalled(say)

const { existsSync, readFileSync, cpSync, rmSync } = await import("node:fs")
const path = await import("node:path")
const { ROOT, resolvePostgres, ensureDatabase, withDatabase, databaseName, isPortOpen } =
  await import("./lib/pg.mjs")
const { loadSecrets } = await import("./lib/secrets.mjs")
const { hashInputs, isDone, markDone } = await import("./lib/stamps.mjs")
const { run, startService, stopService, waitForHttp } = await import("./lib/proc.mjs")
const { DEMO_LOGINS } = await import("./lib/demo.mjs")
const { ensureDemoTrace } = await import("./lib/demo-trace.mjs")

const BIN = path.join(ROOT, "node_modules", ".bin")
const BACKEND = path.join(ROOT, "backend")
const STOREFRONT = path.join(ROOT, "storefront")
const TRACEABILITY = path.join(ROOT, "traceability")

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
  // 1. PostgreSQL and the two databases.
  pg = await resolvePostgres({ log: say })
  const backendDb = process.env.DATABASE_URL ?? withDatabase(pg.serverUrl, "coop_backend")
  const traceabilityDb =
    process.env.TRACEABILITY_DATABASE_URL ?? withDatabase(pg.serverUrl, "coop_traceability")
  if (databaseName(backendDb) === databaseName(traceabilityDb)) {
    throw new Error("DATABASE_URL and TRACEABILITY_DATABASE_URL must name different databases")
  }
  for (const url of [backendDb, traceabilityDb]) {
    if (await ensureDatabase(withDatabase(url, "postgres"), databaseName(url))) {
      say(`Created database ${databaseName(url)}`)
    }
  }
  say(`PostgreSQL: ${pg.embedded ? "embedded (.data/postgres)" : "from DATABASE_URL"}`)

  const secrets = loadSecrets()
  const env = {
    ...process.env,
    ...secrets,
    DATABASE_URL: backendDb,
    TRACEABILITY_DATABASE_URL: traceabilityDb,
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
  }

  // 2. Backend: migrations and the demo seed, when their inputs changed or the database is new.
  const medusaVersion = JSON.parse(
    readFileSync(path.join(ROOT, "node_modules/@medusajs/medusa/package.json"), "utf8"),
  ).version
  const envFile = path.join(STOREFRONT, ".env.local")
  const medusa = (args, label) =>
    run(path.join(BIN, "medusa"), args, { cwd: BACKEND, env, quiet: true, label })
  const npmBuild = (workspace) =>
    run("npm", ["run", "build", "-w", workspace], {
      cwd: ROOT,
      env,
      quiet: true,
      label: `${workspace} build`,
    })

  await step({
    name: "backend-setup",
    title: "Migrating the backend database and seeding the demo commune",
    inputs: ["backend/src", "backend/medusa-config.ts"],
    extra: [backendDb, medusaVersion],
    present: async () =>
      existsSync(envFile) &&
      readFileSync(envFile, "utf8").includes("NEXT_PUBLIC_MEDUSA_PUBLISHABLE_KEY=") &&
      (await backendIsSeeded(backendDb)),
    action: async () => {
      await medusa(["db:migrate"], "medusa db:migrate")
      await medusa(["exec", "./src/scripts/seed.ts"], "seed")
    },
  })

  // 3. Builds: the admin dashboard, the traceability service and the storefront.
  await step({
    name: "admin-build",
    title: "Building the admin dashboard (about 30 s)",
    inputs: ["backend/src/admin", "backend/medusa-config.ts"],
    extra: [medusaVersion, URLS.backend],
    present: () => existsSync(path.join(BACKEND, "public/admin/index.html")),
    action: async () => {
      await medusa(["build", "--admin-only"], "medusa build --admin-only")
      // `medusa start` serves the dashboard from public/admin.
      rmSync(path.join(BACKEND, "public/admin"), { recursive: true, force: true })
      cpSync(path.join(BACKEND, ".medusa/admin"), path.join(BACKEND, "public/admin"), {
        recursive: true,
      })
    },
  })
  await step({
    name: "traceability-build",
    title: "Building the traceability service",
    inputs: [
      "traceability/src",
      "traceability/tsconfig.json",
      "traceability/tsconfig.build.json",
      "traceability/package.json",
    ],
    present: () => existsSync(path.join(TRACEABILITY, "dist/server.js")),
    action: () => npmBuild("traceability"),
  })
  await run("node", ["dist/store/migrate-cli.js"], {
    cwd: TRACEABILITY,
    env,
    quiet: true,
    label: "traceability migrations",
  })
  await step({
    name: "storefront-build",
    title: "Building the storefront (about a minute)",
    inputs: [
      "storefront/app",
      "storefront/components",
      "storefront/lib",
      "storefront/i18n",
      "storefront/messages",
      "storefront/public",
      "storefront/styles",
      "storefront/types",
      "storefront/tsconfig.json",
      "storefront/proxy.ts",
      "storefront/next.config.ts",
      "storefront/package.json",
      "storefront/.env.local",
    ],
    extra: [URLS.backend],
    present: () => existsSync(path.join(STOREFRONT, ".next/BUILD_ID")),
    action: () => npmBuild("storefront"),
  })

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
  const key = /NEXT_PUBLIC_MEDUSA_PUBLISHABLE_KEY=(\S+)/.exec(readFileSync(envFile, "utf8"))?.[1]
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

/**
 * Runs `action` unless the step's inputs are unchanged since it last succeeded and its output is
 * still `present`.
 */
async function step({ name, title, inputs, extra = [], present, action }) {
  const hash = hashInputs(inputs, extra)
  if (isDone(name, hash) && (await present())) {
    say(`${title}: up to date (skipped)`)
    return
  }
  const t0 = Date.now()
  say(`${title}...`)
  await action()
  markDone(name, hash)
  say(`${title}: done in ${Math.round((Date.now() - t0) / 1000)} s`)
}

async function backendIsSeeded(url) {
  const { default: pgClient } = await import("pg")
  const client = new pgClient.Client({ connectionString: url })
  try {
    await client.connect()
    const { rows } = await client.query(
      "SELECT count(*)::int AS n FROM api_key WHERE type = 'publishable' AND revoked_at IS NULL",
    )
    return rows[0].n > 0
  } catch {
    return false
  } finally {
    await client.end().catch(() => {})
  }
}
