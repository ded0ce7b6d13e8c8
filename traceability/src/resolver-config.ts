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

/** A variable that an older version read: set, it is refused with what replaced it. */
const replacedBy = (message: string) =>
  z.preprocess(blankAsUnset, z.undefined({ invalid_type_error: message }))

// An IPv4 or IPv6 address, optionally with a /prefix length; checked again by net.BlockList.
const ADDRESS_OR_CIDR = /^[0-9A-Fa-f.:]{2,45}(\/\d{1,3})?$/

export const resolverEnvSchema = {
  RESOLVER_RATE_LIMIT: integer(0, 1_000_000, 600),
  RENDER_RATE_LIMIT: integer(1, 1_000_000, 120),
  RATE_LIMIT_ALLOW: z.preprocess(
    blankAsUnset,
    z
      .string()
      .default("")
      .transform((value) =>
        value
          .split(",")
          .map((part) => part.trim())
          .filter(Boolean),
      )
      .refine((parts) => parts.every((part) => ADDRESS_OR_CIDR.test(part)), {
        message: "must be IP addresses or CIDR ranges separated by commas",
      }),
  ),
  SCAN_SUSPICIOUS_NETWORKS: integer(1, 50, 10),
  SCAN_SUSPICIOUS_AFTER: replacedBy(
    "replaced by SCAN_SUSPICIOUS_NETWORKS (distinct networks, not scans, make a stamp suspicious)",
  ),
  SCAN_REPEAT_WINDOW_MINUTES: integer(0, 10_080, 60),
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
  TRUST_PROXY_HOPS: integer(0, 10, 0),
  TRUST_PROXY: replacedBy("replaced by TRUST_PROXY_HOPS (the number of proxies in front, e.g. 1)"),
}

type ResolverEnv = z.infer<z.ZodObject<typeof resolverEnvSchema>>

export interface ResolverConfig {
  /** Requests per minute per client (IPv4 address, IPv6 /64) on the public routes; 0 turns every limit off. */
  rateLimitPerMinute: number
  /** ... on the public routes that compute per request: QR images, chain checks, EPCIS exports. */
  renderRateLimitPerMinute: number
  /** Addresses and CIDR ranges never limited (the storefront's server, monitors). */
  rateLimitAllow: string[]
  /** A stamp scanned from more distinct networks (IPv4 /24, IPv6 /48) than this is suspicious. */
  suspiciousNetworks: number
  /** Scans of a stamp from one network within this many minutes of its last one count once. */
  repeatWindowMinutes: number
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
  trustProxyHops: number
} {
  return {
    resolver: {
      rateLimitPerMinute: e.RESOLVER_RATE_LIMIT,
      renderRateLimitPerMinute: e.RENDER_RATE_LIMIT,
      rateLimitAllow: e.RATE_LIMIT_ALLOW,
      suspiciousNetworks: e.SCAN_SUSPICIOUS_NETWORKS,
      repeatWindowMinutes: e.SCAN_REPEAT_WINDOW_MINUTES,
      travelKm: e.SCAN_TRAVEL_KM,
      travelMinutes: e.SCAN_TRAVEL_MINUTES,
      flushIntervalMs: e.SCAN_FLUSH_INTERVAL_MS,
      flushMaxRows: e.SCAN_FLUSH_MAX_ROWS,
      cacheTtlMs: e.PROVENANCE_CACHE_TTL_MS,
      redisKeyPrefix: e.REDIS_KEY_PREFIX,
    },
    trustProxyHops: e.TRUST_PROXY_HOPS,
  }
}

/**
 * Fastify's trustProxy for TRUST_PROXY_HOPS: X-Forwarded-For names the client only through that
 * many proxies in front of the service (the hops nearest it), never by trusting every sender.
 */
export function fastifyTrustProxy(hops: number) {
  return (_address: string, hop: number) => hop < hops
}
