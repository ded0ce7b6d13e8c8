import type { ChildProcess } from "node:child_process"
import { randomBytes } from "node:crypto"
import { mkdtempSync } from "node:fs"
import { createRequire } from "node:module"
import { tmpdir } from "node:os"
import path from "node:path"
import { fileURLToPath } from "node:url"
import type { ResolvedPostgres } from "@coop/scripts/pg"
import { type SeededBackend, startSeededBackend } from "@coop/scripts/test-backend"
import type { TestProject } from "vitest/node"
import { RICE, RICE_BATCH, RICE_EVENTS, STAMP_ROLES } from "./fixtures"
import { freePort, runGroup, startGroup, stopGroup, waitForHttp } from "./processes"
import {
  buildTraceability,
  createTraceabilityDatabase,
  type IssuedStamp,
  migrateTraceability,
  prepareBatch,
  startTraceability,
  voidStamps,
} from "./traceability"

declare module "vitest" {
  export interface ProvidedContext {
    /** The storefront, talking to a seeded Medusa and the real traceability service. */
    storefrontUrl: string
    /** The same build, pointed at a backend and a traceability service that are not there. */
    offlineStorefrontUrl: string
    /** The same build with the shop down and the traceability service up. */
    shopDownStorefrontUrl: string
    /**
     * Two genuine stamps of the seeded rice (lot TRACE_LOT), for any test that scans one; none
     * of them is voided, and trace.test.ts never counts on their scan counts.
     */
    traceStamps: IssuedStamp[]
    /** The rice batch (RICE_BATCH, with the RICE_EVENTS season) all stamps belong to. */
    traceBatchId: string
    /** Stamps of the same batch for trace.test.ts alone, one per case it checks. */
    traceCases: Record<"fresh" | "voided" | "suspicious" | "located" | "nojs", IssuedStamp>
    /** The seeded backend the online storefront reads (tests change products through it). */
    backendUrl: string
    /** The traceability service the online storefront reads. */
    traceabilityUrl: string
    /** Its database, to make a change behind the backend's back (no event, no revalidation). */
    backendDatabaseUrl: string
    /** Where the backend's development mail provider writes each mail (MAIL_OUTBOX_DIR). */
    mailDir: string
    /** The secret the online storefront's /api/revalidate checks signatures with. */
    revalidateSecret: string
  }
}

const STOREFRONT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..")
const NEXT = createRequire(import.meta.url).resolve("next/dist/bin/next")
// E2E_DIST_DIR lets two runs in one checkout build side by side.
const DIST_DIR = process.env.E2E_DIST_DIR ?? ".next-test"

const log = (line: string) => {
  if (process.env.E2E_VERBOSE) console.log(line)
}

type StorefrontEnv = { backendUrl: string; publishableKey: string; traceabilityUrl: string }

// The backend posts changed cache tags to the online storefront (app/api/revalidate), signed.
const REVALIDATE_SECRET = randomBytes(32).toString("hex")
// The backend pushes seller states to the traceability service, signed with the secret the two
// share (INDICATORS_WEBHOOK_SECRET): a suspended seller's stamps then read seller_suspended.
const WEBHOOK_SECRET = randomBytes(32).toString("hex")

async function startStorefront(env: StorefrontEnv, port?: number) {
  const listenPort = port ?? (await freePort())
  // No -H: with `-H 127.0.0.1` next-intl's as-needed locale prefix redirects every page to `/`;
  // without it Next listens on all hosts.
  const child = startGroup(
    `storefront:${listenPort}`,
    process.execPath,
    [NEXT, "start", "-p", `${listenPort}`],
    {
      cwd: STOREFRONT,
      env: {
        ...process.env,
        NODE_ENV: "production",
        NEXT_DIST_DIR: DIST_DIR,
        MEDUSA_BACKEND_URL: env.backendUrl,
        NEXT_PUBLIC_MEDUSA_PUBLISHABLE_KEY: env.publishableKey,
        TRACEABILITY_URL: env.traceabilityUrl,
        STOREFRONT_REVALIDATE_SECRET: REVALIDATE_SECRET,
        // The origin in canonical links, as `npm start` gives it.
        STOREFRONT_URL: `http://localhost:${listenPort}`,
      },
      log,
    },
  )
  const url = `http://localhost:${listenPort}`
  try {
    await waitForHttp(`${url}/vi`, child)
  } catch (error) {
    await stopGroup(child)
    throw error
  }
  return { child, url }
}

/** The seeded rice as the shop sells it: the traceability batch refers to its id and title. */
async function seededRice(backend: SeededBackend) {
  const response = await fetch(
    `${backend.url}/store/products?handle=${RICE.handle}&fields=id,title,metadata`,
    { headers: { "x-publishable-api-key": backend.publishableKey } },
  )
  if (!response.ok) throw new Error(`seeded product lookup: HTTP ${response.status}`)
  const { products } = (await response.json()) as {
    products: { id: string; title: string; metadata?: Record<string, unknown> | null }[]
  }
  const rice = products[0]
  if (!rice) throw new Error(`the seeded product ${RICE.handle} is missing`)
  const seller = rice.metadata?.seller_handle
  if (typeof seller !== "string") throw new Error(`the seeded ${RICE.handle} names no seller`)
  return { ...rice, sellerHandle: seller }
}

export default async function setup(project: TestProject) {
  const children: ChildProcess[] = []
  let backend: SeededBackend | undefined
  let tracePg: ResolvedPostgres | undefined
  let traceDb: { url: string; drop: () => Promise<void> } | undefined
  const teardown = async () => {
    await Promise.all(children.map((child) => stopGroup(child)))
    await traceDb?.drop().catch((error) => console.error(`drop trace database: ${error}`))
    // The backend's stop drops its database and gives back its PostgreSQL lease; ours goes last
    // so the server stays up until both databases are dropped.
    await backend?.stop()
    await tracePg?.stop()
  }
  try {
    const build = runGroup("next build", process.execPath, [NEXT, "build"], {
      cwd: STOREFRONT,
      // Built with neither service's address nor the key: all are read when the app runs.
      env: { ...process.env, NODE_ENV: "production", NEXT_DIST_DIR: DIST_DIR },
      log,
    })
    const prepareTraceability = (async () => {
      await buildTraceability(log)
      const created = await createTraceabilityDatabase(log)
      tracePg = created.pg
      traceDb = created.db
      await migrateTraceability(created.db.url, log)
    })()
    // The service redirects scanning browsers to the storefront, the storefront asks the service
    // for the verdict and the backend posts revalidations to it: its port is chosen first.
    const storefrontPort = await freePort()
    // The backend pushes seller states to the service: its port is chosen before either starts.
    const traceabilityPort = await freePort()
    // Mailed links (invitations, helper grants) are stored nowhere else: read them from here.
    const mailDir = mkdtempSync(path.join(tmpdir(), "coop-e2e-mail-"))
    const revalidateEnv = {
      STOREFRONT_REVALIDATE_URL: `http://localhost:${storefrontPort}/api/revalidate`,
      STOREFRONT_REVALIDATE_SECRET: REVALIDATE_SECRET,
      MAIL_OUTBOX_DIR: mailDir,
      TRACEABILITY_URL: `http://127.0.0.1:${traceabilityPort}`,
      INDICATORS_WEBHOOK_SECRET: WEBHOOK_SECRET,
    }
    // Build, boot the backend and prepare the traceability service side by side; wait for all
    // three so none is left running alone.
    const [built, seeded, traced] = await Promise.allSettled([
      build,
      startSeededBackend({ log, env: revalidateEnv }),
      prepareTraceability,
    ])
    if (seeded.status === "fulfilled") backend = seeded.value
    if (built.status === "rejected") throw built.reason
    if (seeded.status === "rejected") throw seeded.reason
    if (traced.status === "rejected") throw traced.reason
    if (!backend || !traceDb) throw new Error("no backend or traceability database")

    const traceability = await startTraceability(
      traceDb.url,
      `http://localhost:${storefrontPort}`,
      { url: backend.url, jwtSecret: backend.jwtSecret, webhookSecret: WEBHOOK_SECRET },
      traceabilityPort,
      log,
    )
    children.push(traceability.child)
    const rice = await seededRice(backend)
    const seller = {
      backendUrl: backend.url,
      // The seed's owner account of the rice's seller (scripts/lib/demo.mjs, DEMO_PASSWORD).
      email: `${rice.sellerHandle}@giaphu.example`,
      password: process.env.DEMO_PASSWORD ?? "giaphu-demo",
    }
    const batch = await prepareBatch(
      traceability,
      seller,
      { product_id: rice.id, ...RICE_BATCH },
      RICE_EVENTS,
      STAMP_ROLES.length,
    )
    const stamp = (role: (typeof STAMP_ROLES)[number]) => batch.stamps[STAMP_ROLES.indexOf(role)]
    await voidStamps(traceability, batch.headers, batch.batchId, [stamp("voided").serial])

    const online = await startStorefront(
      {
        backendUrl: backend.url,
        publishableKey: backend.publishableKey,
        traceabilityUrl: traceability.url,
      },
      storefrontPort,
    )
    children.push(online.child)
    const offline = await startStorefront({
      backendUrl: `http://localhost:${await freePort()}`,
      publishableKey: "pk_none",
      traceabilityUrl: `http://127.0.0.1:${await freePort()}`,
    })
    children.push(offline.child)
    // The shop down, the traceability service up: a stamp still gets its verdict.
    const shopDown = await startStorefront({
      backendUrl: `http://localhost:${await freePort()}`,
      publishableKey: "pk_none",
      traceabilityUrl: traceability.url,
    })
    children.push(shopDown.child)
    project.provide("storefrontUrl", online.url)
    project.provide("offlineStorefrontUrl", offline.url)
    project.provide("shopDownStorefrontUrl", shopDown.url)
    project.provide("traceStamps", batch.stamps.slice(0, 2))
    project.provide("traceBatchId", batch.batchId)
    project.provide("traceCases", {
      fresh: stamp("fresh"),
      voided: stamp("voided"),
      suspicious: stamp("suspicious"),
      located: stamp("located"),
      nojs: stamp("nojs"),
    })
    project.provide("backendUrl", backend.url)
    project.provide("traceabilityUrl", traceability.url)
    project.provide("backendDatabaseUrl", backend.databaseUrl)
    project.provide("mailDir", mailDir)
    project.provide("revalidateSecret", REVALIDATE_SECRET)
  } catch (error) {
    await teardown()
    throw error
  }
  return teardown
}
