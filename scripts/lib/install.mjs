// Installs the workspace's packages when they are missing or the lockfile changed. Plain Node with
// no dependencies: it runs before anything is installed.
import { spawnSync } from "node:child_process"
import { createHash } from "node:crypto"
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs"
import path from "node:path"
import { fileURLToPath } from "node:url"

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..")
const STAMP = path.join(ROOT, ".data", "stamps", "install")
const MANIFESTS = [
  "package.json",
  "package-lock.json",
  "contracts/package.json",
  "backend/package.json",
  "storefront/package.json",
  "traceability/package.json",
  "scripts/package.json",
]

function manifestHash() {
  const hash = createHash("sha256")
  for (const file of MANIFESTS) {
    const full = path.join(ROOT, file)
    hash.update(file)
    if (existsSync(full)) hash.update(readFileSync(full))
  }
  return hash.digest("hex")
}

/**
 * Runs `npm install` unless the last install is current. Not `npm ci`: the lockfile lacks the
 * other platforms' optional packages (the registry here does not serve them), which `npm ci`
 * rejects while `npm install` installs from the lockfile as it is.
 */
export function ensureInstalled(log = console.log) {
  const hash = manifestHash()
  const current =
    existsSync(path.join(ROOT, "node_modules", ".package-lock.json")) &&
    existsSync(STAMP) &&
    readFileSync(STAMP, "utf8") === hash
  if (current) {
    buildContracts()
    return false
  }
  const args = ["install"]
  log("Installing packages (npm install); the first time takes a few minutes...")
  const started = Date.now()
  const result = spawnSync("npm", [...args, "--no-audit", "--no-fund"], {
    cwd: ROOT,
    stdio: "inherit",
  })
  if (result.status !== 0) {
    throw new Error(`npm ${args[0]} failed with exit code ${result.status}`)
  }
  // npm's postinstall built them; a run with --ignore-scripts did not.
  buildContracts()
  mkdirSync(path.dirname(STAMP), { recursive: true })
  writeFileSync(STAMP, manifestHash())
  log(`Packages installed in ${Math.round((Date.now() - started) / 1000)} s`)
  return true
}

/**
 * Compiles the shared contracts (contracts/) when a source file is newer than their build, so an
 * edit there reaches every service on the next `npm start` or `npm test`. A second or so when it
 * does; nothing when the build is current.
 */
function buildContracts() {
  const result = spawnSync(
    process.execPath,
    [path.join(ROOT, "contracts", "build.mjs"), "--if-stale"],
    { cwd: ROOT, stdio: "inherit" },
  )
  if (result.status !== 0) throw new Error("Building contracts/ failed (see above)")
}
