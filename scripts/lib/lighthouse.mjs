// Lighthouse for the storefront benchmark only (scripts/bench/storefront.mjs). It is not a
// dependency of any workspace, so `npm start` and `npm test` never install it or its browser
// tooling (chrome-launcher, puppeteer-core, …). scripts/bench/lighthouse/ is a package of its own
// (not a workspace) with a lockfile: the benchmark installs it from the npm registry with
// `npm ci` the first time it needs it, and again only when that lockfile changes.
import { spawnSync } from "node:child_process"
import { createHash } from "node:crypto"
import { existsSync, readFileSync, writeFileSync } from "node:fs"
import path from "node:path"
import { ROOT } from "./pg.mjs"

const PREFIX = path.join(ROOT, "scripts", "bench", "lighthouse")

/** The path of Lighthouse's CLI entry, installing scripts/bench/lighthouse/ when needed. */
export function ensureLighthouse(log = console.error) {
  const cli = path.join(PREFIX, "node_modules", "lighthouse", "cli", "index.js")
  const stamp = path.join(PREFIX, "node_modules", ".coop-installed")
  const lock = createHash("sha256")
    .update(readFileSync(path.join(PREFIX, "package-lock.json")))
    .digest("hex")
  if (existsSync(cli) && existsSync(stamp) && readFileSync(stamp, "utf8") === lock) return cli
  log("Installing Lighthouse into scripts/bench/lighthouse (npm ci; only for this benchmark)")
  const result = spawnSync("npm", ["ci", "--no-audit", "--no-fund"], {
    cwd: PREFIX,
    stdio: "inherit",
  })
  if (result.status !== 0 || !existsSync(cli))
    throw new Error(`npm ci in scripts/bench/lighthouse failed (exit ${result.status})`)
  writeFileSync(stamp, lock)
  return cli
}
