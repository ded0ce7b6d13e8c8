import { readdirSync, readFileSync } from "node:fs"
import path from "node:path"

// lib/ holds the domain rules and never imports api/: it throws DomainErrors (lib/errors.ts) that
// the API's error handler turns into HTTP, and takes who acts as a value (lib/access.ts), not a
// request. This keeps it so.
const src = path.resolve(__dirname, "../..")
const lib = path.join(src, "lib")
const api = path.join(src, "api")

/** Every module specifier a file names: static and type imports, re-exports, import(), require(). */
function specifiers(source: string): string[] {
  const found: string[] = []
  const patterns = [
    /\b(?:import|export)\s[^'"`;]*?\bfrom\s*["']([^"']+)["']/g,
    /\bimport\s*["']([^"']+)["']/g,
    /\b(?:import|require)\s*\(\s*["']([^"']+)["']\s*\)/g,
  ]
  for (const pattern of patterns) {
    for (const match of source.matchAll(pattern)) found.push(match[1]!)
  }
  return found
}

/** Whether a specifier, named in `file`, reaches into src/api. */
function reachesApi(file: string, specifier: string): boolean {
  if (!specifier.startsWith(".")) return false
  const target = path.resolve(path.dirname(file), specifier)
  return target === api || target.startsWith(api + path.sep)
}

describe("lib/ never imports api/", () => {
  it("finds the imports a file writes, in every form", () => {
    const file = path.join(lib, "indicators", "x.ts")
    const source = [
      'import { a } from "../../api/utils/errors"',
      'import type { B } from "../../api/utils/access"',
      "import {\n  c,\n  d,\n} from '../../api/utils/i18n'",
      'export { e } from "../../api/x"',
      'import "../../api/side-effect"',
      'const f = await import("../../api/lazy")',
      'const g = require("../../api/old")',
      'import { h } from "../errors"',
      'import { i } from "@medusajs/framework/http"',
    ].join("\n")
    const named = specifiers(source)
    expect(named.filter((s) => reachesApi(file, s))).toHaveLength(7)
    expect(named).toContain("../errors")
    expect(reachesApi(file, "../errors")).toBe(false)
    expect(reachesApi(file, "@medusajs/framework/http")).toBe(false)
    // A folder whose name only starts like api's is not api.
    expect(reachesApi(path.join(src, "x.ts"), "./api-client")).toBe(false)
  })

  it("holds for every file under src/lib", () => {
    const files = (readdirSync(lib, { recursive: true }) as string[])
      .filter((name) => /\.(ts|tsx|mts|cts)$/.test(name))
      .map((name) => path.join(lib, name))
      // This file's own examples above are strings, not imports.
      .filter((file) => file !== __filename)
    expect(files.length).toBeGreaterThan(30)
    const offending = files.flatMap((file) =>
      specifiers(readFileSync(file, "utf8"))
        .filter((specifier) => reachesApi(file, specifier))
        .map((specifier) => `${path.relative(src, file)} imports ${specifier}`),
    )
    expect(offending).toEqual([])
  })
})
