import type { Locale } from "@/i18n/routing"

/**
 * A text as a page shows it: in the page's language when the seller wrote one, otherwise in the
 * other language, marked with its `lang` so a screen reader reads it with the right voice and a
 * browser offers to translate it (WCAG 3.1.2). `lang` is left out when the text is in the page's
 * own language.
 */
export type ShownText = { text: string; lang?: Locale }

/** A seller's text in each language it was written in: Vietnamese first, English if added. */
export type TextInLanguages = { vi: string | null; en: string | null }

const OTHER: Record<Locale, Locale> = { vi: "en", en: "vi" }

/** The text to show on a page in `locale`; null when it exists in neither language. */
export function showText(text: TextInLanguages, locale: Locale): ShownText | null {
  const own = text[locale]
  if (own) return { text: own }
  const other = text[OTHER[locale]]
  return other ? { text: other, lang: OTHER[locale] } : null
}

/**
 * The `lang` of a text only ever written in Vietnamese (the name Medusa copies into a cart or order
 * line, a variant's packaging), on a page in `locale`: "vi" on /en, nothing on /vi.
 */
export function vietnameseLang(locale: Locale): Locale | undefined {
  return locale === "vi" ? undefined : "vi"
}

type ProductTexts = {
  title: string
  description: string | null
  en: { title: string | null; description: string | null }
}

/** A product's name on a page in `locale` (Vietnamese, marked, when it has no English one). */
export function productTitle(product: ProductTexts, locale: Locale): ShownText {
  return showText({ vi: product.title, en: product.en.title }, locale) ?? { text: product.title }
}

/** A product's description on a page in `locale`, or null when it has none. */
export function productDescription(product: ProductTexts, locale: Locale): ShownText | null {
  return showText({ vi: product.description, en: product.en.description }, locale)
}
