import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs"
import path from "node:path"
import { afterAll, describe, expect, it } from "vitest"
import { ROOT } from "../lib/pg.mjs"
import { hashInputs } from "../lib/stamps.mjs"

describe("hashInputs (what npm start uses to skip finished steps)", () => {
  const dir = mkdtempSync(path.join(ROOT, ".data-hash-test-"))
  const rel = path.relative(ROOT, dir)
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it("changes when a file's content changes and ignores build folders", () => {
    writeFileSync(path.join(dir, "a.ts"), "one")
    const first = hashInputs([rel])
    expect(hashInputs([rel])).toBe(first)
    writeFileSync(path.join(dir, "a.ts"), "two")
    const second = hashInputs([rel])
    expect(second).not.toBe(first)
    const nm = path.join(dir, "node_modules")
    mkdirSync(nm)
    writeFileSync(path.join(nm, "x.js"), "ignored")
    expect(hashInputs([rel])).toBe(second)
  })

  it("depends on the extra strings too", () => {
    expect(hashInputs([rel], ["a"])).not.toBe(hashInputs([rel], ["b"]))
  })
})
