/**
 * The bank's payment notification webhook: a bank (or an aggregator watching the seller's
 * account) tells the platform that money arrived on a seller's account. Pure functions, no I/O.
 *
 * Request: POST, `Content-Type: application/json`, body
 *
 *   {
 *     "id": "FT24123456789",              bank transaction id, unique per transaction (≤ 100 chars);
 *                                         the receiver uses it to ignore repeated deliveries
 *     "bank_bin": "970405",               NAPAS BIN of the receiving account's bank (6 digits)
 *     "account_number": "1234567890123",  receiving account (1–19 letters/digits)
 *     "amount": 185000,                   whole dong, positive integer (JSON number)
 *     "description": "CT DEN:123456 DH1042 chuyen tien",
 *                                         free text the buyer's bank sent (≤ 500 chars); contains
 *                                         the order part's reference, see findReference
 *     "occurred_at": "2025-03-01T09:30:00+07:00"
 *                                         when the money arrived: ISO 8601 date-time with seconds
 *                                         and an offset ("Z" or "±HH:MM")
 *   }
 *
 * Header `X-VietQR-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, `${t}.${rawBody}`)>`,
 * where rawBody is the exact request body bytes (UTF-8) and the hex digest is 64 characters.
 * Several `v1=` entries may be sent (e.g. while the secret is being rotated); one matching is
 * enough. The receiver rejects a signature whose `t` is more than 5 minutes (default) away from
 * its clock, which bounds replays; the unique `id` makes a replay within that window harmless.
 */
import { type SignatureCheck, signPayload, verifyPayload } from "@coop/contracts/signature"

/** The signature header's name, lowercased as Node exposes request headers. */
export const BANK_SIGNATURE_HEADER = "x-vietqr-signature"

/** The `X-VietQR-Signature` header value for a body: `t=<t>,v1=<hex>`. */
export const signBankNotification = signPayload

export type BankSignatureCheck = SignatureCheck

/**
 * Checks a notification's signature header against the raw body (the scheme Stripe uses for its
 * webhooks too; see src/lib/webhook-signature.ts).
 */
export const verifyBankNotification = verifyPayload

/** A validated bank notification. */
export type BankNotification = {
  id: string
  bank_bin: string
  account_number: string
  amount: number
  description: string
  /** The original ISO 8601 text. */
  occurred_at: string
  /** occurred_at as a Date. */
  occurred_at_date: Date
}

export type BankNotificationProblem = { field: string; message: string }

export type ParsedBankNotification =
  | { ok: true; notification: BankNotification }
  | { ok: false; problems: BankNotificationProblem[] }

const ISO_DATE_TIME_RE =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d{1,9})?(Z|[+-](\d{2}):(\d{2}))$/

/** True for an ISO 8601 date-time with seconds and an offset that names a real instant. */
export function isIsoDateTime(value: string): boolean {
  const m = ISO_DATE_TIME_RE.exec(value)
  if (!m) return false
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number)
  if (month < 1 || month > 12 || day < 1) return false
  // Date.parse rolls 2025-02-30 over to March; check the day against the month.
  if (day > new Date(Date.UTC(year, month, 0)).getUTCDate()) return false
  if (hour > 23 || minute > 59 || second > 59) return false
  if (m[9] !== undefined && (Number(m[9]) > 23 || Number(m[10]) > 59)) return false
  return !Number.isNaN(Date.parse(value))
}

/** Validates a notification body (already JSON-parsed); problems name the field. */
export function parseBankNotification(json: unknown): ParsedBankNotification {
  if (typeof json !== "object" || json === null || Array.isArray(json)) {
    return { ok: false, problems: [{ field: "body", message: "Body must be a JSON object" }] }
  }
  const body = json as Record<string, unknown>
  const problems: BankNotificationProblem[] = []
  const problem = (field: string, message: string) => problems.push({ field, message })

  const { id, bank_bin, account_number, amount, description, occurred_at } = body

  if (typeof id !== "string" || id.trim() === "") {
    problem("id", "id must be a non-empty string (the bank transaction id)")
  } else if (id.length > 100) {
    problem("id", `id must be at most 100 characters, got ${id.length}`)
  }
  if (typeof bank_bin !== "string" || !/^[0-9]{6}$/.test(bank_bin)) {
    problem("bank_bin", `bank_bin must be 6 digits, got ${JSON.stringify(bank_bin)}`)
  }
  if (typeof account_number !== "string" || !/^[A-Za-z0-9]{1,19}$/.test(account_number)) {
    problem(
      "account_number",
      `account_number must be 1–19 letters or digits, got ${JSON.stringify(account_number)}`,
    )
  }
  if (typeof amount !== "number" || !Number.isSafeInteger(amount) || amount <= 0) {
    problem(
      "amount",
      `amount must be a positive whole number of dong, got ${JSON.stringify(amount)}`,
    )
  }
  if (typeof description !== "string") {
    problem("description", "description must be a string")
  } else if (description.length > 500) {
    problem("description", `description must be at most 500 characters, got ${description.length}`)
  }
  if (typeof occurred_at !== "string" || !isIsoDateTime(occurred_at)) {
    problem(
      "occurred_at",
      `occurred_at must be an ISO 8601 date-time with an offset (e.g. 2025-03-01T09:30:00+07:00), got ${JSON.stringify(occurred_at)}`,
    )
  }

  if (problems.length > 0) return { ok: false, problems }
  return {
    ok: true,
    notification: {
      id: id as string,
      bank_bin: bank_bin as string,
      account_number: account_number as string,
      amount: amount as number,
      description: description as string,
      occurred_at: occurred_at as string,
      occurred_at_date: new Date(occurred_at as string),
    },
  }
}

export const DEFAULT_REFERENCE_PATTERN = /DH[0-9A-Z]{4,20}/i

/**
 * The first order reference in a bank transfer description, uppercased, or null. Banks
 * uppercase descriptions and may drop spaces and punctuation, so the match is case-insensitive
 * and may sit anywhere in the text ("CT DEN:123456 DH1042 chuyen tien" -> "DH1042").
 *
 * Note: when a bank glues following words onto the reference ("DH1042CHUYENTIEN"), the default
 * pattern takes those letters too; match candidates by prefix, or keep references at the end of
 * the transfer description (vietQrForPart puts them there).
 */
export function findReference(
  description: string,
  pattern: RegExp = DEFAULT_REFERENCE_PATTERN,
): string | null {
  if (typeof description !== "string" || description === "") return null
  // A fresh, non-global copy: no lastIndex state carried between calls.
  const re = new RegExp(pattern.source, pattern.flags.replace(/[gy]/g, ""))
  const match = re.exec(description)
  return match ? match[0].toUpperCase() : null
}
