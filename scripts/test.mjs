#!/usr/bin/env node
// `npm test`: install what is missing, then run every package's tests against a real PostgreSQL
// (DATABASE_URL's server, or the embedded one) and end with one line: "N passed, N failed".
import { ensureInstalled } from "./lib/install.mjs"

const say = (line) => console.log(`[test] ${line}`)
ensureInstalled(say)

const { mkdirSync, readFileSync, existsSync, rmSync } = await import("node:fs")
const path = await import("node:path")
const { ROOT, isPortOpen, resolvePostgres } = await import("./lib/pg.mjs")
const { run } = await import("./lib/proc.mjs")

// Packages in order: fast ones first. `node scripts/test.mjs backend` runs one package.
const ALL = ["contracts", "scripts", "traceability", "backend", "storefront"]
const only = process.argv.slice(2)
const packages = only.length ? ALL.filter((p) => only.includes(p)) : ALL

const resultsDir = path.join(ROOT, ".data", "test-results")
mkdirSync(resultsDir, { recursive: true })

const started = Date.now()
// Start (or find) PostgreSQL once, so every package reuses the same server.
const pg = await resolvePostgres({ log: say })
// Tests that need Redis (several traceability instances sharing counts) use REDIS_URL, or a Redis
// on its default port when one answers; without either they are not part of the run.
const testEnv = { ...process.env }
if (!testEnv.REDIS_URL && !testEnv.TEST_REDIS_URL && (await isPortOpen(6379))) {
  testEnv.TEST_REDIS_URL = "redis://127.0.0.1:6379"
}
say(
  `Redis for tests: ${testEnv.REDIS_URL ?? testEnv.TEST_REDIS_URL ?? "none (multi-instance cases left out)"}`,
)
let passed = 0
let failed = 0
const problems = []
try {
  for (const pkg of packages) {
    const out = path.join(resultsDir, `${pkg}.json`)
    rmSync(out, { force: true })
    say(`── ${pkg} ──`)
    const t0 = Date.now()
    let crashed = null
    try {
      await run(
        path.join(ROOT, "node_modules", ".bin", "vitest"),
        ["run", "--reporter=default", "--reporter=json", `--outputFile.json=${out}`],
        { cwd: path.join(ROOT, pkg), env: testEnv, label: `${pkg} tests` },
      )
    } catch (error) {
      crashed = error.message
    }
    const report = existsSync(out) ? JSON.parse(readFileSync(out, "utf8")) : null
    const p = report?.numPassedTests ?? 0
    const f = report?.numFailedTests ?? 0
    passed += p
    failed += f
    // A failing suite (an error outside any test) or a crashed runner counts as a failure too.
    if (!report || (crashed && f === 0)) {
      failed += 1
      problems.push(`${pkg}: ${crashed ?? "no test report"}`)
    } else if (report.numTotalTests === 0) {
      failed += 1
      problems.push(`${pkg}: ran no test`)
    }
    say(`${pkg}: ${p} passed, ${f} failed in ${Math.round((Date.now() - t0) / 1000)} s`)
  }
} finally {
  await pg.stop().catch(() => {})
}

for (const problem of problems) say(`problem: ${problem}`)
say(`all packages in ${Math.round((Date.now() - started) / 1000)} s`)
console.log(`${passed} passed, ${failed} failed`)
process.exit(failed ? 1 : 0)
