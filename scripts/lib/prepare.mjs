// What `npm start` and `npm run start:cluster` both do before running anything: PostgreSQL and
// the two databases, migrations and the demo seed, the admin, traceability and storefront builds.
// Each step is skipped when its inputs did not change since it last succeeded.
import { cpSync, existsSync, readFileSync, rmSync } from "node:fs"
import path from "node:path"
import { databaseName, ensureDatabase, ROOT, resolvePostgres, withDatabase } from "./pg.mjs"
import { run } from "./proc.mjs"
import { loadSecrets } from "./secrets.mjs"
import { hashInputs, isDone, markDone } from "./stamps.mjs"

export const BIN = path.join(ROOT, "node_modules", ".bin")
export const BACKEND = path.join(ROOT, "backend")
export const STOREFRONT = path.join(ROOT, "storefront")
export const TRACEABILITY = path.join(ROOT, "traceability")
export const STOREFRONT_ENV_FILE = path.join(STOREFRONT, ".env.local")

/**
 * Resolves PostgreSQL (the returned `pg` must be stopped by the caller), creates the databases,
 * and returns the environment every service shares. `env` is merged over the defaults.
 */
export async function prepareDatabases({ say, env: extra = {} }) {
  const pg = await resolvePostgres({ log: say })
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
    ...extra,
  }
  return { pg, secrets, env, backendDb, traceabilityDb }
}

/**
 * Migrations, the seed and the builds. `backendUrl` is the address the storefront is built
 * against (its image rules name the backend's host and port).
 */
export async function prepareBuilds({ say, env, backendDb, backendUrl, admin = true }) {
  const medusaVersion = JSON.parse(
    readFileSync(path.join(ROOT, "node_modules/@medusajs/medusa/package.json"), "utf8"),
  ).version
  const medusa = (args, label) =>
    run(path.join(BIN, "medusa"), args, { cwd: BACKEND, env, quiet: true, label })
  const npmBuild = (workspace) =>
    run("npm", ["run", "build", "-w", workspace], {
      cwd: ROOT,
      env,
      quiet: true,
      label: `${workspace} build`,
    })
  const step = (options) => runStep(say, options)

  await step({
    name: "backend-setup",
    title: "Migrating the backend database and seeding the demo commune",
    inputs: ["backend/src", "backend/medusa-config.ts"],
    extra: [backendDb, medusaVersion],
    present: async () =>
      existsSync(STOREFRONT_ENV_FILE) &&
      readFileSync(STOREFRONT_ENV_FILE, "utf8").includes("NEXT_PUBLIC_MEDUSA_PUBLISHABLE_KEY=") &&
      (await backendIsSeeded(backendDb)),
    action: async () => {
      await medusa(["db:migrate"], "medusa db:migrate")
      await medusa(["exec", "./src/scripts/seed.ts"], "seed")
    },
  })

  if (admin)
    await step({
      name: "admin-build",
      title: "Building the admin dashboard (about 30 s)",
      inputs: ["backend/src/admin", "backend/medusa-config.ts"],
      extra: [medusaVersion, backendUrl],
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
    extra: [backendUrl],
    present: () => existsSync(path.join(STOREFRONT, ".next/BUILD_ID")),
    action: () => npmBuild("storefront"),
  })
}

/** The storefront's publishable key, written by the seed. */
export function publishableKey() {
  return /NEXT_PUBLIC_MEDUSA_PUBLISHABLE_KEY=(\S+)/.exec(
    readFileSync(STOREFRONT_ENV_FILE, "utf8"),
  )?.[1]
}

/**
 * Runs `action` unless the step's inputs are unchanged since it last succeeded and its output is
 * still `present`.
 */
async function runStep(say, { name, title, inputs, extra = [], present, action }) {
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
