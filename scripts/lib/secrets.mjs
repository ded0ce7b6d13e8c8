// Development secrets: taken from the environment when set, otherwise generated once and kept in
// .data/secrets.json (git-ignored), so restarts keep sessions and stamps valid. Nothing secret
// is ever committed.
import { randomBytes } from "node:crypto"
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs"
import path from "node:path"
import { ROOT } from "./pg.mjs"

const FILE = path.join(ROOT, ".data", "secrets.json")
export const SECRET_NAMES = [
  "JWT_SECRET",
  "COOKIE_SECRET",
  "STAMP_SIGNING_SECRET",
  "INDICATORS_WEBHOOK_SECRET",
  "STOREFRONT_REVALIDATE_SECRET",
]

export function loadSecrets() {
  const stored = existsSync(FILE) ? JSON.parse(readFileSync(FILE, "utf8")) : {}
  let changed = false
  for (const name of SECRET_NAMES) {
    if (!stored[name]) {
      stored[name] = randomBytes(32).toString("hex")
      changed = true
    }
  }
  if (changed) {
    mkdirSync(path.dirname(FILE), { recursive: true })
    writeFileSync(FILE, `${JSON.stringify(stored, null, 2)}\n`, { mode: 0o600 })
  }
  return Object.fromEntries(SECRET_NAMES.map((name) => [name, process.env[name] || stored[name]]))
}
