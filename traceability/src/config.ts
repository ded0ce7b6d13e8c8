import { availableParallelism } from "node:os"
import { REVALIDATE_TIMEOUT_MS, splitUrlList } from "@coop/contracts/revalidation"
import { z } from "zod"
import type { StorefrontRevalidateConfig } from "./http/storefront-revalidate.js"
import { DEFAULT_WORKER_OPTIONS, type StampWorkerOptions } from "./jobs/stamp-worker.js"

/**
 * The service's whole configuration, read once from the environment and validated: every problem
 * is reported at once, one line per variable, before the service starts.
 */

const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const

// Compose files and .env templates often leave a variable present but empty: treat that as unset,
// so defaults apply and required variables are reported as missing rather than as malformed.
const blankAsUnset = (value: unknown) =>
  typeof value === "string" && value.trim() === "" ? undefined : value

/** A message for a missing value; others keep zod's own. */
const whenMissing = (message: string) => (issue: { input?: unknown }) =>
  issue.input === undefined ? message : undefined

const isUrlWith = (value: string, protocols: string[]) => {
  try {
    return protocols.includes(new URL(value).protocol)
  } catch {
    return false
  }
}

const urlWithProtocols = (protocols: string[], example: string) =>
  z
    .string({ error: whenMissing(`required (for example ${example})`) })
    .refine((value) => isUrlWith(value, protocols), {
      message: `must be a ${protocols.map((p) => `${p}//`).join(" or ")} URL, like ${example}`,
    })

const baseUrl = (example: string) =>
  urlWithProtocols(["http:", "https:"], example).transform((value) => value.replace(/\/+$/, ""))

/** A whole number within bounds, with a default; the message names the bounds. */
const integer = (min: number, max: number, fallback: number) => {
  const message = `must be a whole number from ${min} to ${max}`
  return z.preprocess(
    blankAsUnset,
    z.coerce
      .number({ error: message })
      .int(message)
      .min(min, message)
      .max(max, message)
      .default(fallback),
  )
}

/** A variable that an older version read: set, it is refused with what replaced it. */
const replacedBy = (message: string) => z.preprocess(blankAsUnset, z.undefined({ error: message }))

// An IPv4 or IPv6 address, optionally with a /prefix length; checked again by net.BlockList.
const ADDRESS_OR_CIDR = /^[0-9A-Fa-f.:]{2,45}(\/\d{1,3})?$/

const INDICATORS_SECRET_MIN = 16
const PORT = "must be a port number (0-65535)"

const envSchema = z.object({
  TRACEABILITY_DATABASE_URL: z.preprocess(
    blankAsUnset,
    urlWithProtocols(
      ["postgres:", "postgresql:"],
      "postgres://user:pass@localhost:5432/traceability",
    ),
  ),
  TRACEABILITY_PORT: z.preprocess(
    blankAsUnset,
    z.coerce
      .number({ error: PORT })
      .int("must be a whole port number (0-65535)")
      .min(0, PORT)
      .max(65535, PORT)
      .default(9100),
  ),
  TRACEABILITY_HOST: z.preprocess(blankAsUnset, z.string().default("0.0.0.0")),
  TRACEABILITY_PUBLIC_URL: z.preprocess(
    blankAsUnset,
    baseUrl("https://tem.example.vn").default("http://localhost:9100"),
  ),
  MEDUSA_BACKEND_URL: z.preprocess(
    blankAsUnset,
    baseUrl("https://api.cho.example.vn").default("http://localhost:9000"),
  ),
  STOREFRONT_URL: z.preprocess(
    blankAsUnset,
    baseUrl("https://cho.example.vn").default("http://localhost:8000"),
  ),
  STAMP_SIGNING_SECRET: z.preprocess(
    blankAsUnset,
    z
      .string({ error: whenMissing("required (a random string of at least 32 characters)") })
      .min(32, "must be at least 32 characters long"),
  ),
  JWT_SECRET: z.preprocess(
    blankAsUnset,
    z.string({ error: whenMissing("required (the Medusa backend's JWT_SECRET)") }),
  ),
  LOG_LEVEL: z.preprocess(
    blankAsUnset,
    z.enum(LOG_LEVELS, { error: `must be one of ${LOG_LEVELS.join(", ")}` }).default("info"),
  ),
  REDIS_URL: z.preprocess(
    blankAsUnset,
    urlWithProtocols(["redis:", "rediss:"], "redis://localhost:6379").optional(),
  ),
  // The resolver's tunables (scans, verdicts, caches, rate limit).
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
  // Delivery of indicator events to the Medusa backend (the outbox).
  INDICATORS_WEBHOOK_URL: z.preprocess(
    blankAsUnset,
    z
      .string()
      .refine((value) => isUrlWith(value, ["http:", "https:"]), {
        message:
          "must be a http:// or https:// URL, like http://localhost:9000/webhooks/traceability",
      })
      .optional(),
  ),
  INDICATORS_WEBHOOK_SECRET: z.preprocess(
    blankAsUnset,
    z
      .string()
      .min(INDICATORS_SECRET_MIN, `must be at least ${INDICATORS_SECRET_MIN} characters long`)
      .optional(),
  ),
  OUTBOX_BATCH_SIZE: integer(1, 10_000, 500),
  OUTBOX_INTERVAL_MS: integer(10, 600_000, 1_000),
  // Seller trust: the daily stamp quota.
  STAMP_DAILY_QUOTA: integer(0, 10_000_000, 20_000),
  // The in-service stamp worker (and stamp-worker-main.ts): stamps per transaction, the lease a
  // crashed instance's job waits out before another takes it over, how often to look for jobs.
  STAMP_JOB_CHUNK_SIZE: integer(1, 100_000, DEFAULT_WORKER_OPTIONS.chunkSize),
  STAMP_JOB_LEASE_MS: integer(1_000, 3_600_000, DEFAULT_WORKER_OPTIONS.leaseMs),
  STAMP_JOB_POLL_MS: integer(100, 600_000, DEFAULT_WORKER_OPTIONS.pollMs),
  // One URL per storefront instance, comma-separated (or one name resolved with the dns fan-out).
  STOREFRONT_REVALIDATE_URL: z.preprocess(
    (value) => (typeof value === "string" ? splitUrlList(value) : value),
    z
      .array(urlWithProtocols(["http:", "https:"], "http://localhost:8000/api/revalidate"))
      .optional()
      .transform((urls) => (urls?.length ? urls : undefined)),
  ),
  STOREFRONT_REVALIDATE_SECRET: z.preprocess(blankAsUnset, z.string().optional()),
  STOREFRONT_REVALIDATE_FANOUT: z.preprocess(
    blankAsUnset,
    z.enum(["dns"], { error: 'must be "dns" (or unset)' }).optional(),
  ),
  STOREFRONT_REVALIDATE_TIMEOUT_MS: integer(100, 60_000, REVALIDATE_TIMEOUT_MS),
  STAMP_SHEET_THREADS: z.preprocess(
    blankAsUnset,
    z.coerce
      .number({ error: "must be a whole number from 0 to 64" })
      .int("must be a whole number from 0 to 64")
      .min(0, "must be a whole number from 0 to 64")
      .max(64, "must be a whole number from 0 to 64")
      .optional(),
  ),
})

export type LogLevel = (typeof LOG_LEVELS)[number]

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

export interface IndicatorsConfig {
  /** Where indicator events are POSTed, and the HMAC key of their signature; null sends none. */
  webhook: { url: string; secret: string } | null
  /** Events per POST (and per claim). */
  batchSize: number
  /** How often the deliverer looks for pending events. */
  intervalMs: number
}

export interface TrustConfig {
  /** Stamps a seller may issue per day (Vietnam time); 0: no limit. */
  stampDailyQuota: number
  /**
   * HMAC key of the backend's seller-state pushes (POST /sellers/states): the secret the two
   * services already share for indicator events. Null: pushes are refused (503).
   */
  sellerStateSecret: string | null
}

export interface Config {
  databaseUrl: string
  port: number
  host: string
  /** Base of every stamp URI, without a trailing slash. */
  publicUrl: string
  /** The Medusa backend, asked about products and sellers; without a trailing slash. */
  backendUrl: string
  /** Where browsers scanning a stamp are sent, without a trailing slash. */
  storefrontUrl: string
  stampSigningSecret: string
  jwtSecret: string
  logLevel: LogLevel
  redisUrl: string | undefined
  /** Scans, verdicts, caches and the rate limit of the public resolver. */
  resolver: ResolverConfig
  /** Proxies in front of the service whose X-Forwarded-For is believed (0: none). */
  trustProxyHops: number
  /** Worker threads drawing QR codes for PDF sheets; 0 draws them on the event loop. */
  stampSheetThreads: number
  /** Delivery of indicator events (the outbox) to the Medusa backend. */
  indicators: IndicatorsConfig
  /** Where batch changes are announced to the storefront's cache; null: nowhere. */
  storefrontRevalidate: StorefrontRevalidateConfig | null
  /** The daily stamp quota and the seller-state push. */
  trust: TrustConfig
  /** Background stamp jobs: chunk size, lease, polling (the give-up count is the worker's). */
  stampJobs: Omit<StampWorkerOptions, "maxAttempts">
}

/** Thrown when the environment is incomplete; `problems` holds one line per variable. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  ${p}`).join("\n")}`)
    this.name = "ConfigError"
  }
}

/** Reads and validates the service's configuration from environment variables. */
export function loadConfig(env: Record<string, string | undefined>): Config {
  const parsed = envSchema.safeParse(env)
  const problems = [
    ...(parsed.success
      ? []
      : parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`)),
    ...indicatorsProblems(env),
  ]
  if (!parsed.success || problems.length > 0) throw new ConfigError(problems)
  const e = parsed.data
  return {
    databaseUrl: e.TRACEABILITY_DATABASE_URL,
    port: e.TRACEABILITY_PORT,
    host: e.TRACEABILITY_HOST,
    publicUrl: e.TRACEABILITY_PUBLIC_URL,
    backendUrl: e.MEDUSA_BACKEND_URL,
    storefrontUrl: e.STOREFRONT_URL,
    stampSigningSecret: e.STAMP_SIGNING_SECRET,
    jwtSecret: e.JWT_SECRET,
    logLevel: e.LOG_LEVEL,
    redisUrl: e.REDIS_URL,
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
    // One core stays with the event loop, which answers scans while sheets render.
    stampSheetThreads: e.STAMP_SHEET_THREADS ?? Math.max(0, availableParallelism() - 1),
    indicators: {
      webhook:
        e.INDICATORS_WEBHOOK_URL && e.INDICATORS_WEBHOOK_SECRET
          ? { url: e.INDICATORS_WEBHOOK_URL, secret: e.INDICATORS_WEBHOOK_SECRET }
          : null,
      batchSize: e.OUTBOX_BATCH_SIZE,
      intervalMs: e.OUTBOX_INTERVAL_MS,
    },
    trust: {
      stampDailyQuota: e.STAMP_DAILY_QUOTA,
      sellerStateSecret: e.INDICATORS_WEBHOOK_SECRET ?? null,
    },
    stampJobs: {
      chunkSize: e.STAMP_JOB_CHUNK_SIZE,
      leaseMs: e.STAMP_JOB_LEASE_MS,
      pollMs: e.STAMP_JOB_POLL_MS,
    },
    storefrontRevalidate:
      e.STOREFRONT_REVALIDATE_URL && e.STOREFRONT_REVALIDATE_SECRET
        ? {
            urls: e.STOREFRONT_REVALIDATE_URL,
            fanoutDns: e.STOREFRONT_REVALIDATE_FANOUT === "dns",
            secret: e.STOREFRONT_REVALIDATE_SECRET,
            timeoutMs: e.STOREFRONT_REVALIDATE_TIMEOUT_MS,
          }
        : null,
  }
}

/**
 * What the schema alone cannot say: the secret is required once the URL is set. Checked on the
 * raw environment, so it is reported together with every other problem.
 */
export function indicatorsProblems(env: Record<string, string | undefined>): string[] {
  const url = blankAsUnset(env.INDICATORS_WEBHOOK_URL)
  const secret = blankAsUnset(env.INDICATORS_WEBHOOK_SECRET)
  return url !== undefined && secret === undefined
    ? [
        `INDICATORS_WEBHOOK_SECRET: required when INDICATORS_WEBHOOK_URL is set (the secret the backend verifies signatures with, at least ${INDICATORS_SECRET_MIN} characters)`,
      ]
    : []
}

/**
 * Fastify's trustProxy for TRUST_PROXY_HOPS: X-Forwarded-For names the client only through that
 * many proxies in front of the service (the hops nearest it), never by trusting every sender.
 */
export function fastifyTrustProxy(hops: number) {
  return (_address: string, hop: number) => hop < hops
}
