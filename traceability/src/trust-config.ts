import { z } from "zod"

/** Seller trust: the daily stamp quota and the backend's seller-state push; merged into config.ts. */

const blankAsUnset = (value: unknown) =>
  typeof value === "string" && value.trim() === "" ? undefined : value

export const trustEnvSchema = {
  STAMP_DAILY_QUOTA: z.preprocess(
    blankAsUnset,
    z.coerce
      .number({ invalid_type_error: "must be a whole number from 0 to 10000000" })
      .int("must be a whole number from 0 to 10000000")
      .min(0, "must be a whole number from 0 to 10000000")
      .max(10_000_000, "must be a whole number from 0 to 10000000")
      .default(20_000),
  ),
}

type TrustEnv = z.infer<z.ZodObject<typeof trustEnvSchema>> & {
  INDICATORS_WEBHOOK_SECRET?: string
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

export function trustConfig(e: TrustEnv): TrustConfig {
  return {
    stampDailyQuota: e.STAMP_DAILY_QUOTA,
    sellerStateSecret: e.INDICATORS_WEBHOOK_SECRET ?? null,
  }
}
