import { msg, type Text } from "../messages.js"

/**
 * GS1 Digital Link and the platform's short stamp URIs (see shared/standards/README.md).
 * A stamp of a product with a GTIN gets `{base}/01/{GTIN-14}/10/{lot}/21/{serial}`; a product
 * without one (most cooperatives are not GS1 members) gets `{base}/s/{serial}`.
 */

/** GS1's 82-character set, allowed in lot (AI 10) and serial (AI 21) values. */
const GS1_CHARSET_82 = /^[!"%&'()*+,\-./0-9:;<=>?A-Z_a-z]*$/
export const MAX_LOT_LENGTH = 20

export type GtinResult = { ok: true; gtin: string } | { ok: false; reason: string }

/** The GS1 mod-10 check digit for the digits before it. */
export function gtinCheckDigit(body: string): number {
  let sum = 0
  for (let i = 0; i < body.length; i++) {
    const digit = body.charCodeAt(body.length - 1 - i) - 48
    sum += digit * (i % 2 === 0 ? 3 : 1)
  }
  return (10 - (sum % 10)) % 10
}

/** Why `input` is not a GTIN, in both languages; null when it is one. */
export function gtinProblem(input: string): Text | null {
  if (!/^\d+$/.test(input)) return msg.gtinOnlyDigits(input)
  if (![8, 12, 13, 14].includes(input.length)) return msg.gtinDigits(input)
  const expected = gtinCheckDigit(input.padStart(14, "0").slice(0, 13))
  if (Number(input.at(-1)) !== expected) return msg.gtinCheckDigit(input, expected)
  return null
}

/** Validates a GTIN-8, -12, -13 or -14 and returns it as GTIN-14 (left-padded with zeros). */
export function normaliseGtin(input: string): GtinResult {
  const problem = gtinProblem(input)
  return problem ? { ok: false, reason: problem.en } : { ok: true, gtin: input.padStart(14, "0") }
}

/** Why a lot code cannot go into a Digital Link, or null when it can. */
export function lotCodeText(lot: string): Text | null {
  if (lot.length === 0) return msg.lotEmpty()
  if (lot.length > MAX_LOT_LENGTH) return msg.lotTooLong(MAX_LOT_LENGTH)
  if (!GS1_CHARSET_82.test(lot)) return msg.lotCharset()
  return null
}

/** lotCodeText in English. */
export const lotCodeProblem = (lot: string): string | null => lotCodeText(lot)?.en ?? null

/** Percent-encodes everything but RFC 3986's unreserved characters, as GS1 Digital Link asks. */
export function encodeAiValue(value: string): string {
  return encodeURIComponent(value).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  )
}

export interface StampUriInput {
  baseUrl: string
  serial: string
  lotCode: string
  /** GTIN-14, already validated; null for products without one. */
  gtin: string | null
}

/** The URI printed in a stamp's QR code. */
export function stampUri({ baseUrl, serial, lotCode, gtin }: StampUriInput): string {
  const base = baseUrl.replace(/\/+$/, "")
  if (!gtin) return `${base}/s/${encodeAiValue(serial)}`
  return `${base}/01/${gtin}/10/${encodeAiValue(lotCode)}/21/${encodeAiValue(serial)}`
}
