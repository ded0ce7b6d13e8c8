import { bankName, buildVietQrPayload, normalizePurpose, VietQrInputError } from "./payload"
import { vietQrSvg } from "./qr-svg"

export type VietQrPartInput = {
  /** The seller's bank: NAPAS BIN, 6 digits. */
  bankBin: string
  /** The seller's own account number: the buyer pays the seller directly. */
  accountNumber: string
  /** Account holder's name, shown to the buyer so they can check it in their bank app. */
  accountName?: string | null
  /** The seller part's amount, whole dong. */
  amount: number
  /** The seller part's reference ("DH…"): bill number, and part of the transfer description. */
  reference: string
  /** Extra transfer description ("Thanh toan don hang"); the reference is appended if missing. */
  purpose?: string
}

/** What the storefront shows for one seller part: the QR and the details to type by hand. */
export type VietQrPart = {
  payload: string
  svg: string
  bank_bin: string
  /** Short bank name when the BIN is in NAPAS_BANKS, else null. */
  bank_name: string | null
  account_number: string
  account_name: string | null
  amount: number
  reference: string
  /** The transfer description in the QR (buyers paying without scanning type this). */
  purpose: string
}

/**
 * The transfer description carried in the QR: it must contain the reference, since that is
 * what the buyer's bank forwards to the seller's bank and what reconciliation looks for. The
 * reference goes last, so a bank that glues words together still leaves it at the end.
 */
export function partPurpose(reference: string, purpose?: string): string {
  if (typeof reference !== "string" || !/^[A-Za-z0-9]{1,25}$/.test(reference)) {
    throw new VietQrInputError(
      "bill",
      `Reference must be 1–25 letters or digits (A-Z, a-z, 0-9), got "${String(reference)}"`,
    )
  }
  const text = normalizePurpose(purpose)
  if (!text) return reference
  if (text.toUpperCase().includes(reference.toUpperCase())) return text
  const combined = `${text} ${reference}`
  if (combined.length > 25) {
    throw new VietQrInputError(
      "purpose",
      `Purpose "${text}" with the reference ${reference} is ${combined.length} characters long; at most 25 are allowed`,
    )
  }
  return combined
}

/** A VietQR payload and its SVG for one seller part of an order, paid to that seller's account. */
export async function vietQrForPart(input: VietQrPartInput): Promise<VietQrPart> {
  const purpose = partPurpose(input.reference, input.purpose)
  const payload = buildVietQrPayload({
    bankBin: input.bankBin,
    accountNumber: input.accountNumber,
    amount: input.amount,
    bill: input.reference,
    purpose,
  })
  return {
    payload,
    svg: await vietQrSvg(payload),
    bank_bin: input.bankBin,
    bank_name: bankName(input.bankBin),
    account_number: input.accountNumber,
    account_name: input.accountName?.trim() || null,
    amount: input.amount,
    reference: input.reference,
    purpose,
  }
}
