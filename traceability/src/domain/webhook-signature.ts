import { createHmac, timingSafeEqual } from "node:crypto"

/**
 * Checks `X-Coop-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<raw body>")>`,
 * the scheme this service signs its own webhooks with (jobs/outbox-deliverer.ts) and the
 * backend's (backend/src/lib/webhook-signature.ts). The HMAC is compared in constant time
 * before the age, so "stale" only ever describes an authentic but old (replayed) message.
 */

export type SignatureCheck = "ok" | "missing" | "malformed" | "mismatch" | "stale"

export const SIGNATURE_TOLERANCE_SECONDS = 300

export function checkSignature(
  secret: string,
  rawBody: string,
  header: string | undefined,
  nowMs = Date.now(),
  toleranceSeconds = SIGNATURE_TOLERANCE_SECONDS,
): SignatureCheck {
  if (!header?.trim()) return "missing"
  let t: number | null = null
  const candidates: Buffer[] = []
  for (const part of header.split(",")) {
    const [key, value, ...rest] = part.trim().split("=")
    if (value === undefined || rest.length) return "malformed"
    if (key === "t") {
      if (t !== null || !/^[0-9]{1,12}$/.test(value)) return "malformed"
      t = Number(value)
    } else if (key === "v1") {
      if (!/^[0-9a-fA-F]{64}$/.test(value)) return "malformed"
      candidates.push(Buffer.from(value, "hex"))
    }
  }
  if (t === null || candidates.length === 0) return "malformed"
  const expected = createHmac("sha256", secret).update(`${t}.${rawBody}`).digest()
  if (!candidates.some((given) => timingSafeEqual(given, expected))) return "mismatch"
  if (Math.abs(Math.floor(nowMs / 1000) - t) > toleranceSeconds) return "stale"
  return "ok"
}
