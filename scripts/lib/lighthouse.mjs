// Lighthouse for the storefront benchmark only (scripts/bench/storefront.mjs). It is not a
// dependency of any workspace, so `npm start` and `npm test` never install it or its browser
// tooling (chrome-launcher, puppeteer-core, …). scripts/bench/lighthouse/ is a package of its own
// (not a workspace) with a lockfile: the benchmark installs it from the npm registry with
// `npm ci` the first time it needs it, and again only when that lockfile changes.
import { spawnSync } from "node:child_process"
import { createHash, randomBytes } from "node:crypto"
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs"
import path from "node:path"
import { CHROMIUM_ARGS, ensureChromium } from "./chromium.mjs"
import { ROOT } from "./pg.mjs"
import { run } from "./proc.mjs"

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
    // npm's output goes to stderr: a benchmark's stdout is its Markdown report.
    stdio: ["ignore", process.stderr, process.stderr],
  })
  if (result.status !== 0 || !existsSync(cli))
    throw new Error(`npm ci in scripts/bench/lighthouse failed (exit ${result.status})`)
  writeFileSync(stamp, lock)
  return cli
}

/**
 * One Lighthouse run (mobile defaults, performance and accessibility, Vietnamese asked for) of
 * `url` with the CLI at `cli`, in a fresh Chromium profile under `tmp`; its JSON report.
 */
export async function lighthouseReport(cli, url, tmp) {
  const output = path.join(tmp, `lh-${randomBytes(4).toString("hex")}.json`)
  const profile = path.join(tmp, `profile-${randomBytes(4).toString("hex")}`)
  await run(
    process.execPath,
    [
      cli,
      url,
      "--quiet",
      "--output=json",
      `--output-path=${output}`,
      "--only-categories=performance,accessibility",
      `--chrome-flags=${[...CHROMIUM_ARGS, `--user-data-dir=${profile}`].join(" ")}`,
      `--extra-headers=${JSON.stringify({ "Accept-Language": "vi" })}`,
    ],
    {
      quiet: true,
      label: `lighthouse ${url}`,
      env: { ...process.env, CHROME_PATH: await ensureChromium() },
    },
  )
  try {
    return JSON.parse(readFileSync(output, "utf8"))
  } finally {
    rmSync(output, { force: true })
    rmSync(profile, { recursive: true, force: true })
  }
}

/** The first DOM node's HTML snippet in a Lighthouse details tree (an insight's element). */
export function findSnippet(details) {
  if (!details || typeof details !== "object") return undefined
  if (details.type === "node" && details.snippet) return details.snippet
  for (const value of Object.values(details)) {
    const found = findSnippet(value)
    if (found) return found
  }
  return undefined
}
