/**
 * Which seller fields the commune reviews before they count, and when a seller may be paid by
 * VietQR. Pure: the profile workflow, the review workflow, the checkout guard and the order split
 * all decide through these functions.
 *
 * - The public identity (name, address, phone) is what a buyer and a stamp page read as "who made
 *   this"; the payee is where buyers' money goes. An owner's change to any of them is held in
 *   `pending_changes` until the commune officer of the seller's commune (or an operator) approves
 *   it; the live columns only ever hold reviewed values.
 * - Only the owner may change the payee; staff and helpers may not even propose it.
 * - VietQR is offered only for a seller whose live payee was confirmed and who has no payee
 *   change waiting: a pending change holds VietQR until it is decided.
 */

export const PUBLIC_IDENTITY_FIELDS = ["name", "address", "phone"] as const
export const PAYEE_FIELDS = ["bank_bin", "bank_account_number", "bank_account_name"] as const
export const REVIEWED_FIELDS = [...PUBLIC_IDENTITY_FIELDS, ...PAYEE_FIELDS] as const

export type ReviewedField = (typeof REVIEWED_FIELDS)[number]
export type PendingChanges = Partial<Record<ReviewedField, string | null>>

export interface ReviewableSeller {
  name?: string | null
  address?: string | null
  phone?: string | null
  bank_bin?: string | null
  bank_account_number?: string | null
  bank_account_name?: string | null
  payee_confirmed_at?: Date | string | null
  pending_changes?: PendingChanges | Record<string, unknown> | null
}

const isReviewed = (key: string): key is ReviewedField =>
  (REVIEWED_FIELDS as readonly string[]).includes(key)

export const isPayeeField = (key: string) => (PAYEE_FIELDS as readonly string[]).includes(key)

const pendingOf = (seller: ReviewableSeller) => (seller.pending_changes ?? {}) as PendingChanges

/** What a field will be once the pending change is decided for it: the pending value, else the live one. */
function effective(seller: ReviewableSeller, key: ReviewedField) {
  const pending = pendingOf(seller)
  return key in pending ? (pending[key] ?? null) : (seller[key] ?? null)
}

/**
 * Splits a profile update: fields that apply at once, and reviewed fields that really change
 * something (the same value as the live or already-pending one is no change). `pending` is the
 * whole pending set after this update (null when nothing is left to review): a field set back
 * to its live value withdraws its pending change.
 */
export function planProfileUpdate(seller: ReviewableSeller, update: Record<string, unknown>) {
  const direct: Record<string, unknown> = {}
  const changed: PendingChanges = {}
  for (const [key, value] of Object.entries(update)) {
    if (value === undefined) continue
    if (!isReviewed(key)) {
      direct[key] = value
      continue
    }
    const next = (value as string | null) ?? null
    if (next !== effective(seller, key)) changed[key] = next
  }
  const merged: PendingChanges = { ...pendingOf(seller), ...changed }
  for (const key of Object.keys(merged) as ReviewedField[]) {
    if ((merged[key] ?? null) === (seller[key] ?? null)) delete merged[key]
  }
  return {
    direct,
    changed,
    pending: Object.keys(merged).length ? merged : null,
  }
}

/** The payee fields an update would change: what staff and helpers are refused. */
export function changedPayeeFields(seller: ReviewableSeller, update: Record<string, unknown>) {
  return PAYEE_FIELDS.filter(
    (key) => update[key] !== undefined && (update[key] ?? null) !== effective(seller, key),
  )
}

/** Whether a change waits for review on the payee. */
export const payeePending = (seller: ReviewableSeller) =>
  PAYEE_FIELDS.some((key) => key in pendingOf(seller))

/** Whether buyers may pay this seller by VietQR: a confirmed payee, and no payee change waiting. */
export function acceptsVietQr(seller: ReviewableSeller) {
  return (
    !!seller.payee_confirmed_at &&
    !!seller.bank_bin &&
    !!seller.bank_account_number &&
    !payeePending(seller)
  )
}

/** What approving the pending changes writes onto the seller. */
export function approvedValues(seller: ReviewableSeller, confirmedBy: string, now: Date) {
  const pending = pendingOf(seller)
  const values: Record<string, unknown> = { ...pending }
  if (Object.keys(pending).some(isPayeeField)) {
    values.payee_confirmed_at = now
    values.payee_confirmed_by = confirmedBy
  }
  return {
    ...values,
    pending_changes: null,
    pending_changes_at: null,
    pending_changes_by: null,
  }
}

/** The payee as a seller part of an order records it. */
export function payeeOf(seller: ReviewableSeller) {
  return {
    bank_bin: seller.bank_bin ?? null,
    account_number: seller.bank_account_number ?? null,
    account_name: seller.bank_account_name ?? null,
  }
}
