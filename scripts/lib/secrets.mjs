// Development secrets: taken from the environment when set, otherwise generated once and kept in
// .data/secrets.json (git-ignored), so restarts keep sessions and stamps valid. Nothing secret
// is ever committed.
import { randomBytes } from "node:crypto"
import {
  chmodSync,
  existsSync,
  mkdirSync,
  readFileSync,
  renameSync,
  statSync,
  writeFileSync,
} from "node:fs"
import path from "node:path"
import { ROOT } from "./pg.mjs"

export const SECRETS_FILE = path.join(ROOT, ".data", "secrets.json")
export const SECRET_NAMES = [
  "JWT_SECRET",
  "COOKIE_SECRET",
  "STAMP_SIGNING_SECRET",
  "INDICATORS_WEBHOOK_SECRET",
  "STOREFRONT_REVALIDATE_SECRET",
]

/**
 * Writes the file readable by its owner only. `writeFileSync`'s mode applies only when it creates
 * the file, so an older world-readable file would keep its mode: write a new file beside it
 * (created 0600, whatever the umask) and rename it over the old one.
 */
function writePrivate(file, text) {
  mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 })
  const temporary = `${file}.${process.pid}.tmp`
  writeFileSync(temporary, text, { mode: 0o600 })
  chmodSync(temporary, 0o600)
  renameSync(temporary, file)
}

export function loadSecrets(file = SECRETS_FILE) {
  const stored = existsSync(file) ? JSON.parse(readFileSync(file, "utf8")) : {}
  let changed = false
  for (const name of SECRET_NAMES) {
    if (!stored[name]) {
      stored[name] = randomBytes(32).toString("hex")
      changed = true
    }
  }
  if (changed) writePrivate(file, `${JSON.stringify(stored, null, 2)}\n`)
  // A file written by an older version (or copied around) may be readable by others.
  else if (statSync(file).mode & 0o077) chmodSync(file, 0o600)
  return Object.fromEntries(SECRET_NAMES.map((name) => [name, process.env[name] || stored[name]]))
}
