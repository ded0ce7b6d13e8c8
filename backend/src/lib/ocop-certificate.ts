import { addDays, addMonths } from "./dates"

/** An OCOP certificate runs 36 months from its issue date unless the decision says otherwise. */
export const CERTIFICATE_VALIDITY_MONTHS = 36

/** Officers are warned this many days ahead so the re-assessment can be scheduled in time. */
export const EXPIRING_SOON_DAYS = 90

export function defaultExpiry(issuedOn: string): string {
  return addMonths(issuedOn, CERTIFICATE_VALIDITY_MONTHS)
}

/**
 * A certificate is valid through its expiry day; it is expiring soon when that day is within
 * the warning window.
 */
export function certificateState(expiresOn: string, today: string) {
  const expired = expiresOn < today
  return { expired, expiring_soon: !expired && expiresOn <= addDays(today, EXPIRING_SOON_DAYS) }
}
