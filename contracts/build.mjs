#!/usr/bin/env node
// Compiles src/ twice, each with its declarations: ES modules for the storefront, the traceability
// service and every test (dist/esm), CommonJS for the Medusa backend, which runs as CommonJS
// (dist/cjs). package.json's exports pick one by how the importer loads it.
// `--if-stale` does nothing when dist is newer than every source file (npm start and npm test
// call it that way, so an edit here reaches the next run without a step to remember).
import { spawnSync } from "node:child_process"
import { existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs"
import { createRequire } from "node:module"
import path from "node:path"
import { fileURLToPath } from "node:url"

const HERE = path.dirname(fileURLToPath(import.meta.url))
const DIST = path.join(HERE, "dist")
const STAMP = path.join(DIST, ".built")

function newestSource(dir = path.join(HERE, "src")) {
  let newest = 0
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name)
    const time = entry.isDirectory() ? newestSource(full) : statSync(full).mtimeMs
    newest = Math.max(newest, time)
  }
  return newest
}

const inputs = () =>
  Math.max(
    newestSource(),
    ...["package.json", "tsconfig.json", "tsconfig.build.json", "build.mjs"].map(
      (f) => statSync(path.join(HERE, f)).mtimeMs,
    ),
  )

if (
  process.argv.includes("--if-stale") &&
  existsSync(STAMP) &&
  statSync(STAMP).mtimeMs >= inputs()
) {
  process.exit(0)
}

const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc")
const compile = (args) => {
  const result = spawnSync(process.execPath, [tsc, "-p", "tsconfig.build.json", ...args], {
    cwd: HERE,
    stdio: "inherit",
  })
  if (result.status !== 0) process.exit(result.status ?? 1)
}
rmSync(DIST, { recursive: true, force: true })
compile([])
compile(["--module", "commonjs", "--moduleResolution", "node10", "--outDir", "dist/cjs"])
mkdirSync(path.join(DIST, "cjs"), { recursive: true })
writeFileSync(path.join(DIST, "cjs", "package.json"), '{ "type": "commonjs" }\n')
writeFileSync(STAMP, new Date().toISOString())
