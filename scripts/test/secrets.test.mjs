import { chmodSync, mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import path from "node:path"
import { describe, expect, it } from "vitest"
import { loadSecrets, SECRET_NAMES } from "../lib/secrets.mjs"

const modeOf = (file) => statSync(file).mode & 0o777

describe("the development secrets file", () => {
  it("is created readable by its owner only, whatever the umask", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "coop-secrets-"))
    const file = path.join(dir, "nested", "secrets.json")
    const before = process.umask(0o000)
    try {
      const secrets = loadSecrets(file)
      expect(Object.keys(secrets)).toEqual(SECRET_NAMES)
    } finally {
      process.umask(before)
    }
    expect(modeOf(file)).toBe(0o600)
  })

  it("stays 0600 when an older world-readable file is rewritten with a new secret", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "coop-secrets-"))
    const file = path.join(dir, "secrets.json")
    writeFileSync(file, JSON.stringify({ JWT_SECRET: "kept" }), { mode: 0o644 })
    chmodSync(file, 0o644)
    const secrets = loadSecrets(file)
    expect(secrets.JWT_SECRET).toBe(process.env.JWT_SECRET || "kept")
    expect(JSON.parse(readFileSync(file, "utf8")).COOKIE_SECRET).toMatch(/^[0-9a-f]{64}$/)
    expect(modeOf(file)).toBe(0o600)
  })

  it("tightens a complete but world-readable file without rewriting it", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "coop-secrets-"))
    const file = path.join(dir, "secrets.json")
    const complete = Object.fromEntries(SECRET_NAMES.map((n) => [n, `${n}-value`]))
    writeFileSync(file, JSON.stringify(complete))
    chmodSync(file, 0o664)
    loadSecrets(file)
    expect(modeOf(file)).toBe(0o600)
    expect(JSON.parse(readFileSync(file, "utf8"))).toEqual(complete)
  })
})
