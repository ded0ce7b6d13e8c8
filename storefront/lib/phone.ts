// Vietnamese phone numbers as buyers type them ("0912 345 678", "+84 912.345.678") and as the
// shop keeps them: one stored form, the national number in digits ("0912345678"), which is what a
// seller dials and reads back; `tel:` links use the international form (+84…) so they dial from
// anywhere. Pure, so the browser form, the server action and the tests share one rule.

/** Separators people put in numbers; anything else (letters, a second "+") is refused. */
const SEPARATORS = /[\s.\-()]/g

/**
 * Mobile: 0 then 3, 5, 7, 8 or 9, then 8 digits (10 in all, since the 2018 renumbering).
 * Landline: 02 then the area code and subscriber, 11 digits in all.
 */
const NATIONAL = /^0(?:[35789]\d{8}|2\d{9})$/

/** The number in its stored form, or null when it is not a Vietnamese number. */
export function parsePhone(input: string): string | null {
  const compact = input.replace(SEPARATORS, "")
  let national: string
  if (compact.startsWith("+84")) {
    // "+84 0912…" is common: the trunk 0 after the country code is dropped, not counted.
    national = `0${compact.slice(3).replace(/^0/, "")}`
  } else if (compact.startsWith("0")) national = compact
  else return null
  return NATIONAL.test(national) ? national : null
}

/** Message key of Checkout.errors for the phone field, or null when the number is fine. */
export function phoneError(input: string): "phoneMissing" | "phone" | null {
  if (!input.trim()) return "phoneMissing"
  return parsePhone(input) ? null : "phone"
}

/** "0912 345 678" (mobile) or "0204 385 2555" (landline): grouped as people read them aloud. */
export function formatPhone(phone: string): string {
  const national = parsePhone(phone)
  if (!national) return phone
  return `${national.slice(0, 4)} ${national.slice(4, 7)} ${national.slice(7)}`
}

/** A `tel:` link for any phone the shop shows; a number we cannot parse keeps its digits. */
export function telHref(phone: string): string {
  const national = parsePhone(phone)
  return national ? `tel:+84${national.slice(1)}` : `tel:${phone.replace(/[^\d+]/g, "")}`
}
