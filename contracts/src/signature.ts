/**
 * `X-Coop-Signature`: how one service proves a webhook body came from another (the indicator
 * and seller-state webhooks, the storefront's revalidation webhook, the bank's VietQR notices).
 * Header `t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<raw body>")>`, Stripe's scheme: the
 * secret never travels, and a captured request stops working after the tolerance.
 */
import { createHmac, timingSafeEqual } from "node:crypto"

export const SIGNATURE_HEADER = "x-coop-signature"
export const SIGNATURE_TOLERANCE_SECONDS = 300

export type SignatureCheck =
  | { ok: true }
  | { ok: false; reason: "missing" | "malformed" | "stale" | "mismatch" }

const nowInSeconds = () => Math.floor(Date.now() / 1000)

function hmacHex(secret: string, t: number | string, rawBody: string): string {
  return createHmac("sha256", secret).update(`${t}.${rawBody}`, "utf8").digest("hex")
}

function requireSecret(secret: string): void {
  if (typeof secret !== "string" || secret.length === 0) {
    throw new Error("The webhook signing secret is not configured")
  }
}

/** The header value for a body: `t=<t>,v1=<hex>`. */
export function signPayload(rawBody: string, secret: string, t = nowInSeconds()): string {
  requireSecret(secret)
  if (!Number.isSafeInteger(t) || t < 0) throw new Error(`Invalid timestamp ${t}`)
  return `t=${t},v1=${hmacHex(secret, t, rawBody)}`
}

function parseHeader(header: string): { t: number; v1: string[] } | null {
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
    } else if (value.includes("=")) {
      return null
    }
    // Other keys (future schemes) are ignored.
  }
  if (t === null || v1.length === 0) return null
  return { t, v1 }
}

/**
 * Checks a signature header against the raw body. The HMAC is checked (in constant time) before
 * the timestamp, so "stale" only ever describes an authentic message that is too old or too far
 * in the future: a late delivery or a replay.
 */
export function verifyPayload(
  rawBody: string,
  header: string | null | undefined,
  secret: string,
  {
    nowSeconds = nowInSeconds(),
    toleranceSeconds = SIGNATURE_TOLERANCE_SECONDS,
  }: { nowSeconds?: number; toleranceSeconds?: number } = {},
): SignatureCheck {
  requireSecret(secret)
  if (typeof header !== "string" || header.trim() === "") return { ok: false, reason: "missing" }
  const parsed = parseHeader(header)
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

/**
 * POSTs a JSON body signed with `secret` and waits at most `timeoutMs`. Resolves to what went
 * wrong ("HTTP 401", "TimeoutError: …"), or null when the receiver took it (2xx). Redirects are
 * not followed: a signed body goes only where it was addressed.
 */
export async function postSigned(
  url: string,
  body: string,
  secret: string,
  timeoutMs: number,
): Promise<string | null> {
  try {
    const response = await fetch(url, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        [SIGNATURE_HEADER]: signPayload(body, secret),
      },
      body,
      redirect: "manual",
      signal: AbortSignal.timeout(timeoutMs),
    })
    await response.body?.cancel()
    return response.ok ? null : `HTTP ${response.status}`
  } catch (error) {
    return error instanceof Error ? `${error.name}: ${error.message}` : String(error)
  }
}
