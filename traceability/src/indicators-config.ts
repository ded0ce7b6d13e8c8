import { z } from "zod"

/** Delivery of indicator events to the Medusa backend (the outbox); merged into config.ts. */

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

const SECRET_MIN = 16

export const indicatorsEnvSchema = {
  INDICATORS_WEBHOOK_URL: z.preprocess(
    blankAsUnset,
    z
      .string()
      .refine(
        (value) => {
          try {
            return ["http:", "https:"].includes(new URL(value).protocol)
          } catch {
            return false
          }
        },
        {
          message:
            "must be a http:// or https:// URL, like http://localhost:9000/webhooks/traceability",
        },
      )
      .optional(),
  ),
  INDICATORS_WEBHOOK_SECRET: z.preprocess(
    blankAsUnset,
    z.string().min(SECRET_MIN, `must be at least ${SECRET_MIN} characters long`).optional(),
  ),
  OUTBOX_BATCH_SIZE: integer(1, 10_000, 500),
  OUTBOX_INTERVAL_MS: integer(10, 600_000, 1_000),
}

type IndicatorsEnv = z.infer<z.ZodObject<typeof indicatorsEnvSchema>>

export interface IndicatorsConfig {
  /** Where indicator events are POSTed, and the HMAC key of their signature; null sends none. */
  webhook: { url: string; secret: string } | null
  /** Events per POST (and per claim). */
  batchSize: number
  /** How often the deliverer looks for pending events. */
  intervalMs: number
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
        `INDICATORS_WEBHOOK_SECRET: required when INDICATORS_WEBHOOK_URL is set (the secret the backend verifies signatures with, at least ${SECRET_MIN} characters)`,
      ]
    : []
}

export function indicatorsConfig(e: IndicatorsEnv): { indicators: IndicatorsConfig } {
  return {
    indicators: {
      webhook:
        e.INDICATORS_WEBHOOK_URL && e.INDICATORS_WEBHOOK_SECRET
          ? { url: e.INDICATORS_WEBHOOK_URL, secret: e.INDICATORS_WEBHOOK_SECRET }
          : null,
      batchSize: e.OUTBOX_BATCH_SIZE,
      intervalMs: e.OUTBOX_INTERVAL_MS,
    },
  }
}
