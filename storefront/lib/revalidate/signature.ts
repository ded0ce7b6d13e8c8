import { createHmac, timingSafeEqual } from "node:crypto"

/**
 * The revalidation webhook's signature, the scheme of the backend's other webhooks
 * (backend/src/lib/webhook-signature.ts): header `X-Coop-Signature: t=<unix seconds>,v1=<hex
 * HMAC-SHA256(secret, "<t>.<raw body>")>`. The secret never travels, and a captured request
 * stops working after the tolerance, so a replay cannot keep the shop's cache cold.
 */
export const SIGNATURE_HEADER = "x-coop-signature"
export const SIGNATURE_TOLERANCE_SECONDS = 300

export type SignatureCheck =
  | { ok: true }
  | { ok: false; reason: "missing" | "malformed" | "stale" | "mismatch" }

const hmacHex = (secret: string, t: number, body: string) =>
  createHmac("sha256", secret).update(`${t}.${body}`, "utf8").digest("hex")

/** A header value for a body (the backend signs the same way; tests use it too). */
export function signBody(body: string, secret: string, nowMs = Date.now()): string {
  const t = Math.floor(nowMs / 1000)
  return `t=${t},v1=${hmacHex(secret, t, body)}`
}

function parse(header: string): { t: number; v1: string[] } | null {
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
  }
  return t === null || v1.length === 0 ? null : { t, v1 }
}

/** Checks the signature first, then the time, so "stale" means an authentic but old request. */
export function verifySignature(
  body: string,
  header: string | null,
  secret: string,
  nowMs = Date.now(),
): SignatureCheck {
  if (!header?.trim()) return { ok: false, reason: "missing" }
  const parsed = parse(header)
  if (!parsed) return { ok: false, reason: "malformed" }
  const expected = Buffer.from(hmacHex(secret, parsed.t, body), "hex")
  const matched = parsed.v1.some((candidate) => {
    const given = Buffer.from(candidate, "hex")
    return given.length === expected.length && timingSafeEqual(given, expected)
  })
  if (!matched) return { ok: false, reason: "mismatch" }
  const age = Math.abs(Math.floor(nowMs / 1000) - parsed.t)
  return age > SIGNATURE_TOLERANCE_SECONDS ? { ok: false, reason: "stale" } : { ok: true }
}
