import type { Locale } from "@/i18n/routing"
import { INTL_LOCALE } from "./format"

// VND has no minor unit: Medusa stores whole dong (185000 = 185.000 ₫) and so do we.
const vnd = Object.fromEntries(
  Object.entries(INTL_LOCALE).map(([locale, tag]) => [
    locale,
    new Intl.NumberFormat(tag, { style: "currency", currency: "VND" }),
  ]),
) as Record<Locale, Intl.NumberFormat>

/**
 * An amount of dong with the page's separators, as `formatQuantity` writes the numbers beside it:
 * "185.000 ₫" next to "6.000 kg" in Vietnamese, "₫185,000" next to "6,000 kg" in English (with a
 * non-breaking space before a trailing sign). Fractions are rounded: Medusa does not reject them.
 */
export function formatVnd(amount: number, locale: Locale): string {
  return vnd[locale].format(Math.round(amount))
}
