#!/usr/bin/env node
// `npm run test:cluster`: starts the scaled topology (scripts/lib/cluster.mjs) and drives it
// through the load balancer (scripts/cluster-test/). Not part of `npm test`; `.ci/run` calls it
// after `npm test`. Uses npm start's databases and builds (the load balancer listens on npm
// start's ports, BACKEND_PORT / TRACEABILITY_PORT / STOREFRONT_PORT, so the storefront build is
// the same); ends with "N passed, N failed".
import { ensureInstalled } from "./lib/install.mjs"

const say = (line) => console.log(`[test:cluster] ${line}`)
ensureInstalled(say)

const path = await import("node:path")
const { ROOT } = await import("./lib/pg.mjs")
const { run } = await import("./lib/proc.mjs")

const started = Date.now()
let code = 0
try {
  await run(
    path.join(ROOT, "node_modules", ".bin", "vitest"),
    ["run", "--config", "cluster-test/vitest.config.mjs"],
    { cwd: path.join(ROOT, "scripts"), env: process.env, label: "cluster tests" },
  )
} catch (error) {
  console.error(`[test:cluster] ${error.message}`)
  code = 1
}
say(`finished in ${Math.round((Date.now() - started) / 1000)} s`)
process.exit(code)
