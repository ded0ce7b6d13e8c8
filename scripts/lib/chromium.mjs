// Finds (or, as root, installs) Debian's chromium for browser tests and Lighthouse.
// Playwright's own browser downloads are not reachable here, so we drive the distribution's build.
import { spawnSync } from "node:child_process"
import { access, constants } from "node:fs/promises"

const DEBIAN_CHROMIUM = "/usr/bin/chromium"

/** Flags that make Debian's chromium run headless in containers and CI without phoning home. */
export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
]

/**
 * @param {string} path
 * @returns {Promise<boolean>}
 */
async function isExecutable(path) {
  try {
    await access(path, constants.X_OK)
    return true
  } catch {
    return false
  }
}

/**
 * @param {string} command
 * @param {string[]} args
 */
function run(command, args) {
  // apt's progress goes to stderr: a benchmark's stdout is its Markdown report.
  const result = spawnSync(command, args, {
    stdio: ["ignore", process.stderr, process.stderr],
    env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
  })
  if (result.error) throw result.error
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(" ")} exited with status ${result.status}`)
  }
}

/**
 * Path of a Chromium binary: CHROME_PATH if it exists, else Debian's /usr/bin/chromium,
 * installing it with apt-get when running as root.
 * @returns {Promise<string>}
 */
export async function ensureChromium() {
  const fromEnv = process.env.CHROME_PATH
  if (fromEnv && (await isExecutable(fromEnv))) return fromEnv
  if (await isExecutable(DEBIAN_CHROMIUM)) return DEBIAN_CHROMIUM
  if (process.getuid?.() === 0) {
    run("apt-get", ["update"])
    run("apt-get", ["install", "-y", "chromium"])
    if (await isExecutable(DEBIAN_CHROMIUM)) return DEBIAN_CHROMIUM
  }
  throw new Error(
    "Install Debian's chromium: sudo apt-get install -y chromium, or set CHROME_PATH to a Chromium binary",
  )
}

/**
 * Launches Chromium with playwright-core (imported lazily so this file loads without it).
 * @param {import("playwright-core").LaunchOptions} [options] extra launch options
 * @returns {Promise<import("playwright-core").Browser>}
 */
export async function launchChromium(options = {}) {
  const executablePath = await ensureChromium()
  const { chromium } = await import("playwright-core")
  return chromium.launch({
    ...options,
    executablePath,
    args: [...CHROMIUM_ARGS, ...(options.args ?? [])],
  })
}
