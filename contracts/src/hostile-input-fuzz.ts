/**
 * Generated hostile requests for the services' fuzz tests (backend and traceability
 * `hostile-input-fuzz.test.ts`): what hostile-input.ts must refuse (NUL characters, lone
 * surrogates, JSON nested past MAX_JSON_DEPTH, numbers past 2^53 or past a double, in bodies,
 * keys, path segments and query parameters), mixed with wrong types and huge strings that must
 * not cost a 5xx. Each service brings its routes and a few words of its own (FuzzVocabulary).
 *
 * Bodies are raw JSON text, so values JSON.stringify cannot write (1e400, a lone surrogate) reach
 * the parser. The generator is seeded, so a failing run can be replayed.
 */
import { MAX_JSON_DEPTH } from "./hostile-input.js"

export type Rng = () => number

/** mulberry32: a small seeded generator. */
export function prng(seed: number): Rng {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export const pick = <T>(rng: Rng, items: readonly T[]): T =>
  items[Math.floor(rng() * items.length)] as T
export const int = (rng: Rng, min: number, max: number) => min + Math.floor(rng() * (max - min + 1))

const str = (s: string) => JSON.stringify(s)

/** JSON nested one level past what is refused, and far past it; objects or arrays. */
const deep = (rng: Rng) => {
  const levels = pick(rng, [MAX_JSON_DEPTH + 1, 64, 500, 2000, 5000])
  return rng() < 0.5
    ? `${'{"a":'.repeat(levels)}1${"}".repeat(levels)}`
    : `${"[".repeat(levels)}${"]".repeat(levels)}`
}

/** Path segments no route may take: a NUL, a surrogate half, percent escapes that are not UTF-8. */
export const POISON_PATH = ["x%00y", "%00", "%ED%A0%80", "%C0%80", "%FF", "a%F0%9F%8C", "%uD800"]

/** The words of one service that its requests are made of, beside the common ones. */
export interface FuzzVocabulary {
  /** A value of the service's own, split where a NUL goes in ("Gạo", "Séng Cù"). */
  nulInside: [before: string, after: string]
  /** A value of the service's own that a lone low surrogate follows. */
  surrogateAfter: string
  /** A field of the service's own, poisoned as a key with a NUL after it. */
  poisonedKey: string
  /** A string the service's fields take only for what it looks like (a date, a link). */
  lookalike: string
  /** Lengths of the huge strings, some past the service's body limit. */
  hugeLengths: number[]
  /** The key a body falls back on when a route names no fields. */
  otherKey: string
  /** `limit` values, valid or not, that some requests carry. */
  limits: string[]
  /** Query parameters no route may take. */
  poisonQuery: string[]
}

/** A route to fuzz: `{name}` in the path is filled from the fixture; `fields` name its body's. */
export interface FuzzRoute {
  method: string
  path: string
  fields?: string[]
}

export interface FuzzRequest<R extends FuzzRoute> {
  route: R
  /** Path and query, percent escapes as written. */
  url: string
  /** Raw JSON text, or none. */
  data?: string
}

type Raw = (rng: Rng) => string

// Routes that read a body always get one; the others only sometimes, and only if they name fields.
const WRITES = /^(post|put|patch)$/i

/** A generator of hostile requests to `routes`, in the words of `vocabulary`. */
export function hostileRequests<R extends FuzzRoute>(
  routes: readonly R[],
  vocabulary: FuzzVocabulary,
) {
  const [before, after] = vocabulary.nulInside
  const poisonValues: Raw[] = [
    () => '"\\u0000"',
    () => `"${before}\\u0000${after}"`,
    () => '"\\ud800"',
    () => `"${vocabulary.surrogateAfter}\\udfff"`,
    () => '"\\udbff\\u0041"',
    deep,
    () => "1e400",
    () => "-1e400",
    () => "123456789012345678901234567890",
    () => "9007199254740993",
  ]
  const poisonKeys = ['"k\\u0000"', '"\\ud800"', `"${vocabulary.poisonedKey}\\u0000"`]
  const junkValues: Raw[] = [
    () => "true",
    () => "null",
    () => "[]",
    () => "{}",
    () => "0",
    () => "-1",
    () => "1.5",
    () => "1e21",
    () => "9007199254740991",
    () => '""',
    () => str("Gạo Séng Cù 🌾"),
    () => str("<script>alert(1)</script>"),
    () => str("' OR 1=1 --"),
    () => str(vocabulary.lookalike),
    (rng) => str("a".repeat(pick(rng, vocabulary.hugeLengths))),
    (rng) => `[${Array.from({ length: int(rng, 1, 4) }, () => int(rng, -5, 5)).join(",")}]`,
  ]

  /** A JSON object of junk under plausible and random keys; `poison` goes somewhere inside. */
  function body(rng: Rng, fields: string[], poison: string | null): string {
    // JSON keeps the last of duplicate keys: the poison's key appears once, or it could be hidden.
    const poisonKey = fields.length ? pick(rng, fields) : vocabulary.otherKey
    const keys = [...fields, vocabulary.otherKey, "extra", "0", "__proto__"].filter(
      (k) => poison === null || k !== poisonKey,
    )
    const entries: string[] = []
    for (let i = int(rng, 0, 4); i > 0; i--) {
      const value =
        rng() < 0.25
          ? `{${str(pick(rng, keys))}:${pick(rng, junkValues)(rng)}}`
          : pick(rng, junkValues)(rng)
      entries.push(`${str(pick(rng, keys))}:${value}`)
    }
    if (poison !== null) {
      // Somewhere: a top-level value, a value a few levels down, an array element, or a key.
      const where = int(rng, 0, 3)
      const key = str(poisonKey)
      if (where === 0) entries.push(`${key}:${poison}`)
      else if (where === 1) entries.push(`${key}:{"a":{"b":[1,${poison}]}}`)
      else if (where === 2) entries.push(`${key}:[${poison}]`)
      else entries.push(`${pick(rng, poisonKeys)}:${pick(rng, junkValues)(rng)}`)
    }
    // Shuffled, so the poison is not always last.
    for (let i = entries.length - 1; i > 0; i--) {
      const j = int(rng, 0, i)
      ;[entries[i], entries[j]] = [entries[j] as string, entries[i] as string]
    }
    return `{${entries.join(",")}}`
  }

  /** One request; a poisoned one carries at least one value no route may accept. */
  return function generate(
    rng: Rng,
    fixture: Record<string, string>,
    poisoned: boolean,
  ): FuzzRequest<R> {
    const route = pick(rng, routes)
    const params = route.path.match(/\{\w+\}/g) ?? []
    const spots = ["query", ...(route.fields ? ["body"] : []), ...(params.length ? ["path"] : [])]
    const spot = poisoned ? pick(rng, spots) : null
    const value = (name: string) => {
      const found = fixture[name]
      if (found === undefined) throw new Error(`the fixture has no ${name} for ${route.path}`)
      return found
    }
    let path = route.path.replace(/\{(\w+)\}/g, (_m, name: string) => value(name))
    if (spot === "path") {
      const name = pick(rng, params).slice(1, -1)
      path = path.replace(value(name), pick(rng, POISON_PATH))
    }
    const query = [
      ...(rng() < 0.3 ? [`limit=${pick(rng, vocabulary.limits)}`] : []),
      ...(spot === "query" ? [pick(rng, vocabulary.poisonQuery)] : []),
    ]
    const url = query.length ? `${path}${path.includes("?") ? "&" : "?"}${query.join("&")}` : path
    const data =
      spot === "body" || WRITES.test(route.method) || (route.fields && rng() < 0.5)
        ? body(rng, route.fields ?? [], spot === "body" ? pick(rng, poisonValues)(rng) : null)
        : undefined
    return { route, url, data }
  }
}
