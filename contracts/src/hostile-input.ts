/**
 * Values no field of the platform ever holds, refused before any route sees them: PostgreSQL
 * cannot store a NUL character or half of a UTF-16 surrogate pair in text (it answers with an
 * error the route did not expect), JSON nested deeper than any of our shapes only costs stack
 * and time, and a number past 2^53 is no longer the number the client sent.
 *
 * Both the backend and the traceability service run every request through these, so one hostile
 * request is refused alike by both.
 */
import type { Text } from "./i18n.js"

export const MAX_JSON_DEPTH = 32

export type HostileReason = "nul" | "surrogate" | "depth" | "number" | "encoding" | "pagination"

// Every list route pages with these; a negative or fractional one reaches SQL's LIMIT as is.
const PAGINATION = new Set(["limit", "offset"])

export interface HostileValue {
  /** Where: a dotted path into the body ("metadata.note", "items.0.quantity"), a query parameter's name, or "url". */
  field: string
  reason: HostileReason
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/

function stringProblem(value: string): HostileReason | null {
  if (value.includes("\u0000")) return "nul"
  if (LONE_SURROGATE.test(value)) return "surrogate"
  return null
}

// A path deep enough to find the spot, short enough to read.
const describe = (path: (string | number)[]) =>
  path.length > 6 ? `${path.slice(0, 6).join(".")}…` : path.join(".") || "body"

/** The first hostile value in a parsed JSON (or form) value, depth first; null when there is none. */
export function findHostileValue(value: unknown, root: string[] = []): HostileValue | null {
  const stack: { value: unknown; path: (string | number)[]; depth: number }[] = [
    { value, path: root, depth: 0 },
  ]
  while (stack.length) {
    const { value, path, depth } = stack.pop()!
    if (typeof value === "string") {
      const reason = stringProblem(value)
      if (reason) return { field: describe(path), reason }
    } else if (typeof value === "number") {
      if (!Number.isFinite(value) || Math.abs(value) > Number.MAX_SAFE_INTEGER) {
        return { field: describe(path), reason: "number" }
      }
    } else if (value && typeof value === "object") {
      if (depth >= MAX_JSON_DEPTH) return { field: describe(path), reason: "depth" }
      const entries = Array.isArray(value)
        ? value.map((v, i) => [i, v] as const)
        : Object.entries(value as Record<string, unknown>)
      for (let i = entries.length - 1; i >= 0; i--) {
        const [key, child] = entries[i]!
        if (typeof key === "string") {
          const reason = stringProblem(key)
          if (reason) return { field: describe([...path, key]), reason }
        }
        stack.push({ value: child, path: [...path, key], depth: depth + 1 })
      }
    }
  }
  return null
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: NUL is what this looks for.
const MAYBE_HOSTILE_URL = /[%?\u0000\uD800-\uDFFF]/

function decode(part: string): string | null {
  try {
    return decodeURIComponent(part.replaceAll("+", " "))
  } catch {
    // Percent escapes that are not UTF-8 (a lone surrogate encoded, a stray %ED%A0).
    return null
  }
}

/** The first hostile piece of a request target ("/store/products?q=%00"): a path segment or a query parameter. */
export function findHostileUrl(target: string): HostileValue | null {
  // Every scan passes here: a target without escapes, query, NUL or surrogate halves (a stamp's
  // URI) has nothing the checks below could find.
  if (!MAYBE_HOSTILE_URL.test(target)) return null
  const at = target.indexOf("?")
  const pathname = at < 0 ? target : target.slice(0, at)
  for (const segment of pathname.split("/")) {
    const decoded = decode(segment)
    if (decoded === null) return { field: "url", reason: "encoding" }
    const reason = stringProblem(decoded)
    if (reason) return { field: "url", reason }
  }
  if (at < 0) return null
  for (const pair of target.slice(at + 1).split("&")) {
    const eq = pair.indexOf("=")
    const rawKey = eq < 0 ? pair : pair.slice(0, eq)
    const key = decode(rawKey)
    const name = key && !stringProblem(key) ? key.slice(0, 64) : "query"
    if (key === null) return { field: name, reason: "encoding" }
    const keyReason = stringProblem(key)
    if (keyReason) return { field: name, reason: keyReason }
    const value = decode(eq < 0 ? "" : pair.slice(eq + 1))
    if (value === null) return { field: name, reason: "encoding" }
    const reason = stringProblem(value)
    if (reason) return { field: name, reason }
    if (PAGINATION.has(key) && !/^\d{1,9}$/.test(value))
      return { field: name, reason: "pagination" }
  }
  return null
}

/** What to tell the client, in both languages. */
export function hostileMessage({ field, reason }: HostileValue): Text {
  switch (reason) {
    case "nul":
      return {
        vi: `Trường "${field}" chứa ký tự không hợp lệ (NUL)`,
        en: `The field "${field}" contains an invalid character (NUL)`,
      }
    case "surrogate":
      return {
        vi: `Trường "${field}" chứa ký tự Unicode không hợp lệ (surrogate đơn lẻ)`,
        en: `The field "${field}" contains invalid Unicode (a lone surrogate)`,
      }
    case "encoding":
      return {
        vi: `Trường "${field}" không phải UTF-8 mã hoá URL hợp lệ`,
        en: `The field "${field}" is not valid URL-encoded UTF-8`,
      }
    case "depth":
      return {
        vi: `Trường "${field}" lồng quá sâu (tối đa ${MAX_JSON_DEPTH} tầng)`,
        en: `The field "${field}" is nested too deeply (at most ${MAX_JSON_DEPTH} levels)`,
      }
    case "pagination":
      return {
        vi: `Trường "${field}" phải là số nguyên từ 0 trở lên`,
        en: `The field "${field}" must be a whole number, 0 or more`,
      }
    case "number":
      return {
        vi: `Trường "${field}" chứa số quá lớn để giữ chính xác`,
        en: `The field "${field}" holds a number too large to be exact`,
      }
  }
}
