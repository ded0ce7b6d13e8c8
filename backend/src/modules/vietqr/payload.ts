import { bankText } from "@coop/contracts/text"
/**
 * Dynamic VietQR payloads: the NAPAS 247 profile of the EMVCo merchant-presented QR code.
 * Pure functions, no I/O.
 *
 * Every field is TLV: a 2-digit id, a 2-digit length and the value. A transfer to a bank account:
 *
 *   00 = "01"                       payload format indicator
 *   01 = "12"                       point of initiation: dynamic (the QR carries an amount)
 *   38 = 00 = "A000000727"          NAPAS GUID
 *        01 = 00 = bank BIN         the beneficiary's bank (6 digits)
 *             01 = account number
 *        02 = "QRIBFTTA"            service: inter-bank fast transfer to an account
 *   53 = "704"                      currency: VND (no minor unit, whole dong)
 *   54 = amount                     integer, at most 13 characters
 *   58 = "VN"                       country
 *   62 = 01 = bill number           the order part's reference
 *        08 = purpose               the transfer description the buyer's bank app fills in
 *   63 = CRC                        CRC-16/CCITT-FALSE over everything before it, "6304" included
 */

/** A field of the payload that failed validation. */
export type VietQrField = "bankBin" | "accountNumber" | "amount" | "bill" | "purpose"

/** Thrown when an input cannot be encoded into a VietQR payload; `field` names the input. */
export class VietQrInputError extends Error {
  readonly field: VietQrField

  constructor(field: VietQrField, message: string) {
    super(message)
    this.name = "VietQrInputError"
    this.field = field
  }
}

export type VietQrInput = {
  /** NAPAS bank BIN of the beneficiary's bank, 6 digits (e.g. "970405" for Agribank). */
  bankBin: string
  /** Beneficiary account number, 1–19 letters or digits. */
  accountNumber: string
  /** Whole dong, a positive integer of at most 13 digits. */
  amount: number
  /** Bill number (the order part's reference), 1–25 letters or digits. */
  bill: string
  /** Transfer description, at most 25 characters once Vietnamese diacritics are stripped. */
  purpose?: string
}

export const NAPAS_GUID = "A000000727"
export const SERVICE_ACCOUNT_TRANSFER = "QRIBFTTA"
export const CURRENCY_VND = "704"
export const COUNTRY_VN = "VN"

const BIN_RE = /^[0-9]{6}$/
const ACCOUNT_RE = /^[A-Za-z0-9]{1,19}$/
const BILL_RE = /^[A-Za-z0-9]{1,25}$/
const PRINTABLE_ASCII_RE = /^[\x20-\x7E]*$/
const MAX_AMOUNT_DIGITS = 13
const MAX_PURPOSE = 25

/** CRC-16/CCITT-FALSE (poly 0x1021, init 0xFFFF, no reflection, no final XOR) of the UTF-8 bytes, as 4 uppercase hex digits. */
export function crc16CcittFalse(s: string): string {
  let crc = 0xffff
  for (const byte of Buffer.from(s, "utf8")) {
    crc ^= byte << 8
    for (let bit = 0; bit < 8; bit++) {
      crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff
    }
  }
  return crc.toString(16).toUpperCase().padStart(4, "0")
}

/** One TLV field: `id` (2 digits), `value`; the length is `value.length`. */
export type TlvField = { id: string; value: string }

/** Encodes one TLV field. Throws when the value is longer than 99 characters. */
export function tlv(id: string, value: string): string {
  if (!/^[0-9]{2}$/.test(id)) throw new Error(`TLV id must be 2 digits, got "${id}"`)
  if (value.length > 99) {
    throw new Error(`TLV field ${id} is ${value.length} characters long; at most 99 fit`)
  }
  return `${id}${String(value.length).padStart(2, "0")}${value}`
}

/**
 * Splits a TLV string into its fields, in order (nested templates stay as strings: parse their
 * value again). Throws on a truncated field or a length that is not 2 digits.
 */
export function parseTlv(s: string): TlvField[] {
  const fields: TlvField[] = []
  let at = 0
  while (at < s.length) {
    const id = s.slice(at, at + 2)
    const len = s.slice(at + 2, at + 4)
    if (!/^[0-9]{2}$/.test(id) || !/^[0-9]{2}$/.test(len)) {
      throw new Error(`Malformed TLV at offset ${at}: "${s.slice(at, at + 4)}"`)
    }
    const length = Number(len)
    const value = s.slice(at + 4, at + 4 + length)
    if (value.length !== length) {
      throw new Error(
        `TLV field ${id} at offset ${at} declares ${length} characters, has ${value.length}`,
      )
    }
    fields.push({ id, value })
    at += 4 + length
  }
  return fields
}

function validateAmount(amount: number): string {
  if (typeof amount !== "number" || !Number.isSafeInteger(amount) || amount <= 0) {
    throw new VietQrInputError(
      "amount",
      `Amount must be a positive whole number of dong, got ${String(amount)}`,
    )
  }
  const text = String(amount)
  if (text.length > MAX_AMOUNT_DIGITS) {
    throw new VietQrInputError(
      "amount",
      `Amount ${text} has ${text.length} digits; VietQR allows at most ${MAX_AMOUNT_DIGITS}`,
    )
  }
  return text
}

/** The purpose as it goes into the payload (ASCII, trimmed), or "" when there is none. */
export function normalizePurpose(purpose: string | undefined): string {
  if (purpose === undefined) return ""
  if (typeof purpose !== "string") {
    throw new VietQrInputError("purpose", `Purpose must be a string, got ${typeof purpose}`)
  }
  const ascii = bankText(purpose)
  if (!PRINTABLE_ASCII_RE.test(ascii)) {
    throw new VietQrInputError(
      "purpose",
      `Purpose "${purpose}" contains characters banks cannot carry (printable ASCII only after removing diacritics)`,
    )
  }
  if (ascii.length > MAX_PURPOSE) {
    throw new VietQrInputError(
      "purpose",
      `Purpose "${ascii}" is ${ascii.length} characters long; at most ${MAX_PURPOSE} are allowed`,
    )
  }
  return ascii
}

/** Builds a dynamic VietQR payload (with amount) for a transfer to one bank account. */
export function buildVietQrPayload(input: VietQrInput): string {
  const { bankBin, accountNumber, amount, bill, purpose } = input
  if (typeof bankBin !== "string" || !BIN_RE.test(bankBin)) {
    throw new VietQrInputError("bankBin", `Bank BIN must be 6 digits, got "${String(bankBin)}"`)
  }
  if (typeof accountNumber !== "string" || !ACCOUNT_RE.test(accountNumber)) {
    throw new VietQrInputError(
      "accountNumber",
      `Account number must be 1–19 letters or digits, got "${String(accountNumber)}"`,
    )
  }
  const amountText = validateAmount(amount)
  if (typeof bill !== "string" || !BILL_RE.test(bill)) {
    throw new VietQrInputError(
      "bill",
      `Bill number must be 1–25 letters or digits (A-Z, a-z, 0-9), got "${String(bill)}"`,
    )
  }
  const purposeText = normalizePurpose(purpose)

  const beneficiary = tlv("00", bankBin) + tlv("01", accountNumber)
  const merchantAccount =
    tlv("00", NAPAS_GUID) + tlv("01", beneficiary) + tlv("02", SERVICE_ACCOUNT_TRANSFER)
  const additional = tlv("01", bill) + (purposeText ? tlv("08", purposeText) : "")

  const body =
    tlv("00", "01") +
    tlv("01", "12") +
    tlv("38", merchantAccount) +
    tlv("53", CURRENCY_VND) +
    tlv("54", amountText) +
    tlv("58", COUNTRY_VN) +
    tlv("62", additional) +
    "6304"
  return body + crc16CcittFalse(body)
}

/** What a VietQR payload says, read back. */
export type VietQrReading = {
  crcValid: boolean
  dynamic: boolean
  bankBin: string | null
  accountNumber: string | null
  service: string | null
  currency: string | null
  amount: number | null
  country: string | null
  bill: string | null
  purpose: string | null
}

/** Reads a VietQR payload back (the CRC is checked, not enforced). Throws on malformed TLV. */
export function readVietQrPayload(payload: string): VietQrReading {
  const top = new Map(parseTlv(payload).map((f) => [f.id, f.value]))
  const crc = top.get("63")
  const crcValid =
    crc !== undefined &&
    payload.endsWith(`6304${crc}`) &&
    crc16CcittFalse(payload.slice(0, -4)) === crc.toUpperCase()
  const account = new Map(parseTlv(top.get("38") ?? "").map((f) => [f.id, f.value]))
  const beneficiary = new Map(parseTlv(account.get("01") ?? "").map((f) => [f.id, f.value]))
  const additional = new Map(parseTlv(top.get("62") ?? "").map((f) => [f.id, f.value]))
  const amount = top.get("54")
  return {
    crcValid,
    dynamic: top.get("01") === "12",
    bankBin: beneficiary.get("00") ?? null,
    accountNumber: beneficiary.get("01") ?? null,
    service: account.get("02") ?? null,
    currency: top.get("53") ?? null,
    amount: amount === undefined ? null : Number(amount),
    country: top.get("58") ?? null,
    bill: additional.get("01") ?? null,
    purpose: additional.get("08") ?? null,
  }
}

export type NapasBank = {
  /** NAPAS bank identification number. */
  bin: string
  /** The name people know the bank by. */
  short_name: string
  /** The bank's full Vietnamese name. */
  name: string
}

/** A few common NAPAS member banks, for display. Not exhaustive: unknown BINs are still valid. */
export const NAPAS_BANKS: readonly NapasBank[] = [
  {
    bin: "970405",
    short_name: "Agribank",
    name: "Ngân hàng Nông nghiệp và Phát triển Nông thôn Việt Nam",
  },
  { bin: "970436", short_name: "Vietcombank", name: "Ngân hàng TMCP Ngoại thương Việt Nam" },
  { bin: "970415", short_name: "VietinBank", name: "Ngân hàng TMCP Công thương Việt Nam" },
  { bin: "970418", short_name: "BIDV", name: "Ngân hàng TMCP Đầu tư và Phát triển Việt Nam" },
  { bin: "970422", short_name: "MB", name: "Ngân hàng TMCP Quân đội" },
  { bin: "970407", short_name: "Techcombank", name: "Ngân hàng TMCP Kỹ thương Việt Nam" },
  { bin: "970416", short_name: "ACB", name: "Ngân hàng TMCP Á Châu" },
  { bin: "970432", short_name: "VPBank", name: "Ngân hàng TMCP Việt Nam Thịnh Vượng" },
  { bin: "970403", short_name: "Sacombank", name: "Ngân hàng TMCP Sài Gòn Thương Tín" },
  { bin: "970423", short_name: "TPBank", name: "Ngân hàng TMCP Tiên Phong" },
]

/** The short name of a bank in NAPAS_BANKS ("970405" -> "Agribank"), or null when not listed. */
export function bankName(bin: string): string | null {
  return NAPAS_BANKS.find((b) => b.bin === bin)?.short_name ?? null
}
