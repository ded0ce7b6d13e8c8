import type { ChildProcess } from "node:child_process"
import { createRequire } from "node:module"
import path from "node:path"
import { fileURLToPath } from "node:url"
import type { ResolvedPostgres } from "@coop/scripts/pg"
import { type SeededBackend, startSeededBackend } from "@coop/scripts/test-backend"
import type { TestProject } from "vitest/node"
import { RICE, TRACE_LOT } from "./fixtures"
import { freePort, runGroup, startGroup, stopGroup, waitForHttp } from "./processes"
import {
  buildTraceability,
  createTraceabilityDatabase,
  type IssuedStamp,
  issueStamps,
  migrateTraceability,
  startTraceability,
} from "./traceability"

declare module "vitest" {
  export interface ProvidedContext {
    /** The storefront, talking to a seeded Medusa and the real traceability service. */
    storefrontUrl: string
    /** The same build, pointed at a backend and a traceability service that are not there. */
    offlineStorefrontUrl: string
    /** Stamps issued by the traceability service for the seeded rice (lot TRACE_LOT). */
    traceStamps: IssuedStamp[]
  }
}

const STOREFRONT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..")
const NEXT = createRequire(import.meta.url).resolve("next/dist/bin/next")
const DIST_DIR = ".next-test"

const log = (line: string) => {
  if (process.env.E2E_VERBOSE) console.log(line)
}

type StorefrontEnv = { backendUrl: string; publishableKey: string; traceabilityUrl: string }

async function startStorefront(env: StorefrontEnv, port?: number) {
  const listenPort = port ?? (await freePort())
  // No -H: with 127.0.0.1 next-intl's redirects break (see DESIGN.md); Next listens on all hosts.
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
    // Build, boot the backend and prepare the traceability service side by side; wait for all
    // three so none is left running alone.
    const [built, seeded, traced] = await Promise.allSettled([
      build,
      startSeededBackend({ log }),
      prepareTraceability,
    ])
    if (seeded.status === "fulfilled") backend = seeded.value
    if (built.status === "rejected") throw built.reason
    if (seeded.status === "rejected") throw seeded.reason
    if (traced.status === "rejected") throw traced.reason
    if (!backend || !traceDb) throw new Error("no backend or traceability database")

    // The service redirects scanning browsers to the storefront, and the storefront asks the
    // service for the verdict: the storefront's port is chosen first.
    const storefrontPort = await freePort()
    const traceability = await startTraceability(
      traceDb.url,
      `http://localhost:${storefrontPort}`,
      { url: backend.url, jwtSecret: backend.jwtSecret },
      log,
    )
    children.push(traceability.child)
    const rice = await seededRice(backend)
    const stamps = await issueStamps(
      traceability,
      {
        backendUrl: backend.url,
        // The seed's owner account of the rice's seller (scripts/lib/demo.mjs, DEMO_PASSWORD).
        email: `${rice.sellerHandle}@giaphu.example`,
        password: process.env.DEMO_PASSWORD ?? "giaphu-demo",
      },
      {
        productId: rice.id,
        lotCode: TRACE_LOT,
        quantity: 600,
        unit: "kg",
      },
      2,
    )

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
    project.provide("storefrontUrl", online.url)
    project.provide("offlineStorefrontUrl", offline.url)
    project.provide("traceStamps", stamps)
  } catch (error) {
    await teardown()
    throw error
  }
  return teardown
}
