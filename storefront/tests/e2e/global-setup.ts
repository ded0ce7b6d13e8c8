import type { ChildProcess } from "node:child_process"
import { createRequire } from "node:module"
import path from "node:path"
import { fileURLToPath } from "node:url"
import { type SeededBackend, startSeededBackend } from "@coop/scripts/test-backend"
import type { TestProject } from "vitest/node"
import { freePort, runGroup, startGroup, stopGroup, waitForHttp } from "./processes"

declare module "vitest" {
  export interface ProvidedContext {
    /** The storefront, talking to a seeded Medusa. */
    storefrontUrl: string
    /** The same build, pointed at a backend that is not there. */
    offlineStorefrontUrl: string
  }
}

const STOREFRONT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..")
const NEXT = createRequire(import.meta.url).resolve("next/dist/bin/next")
const DIST_DIR = ".next-test"

const log = (line: string) => {
  if (process.env.E2E_VERBOSE) console.log(line)
}

async function startStorefront(backendUrl: string, publishableKey: string) {
  const port = await freePort()
  // No -H: with 127.0.0.1 next-intl's redirects break (see DESIGN.md); Next listens on all hosts.
  const child = startGroup(
    `storefront:${port}`,
    process.execPath,
    [NEXT, "start", "-p", `${port}`],
    {
      cwd: STOREFRONT,
      env: {
        ...process.env,
        NODE_ENV: "production",
        NEXT_DIST_DIR: DIST_DIR,
        MEDUSA_BACKEND_URL: backendUrl,
        NEXT_PUBLIC_MEDUSA_PUBLISHABLE_KEY: publishableKey,
      },
      log,
    },
  )
  const url = `http://localhost:${port}`
  await waitForHttp(`${url}/vi`, child)
  return { child, url }
}

export default async function setup(project: TestProject) {
  const children: ChildProcess[] = []
  let backend: SeededBackend | undefined
  const teardown = async () => {
    await Promise.all(children.map((child) => stopGroup(child)))
    await backend?.stop()
  }
  try {
    const build = runGroup("next build", process.execPath, [NEXT, "build"], {
      cwd: STOREFRONT,
      // Built with neither the backend's address nor its key: both are read when the app runs.
      env: { ...process.env, NODE_ENV: "production", NEXT_DIST_DIR: DIST_DIR },
      log,
    })
    // Build and boot the backend side by side; wait for both so neither is left running alone.
    const [built, seeded] = await Promise.allSettled([build, startSeededBackend({ log })])
    if (seeded.status === "fulfilled") backend = seeded.value
    if (built.status === "rejected") throw built.reason
    if (seeded.status === "rejected") throw seeded.reason
    if (!backend) throw new Error("no backend")
    const online = await startStorefront(backend.url, backend.publishableKey)
    children.push(online.child)
    const offline = await startStorefront(`http://localhost:${await freePort()}`, "pk_none")
    children.push(offline.child)
    project.provide("storefrontUrl", online.url)
    project.provide("offlineStorefrontUrl", offline.url)
  } catch (error) {
    await teardown()
    throw error
  }
  return teardown
}
