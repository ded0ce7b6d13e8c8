import { z } from "zod"

/** The resolver's tunables (scans, verdicts, caches, rate limit); merged into config.ts. */

const blankAsUnset = (value: unknown) =>
  typeof value === "string" && value.trim() === "" ? undefined : value

const integer = (min: number, max: number, fallback: number) =>
  z.preprocess(
    blankAsUnset,
    z.coerce
      .number({ invalid_type_error: `must be a whole number from ${min} to ${max}` })
      .int(`must be a whole number from ${min} to ${max}`)
      .min(min, `must be a whole number from ${min} to ${max}`)
      .max(max, `must be a whole number from ${min} to ${max}`)
      .default(fallback),
  )

export const resolverEnvSchema = {
  RESOLVER_RATE_LIMIT: integer(0, 1_000_000, 600),
  SCAN_SUSPICIOUS_AFTER: integer(1, 1_000_000, 20),
  SCAN_TRAVEL_KM: integer(1, 20_000, 200),
  SCAN_TRAVEL_MINUTES: integer(1, 10_080, 60),
  SCAN_FLUSH_INTERVAL_MS: integer(10, 60_000, 1_000),
  SCAN_FLUSH_MAX_ROWS: integer(1, 10_000, 500),
  PROVENANCE_CACHE_TTL_MS: integer(0, 3_600_000, 30_000),
  REDIS_KEY_PREFIX: z.preprocess(
    blankAsUnset,
    z
      .string()
      .regex(/^[A-Za-z0-9:_-]{1,50}$/, "must be letters, digits, ':', '_' or '-'")
      .default("trace:"),
  ),
  TRUST_PROXY: z.preprocess(
    blankAsUnset,
    z
      .string()
      .regex(/^(true|false|\d{1,2})$/, "must be true, false or a number of proxy hops")
      .default("false")
      .transform((value) =>
        value === "true" ? true : value === "false" ? false : Number.parseInt(value, 10),
      ),
  ),
}

type ResolverEnv = z.infer<z.ZodObject<typeof resolverEnvSchema>>

export interface ResolverConfig {
  /** Requests per minute per IP on the public resolver; 0 turns the limit off. */
  rateLimitPerMinute: number
  /** A stamp scanned more often than this is suspicious. */
  suspiciousAfter: number
  /** Two located scans further apart than this ... */
  travelKm: number
  /** ... within this many minutes make a stamp suspicious. */
  travelMinutes: number
  /** The scan log is written at least this often ... */
  flushIntervalMs: number
  /** ... and whenever this many scans wait. */
  flushMaxRows: number
  /** How long stamps and batch provenance stay cached (changes made through the service drop them at once). */
  cacheTtlMs: number
  /** Prefix of every Redis key and channel of the resolver, so services can share one Redis. */
  redisKeyPrefix: string
}

export function resolverConfig(e: ResolverEnv): {
  resolver: ResolverConfig
  trustProxy: boolean | number
} {
  return {
    resolver: {
      rateLimitPerMinute: e.RESOLVER_RATE_LIMIT,
      suspiciousAfter: e.SCAN_SUSPICIOUS_AFTER,
      travelKm: e.SCAN_TRAVEL_KM,
      travelMinutes: e.SCAN_TRAVEL_MINUTES,
      flushIntervalMs: e.SCAN_FLUSH_INTERVAL_MS,
      flushMaxRows: e.SCAN_FLUSH_MAX_ROWS,
      cacheTtlMs: e.PROVENANCE_CACHE_TTL_MS,
      redisKeyPrefix: e.REDIS_KEY_PREFIX,
    },
    trustProxy: e.TRUST_PROXY,
  }
}

/** Fastify's trustProxy for TRUST_PROXY: a hop count becomes "trust that many proxies". */
export function fastifyTrustProxy(value: boolean | number) {
  return typeof value === "boolean" ? value : (_address: string, hop: number) => hop < value
}
