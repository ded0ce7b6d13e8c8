// "Already done" markers for the start script: a hash of a step's inputs, kept in .data/stamps.
import { createHash } from "node:crypto"
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs"
import path from "node:path"
import { ROOT } from "./pg.mjs"

const DIR = path.join(ROOT, ".data", "stamps")
const SKIP = new Set([
  "node_modules",
  ".next",
  ".next-test",
  ".medusa",
  "dist",
  "static",
  "public",
  "test-results",
])

function addTree(hash, full) {
  if (!existsSync(full)) return
  const stat = statSync(full)
  if (stat.isFile()) {
    hash.update(path.relative(ROOT, full))
    hash.update(readFileSync(full))
    return
  }
  for (const entry of readdirSync(full).sort()) {
    if (!SKIP.has(entry)) addTree(hash, path.join(full, entry))
  }
}

/** A hash of files and folders (relative to the repository root) and extra strings. */
export function hashInputs(paths, extra = []) {
  const hash = createHash("sha256")
  for (const p of paths) addTree(hash, path.join(ROOT, p))
  for (const e of extra) hash.update(String(e))
  return hash.digest("hex")
}

export function isDone(step, hash) {
  const file = path.join(DIR, step)
  return existsSync(file) && readFileSync(file, "utf8") === hash
}

export function markDone(step, hash) {
  mkdirSync(DIR, { recursive: true })
  writeFileSync(path.join(DIR, step), hash)
}
