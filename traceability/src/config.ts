import { availableParallelism } from "node:os"
import { z } from "zod"
import type { StorefrontRevalidateConfig } from "./http/storefront-revalidate.js"
import {
  type IndicatorsConfig,
  indicatorsConfig,
  indicatorsEnvSchema,
  indicatorsProblems,
} from "./indicators-config.js"
import { type ResolverConfig, resolverConfig, resolverEnvSchema } from "./resolver-config.js"
import { type TrustConfig, trustConfig, trustEnvSchema } from "./trust-config.js"

const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const

// Compose files and .env templates often leave a variable present but empty: treat that as unset,
// so defaults apply and required variables are reported as missing rather than as malformed.
const blankAsUnset = (value: unknown) =>
  typeof value === "string" && value.trim() === "" ? undefined : value

const urlWithProtocols = (protocols: string[], example: string) =>
  z.string({ required_error: `required (for example ${example})` }).refine(
    (value) => {
      try {
        return protocols.includes(new URL(value).protocol)
      } catch {
        return false
      }
    },
    { message: `must be a ${protocols.map((p) => `${p}//`).join(" or ")} URL, like ${example}` },
  )

const baseUrl = (example: string) =>
  urlWithProtocols(["http:", "https:"], example).transform((value) => value.replace(/\/+$/, ""))

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
      .number({ invalid_type_error: "must be a port number (0-65535)" })
      .int("must be a whole port number (0-65535)")
      .min(0, "must be a port number (0-65535)")
      .max(65535, "must be a port number (0-65535)")
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
      .string({ required_error: "required (a random string of at least 32 characters)" })
      .min(32, "must be at least 32 characters long"),
  ),
  JWT_SECRET: z.preprocess(
    blankAsUnset,
    z.string({ required_error: "required (the Medusa backend's JWT_SECRET)" }),
  ),
  LOG_LEVEL: z.preprocess(
    blankAsUnset,
    z
      .enum(LOG_LEVELS, {
        errorMap: () => ({ message: `must be one of ${LOG_LEVELS.join(", ")}` }),
      })
      .default("info"),
  ),
  REDIS_URL: z.preprocess(
    blankAsUnset,
    urlWithProtocols(["redis:", "rediss:"], "redis://localhost:6379").optional(),
  ),
  ...resolverEnvSchema,
  ...indicatorsEnvSchema,
  ...trustEnvSchema,
  STOREFRONT_REVALIDATE_URL: z.preprocess(
    blankAsUnset,
    urlWithProtocols(["http:", "https:"], "http://localhost:8000/api/revalidate").optional(),
  ),
  STOREFRONT_REVALIDATE_SECRET: z.preprocess(blankAsUnset, z.string().optional()),
  STAMP_SHEET_THREADS: z.preprocess(
    blankAsUnset,
    z.coerce
      .number({ invalid_type_error: "must be a whole number from 0 to 64" })
      .int("must be a whole number from 0 to 64")
      .min(0, "must be a whole number from 0 to 64")
      .max(64, "must be a whole number from 0 to 64")
      .optional(),
  ),
})

export type LogLevel = (typeof LOG_LEVELS)[number]

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
    ...resolverConfig(e),
    // One core stays with the event loop, which answers scans while sheets render.
    stampSheetThreads: e.STAMP_SHEET_THREADS ?? Math.max(0, availableParallelism() - 1),
    ...indicatorsConfig(e),
    trust: trustConfig(e),
    storefrontRevalidate:
      e.STOREFRONT_REVALIDATE_URL && e.STOREFRONT_REVALIDATE_SECRET
        ? { url: e.STOREFRONT_REVALIDATE_URL, secret: e.STOREFRONT_REVALIDATE_SECRET }
        : null,
  }
}
