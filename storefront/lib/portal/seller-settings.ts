import type { SellerMe } from "./context"

// The seller's settings page: which fields the commune reviews before they count (the same
// split as the backend's src/lib/seller-review.ts), who may see the payee, and how a payee is
// typed. Pure: the unit tests run it without a server.

export const PUBLIC_IDENTITY_FIELDS = ["name", "address", "phone"] as const
export const PAYEE_FIELDS = ["bank_bin", "bank_account_number", "bank_account_name"] as const
export type ReviewedField = (typeof PUBLIC_IDENTITY_FIELDS)[number] | (typeof PAYEE_FIELDS)[number]

type Seller = SellerMe["seller"]

/** Only the owner may see and change where buyers' money goes; staff and helpers never see it. */
export const isOwner = (me: SellerMe) =>
  me.actor.type === "seller_member" && me.actor.role === "owner"

/** A reviewed field as the page shows it: the live value, and the one waiting for the commune. */
export type ReviewedValue = { live: string; pending: string | null }

export function reviewed(seller: Seller, field: ReviewedField): ReviewedValue {
  const pending = seller.pending_changes ?? {}
  return {
    live: seller[field] ?? "",
    pending: field in pending ? (pending[field] ?? "") : null,
  }
}

/** The fields waiting for review that this person may see (no payee for staff and helpers). */
export function pendingFields(seller: Seller, owner: boolean): ReviewedField[] {
  const fields: ReviewedField[] = [...PUBLIC_IDENTITY_FIELDS, ...(owner ? PAYEE_FIELDS : [])]
  return fields.filter((f) => reviewed(seller, f).pending !== null)
}

/**
 * Where the payee stands: VietQR is offered only for a payee the commune confirmed with no change
 * of it waiting (backend `acceptsVietQr`).
 */
export function payeeState(seller: Seller): "none" | "confirmed" | "pending" | "unconfirmed" {
  if (PAYEE_FIELDS.some((f) => f in (seller.pending_changes ?? {}))) return "pending"
  if (!seller.bank_bin || !seller.bank_account_number) return "none"
  return seller.payee_confirmed_at ? "confirmed" : "unconfirmed"
}

/** What a bank accepts as a holder's name once normalised: letters, digits, a few marks. */
export const validPayeeName = (name: string) => /^[A-Z0-9][A-Z0-9 .,&()'/-]{1,69}$/.test(name)

/** An account number typed with spaces, dots or dashes between the groups of digits. */
export const normaliseAccountNumber = (text: string) => text.replace(/[\s.-]/g, "")

/** The backend's rule: 4 to 19 letters or digits. */
export const validAccountNumber = (number: string) => /^[0-9A-Za-z]{4,19}$/.test(number)

/** A Vietnamese phone as the backend accepts it: +84 or 0, spaces, dots or dashes allowed. */
export const validPhone = (text: string) => /^\+?[0-9 .-]{8,15}$/.test(text)

/** Tax code (mã số thuế): 10 digits, or 10 digits, "-" and 3 for a branch; as the backend checks. */
export const validTaxCode = (value: string) => /^[0-9]{10}(-[0-9]{3})?$/.test(value)

/** Invoice series per Circular 78/2021 ("1C26TAA" or "C26TAA"); as the backend checks. */
export const validInvoiceSeries = (value: string) =>
  /^[1-6]?[CK][0-9]{2}[TDLMNBGHX][A-Z]{2}$/.test(value)
