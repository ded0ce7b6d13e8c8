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

/**
 * Grouped as people read numbers aloud: "0912 345 678" (mobile), "024 3825 3536" (Hà Nội and
 * TP Hồ Chí Minh, whose area codes have 3 digits), "0214 3860 101" (every other province).
 */
export function formatPhone(phone: string): string {
  const n = parsePhone(phone)
  if (!n) return phone
  if (n.length === 10) return `${n.slice(0, 4)} ${n.slice(4, 7)} ${n.slice(7)}`
  if (/^02[48]/.test(n)) return `${n.slice(0, 3)} ${n.slice(3, 7)} ${n.slice(7)}`
  return `${n.slice(0, 4)} ${n.slice(4, 8)} ${n.slice(8)}`
}

/** A `tel:` link for any phone the shop shows; a number we cannot parse keeps its digits. */
export function telHref(phone: string): string {
  const national = parsePhone(phone)
  return national ? `tel:+84${national.slice(1)}` : `tel:${phone.replace(/[^\d+]/g, "")}`
}
