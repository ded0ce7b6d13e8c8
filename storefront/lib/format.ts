import type { Locale } from "@/i18n/routing"

// Dates and numbers as each language writes them; times in Vietnam's zone whatever the server's.
export const INTL_LOCALE: Record<Locale, string> = { vi: "vi-VN", en: "en-GB" }
export const SHOP_TIME_ZONE = "Asia/Ho_Chi_Minh"

/** "15 tháng 3, 2026" / "15 March 2026", the calendar day in Vietnam. */
export function formatDate(date: Date, locale: Locale): string {
  return new Intl.DateTimeFormat(INTL_LOCALE[locale], {
    dateStyle: "long",
    timeZone: SHOP_TIME_ZONE,
  }).format(date)
}

/** "1.500" / "1,500": a quantity with the language's separators. */
export function formatQuantity(quantity: number, locale: Locale): string {
  return new Intl.NumberFormat(INTL_LOCALE[locale], { maximumFractionDigits: 3 }).format(quantity)
}

// Since 2025 a commune-level unit is a xã, a phường or a đặc khu, its name starting with the kind.
const COMMUNE_KINDS: [prefix: string, en: string][] = [
  ["Xã ", "commune"],
  ["Phường ", "ward"],
  ["Đặc khu ", "special zone"],
]

/**
 * A commune's official name ("Xã Gia Phú") as it reads inside a sentence: "xã Gia Phú" after
 * "UBND", "Gia Phú commune" in English. A name of no known kind is left as it is.
 */
export function communeInSentence(name: string, locale: Locale): string {
  const kind = COMMUNE_KINDS.find(([prefix]) => name.startsWith(prefix))
  if (!kind) return name
  const [prefix, en] = kind
  const rest = name.slice(prefix.length)
  return locale === "vi" ? `${prefix.toLowerCase()}${rest}` : `${rest} ${en}`
}

// A number and its unit ("nải 2 kg", "gói 500 g") split at the end of a phone's line read as two
// things: a no-break space keeps them together.
const NUMBER_UNIT = /(\d)[ \t]+(kg|g|ml|l|lít|quả|túi|gói)(?![\p{L}\p{N}])/gu

/** `text` with a no-break space between each number and its unit. */
export function keepQuantitiesTogether(text: string): string {
  return text.replace(NUMBER_UNIT, "$1\u00a0$2")
}
