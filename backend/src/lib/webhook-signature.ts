/**
 * Timestamped HMAC signatures of webhook bodies: header `t=<unix seconds>,v1=<hex HMAC-SHA256(
 * secret, `${t}.${rawBody}`)>`. Stripe signs its webhooks this way, and so do the bank
 * notifications the platform accepts (src/modules/vietqr/bank-notification.ts).
 */
import { createHmac, timingSafeEqual } from "node:crypto"

export const DEFAULT_SIGNATURE_TOLERANCE_SECONDS = 300

const nowInSeconds = () => Math.floor(Date.now() / 1000)

function hmacHex(secret: string, t: number | string, rawBody: string): string {
  return createHmac("sha256", secret).update(`${t}.${rawBody}`, "utf8").digest("hex")
}

function requireSecret(secret: string): void {
  if (typeof secret !== "string" || secret.length === 0) {
    throw new Error("The webhook signing secret is not configured")
  }
}

/** A signature header value for a body: `t=<t>,v1=<hex>`. */
export function signWebhookPayload(rawBody: string, secret: string, t = nowInSeconds()): string {
  requireSecret(secret)
  if (!Number.isSafeInteger(t) || t < 0) throw new Error(`Invalid timestamp ${t}`)
  return `t=${t},v1=${hmacHex(secret, t, rawBody)}`
}

export type WebhookSignatureCheck =
  | { ok: true }
  | { ok: false; reason: "missing" | "malformed" | "stale" | "mismatch" }

function parseSignatureHeader(header: string): { t: number; v1: string[] } | null {
  let t: number | null = null
  const v1: string[] = []
  for (const part of header.split(",")) {
    const eq = part.indexOf("=")
    if (eq < 0) return null
    const key = part.slice(0, eq).trim()
    const value = part.slice(eq + 1).trim()
    if (key === "t") {
      if (t !== null || !/^[0-9]{1,12}$/.test(value)) return null
      t = Number(value)
    } else if (key === "v1") {
      if (!/^[0-9a-fA-F]{64}$/.test(value)) return null
      v1.push(value.toLowerCase())
    }
    // Other keys (future schemes) are ignored.
  }
  if (t === null || v1.length === 0) return null
  return { t, v1 }
}

/**
 * Checks a signature header against the raw body. The signature is checked
 * before the timestamp, so "stale" means an authentic notification that is too old (or too far
 * in the future): a late delivery or a replay. Comparison is constant-time.
 */
export function verifyWebhookSignature(
  rawBody: string,
  header: string | undefined,
  secret: string,
  nowSeconds: number = nowInSeconds(),
  toleranceSeconds: number = DEFAULT_SIGNATURE_TOLERANCE_SECONDS,
): WebhookSignatureCheck {
  requireSecret(secret)
  if (header === undefined || header === null || header.trim() === "") {
    return { ok: false, reason: "missing" }
  }
  const parsed = parseSignatureHeader(header)
  if (!parsed) return { ok: false, reason: "malformed" }

  const expected = Buffer.from(hmacHex(secret, parsed.t, rawBody), "hex")
  let matched = false
  for (const candidate of parsed.v1) {
    const given = Buffer.from(candidate, "hex")
    // Both are 32 bytes (64 hex digits were required); timingSafeEqual throws on unequal lengths.
    if (given.length === expected.length && timingSafeEqual(given, expected)) matched = true
  }
  if (!matched) return { ok: false, reason: "mismatch" }
  if (Math.abs(nowSeconds - parsed.t) > toleranceSeconds) return { ok: false, reason: "stale" }
  return { ok: true }
}
