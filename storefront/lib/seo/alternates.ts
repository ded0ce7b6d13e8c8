import { localePath } from "../../i18n/paths"
import { type Locale, routing } from "../../i18n/routing"

// A page's canonical URL and its other-language versions (hreflang), the same shape for the
// page's <head> (Next's `alternates` metadata) and the sitemap. Paths are relative: the locale
// layout sets `metadataBase` to the shop's origin, and the sitemap prefixes it.

export type Alternates = {
  canonical: string
  languages: Record<Locale | "x-default", string>
}

/** `pageAlternates("en", "/products/gao")`: canonical /en/products/gao, vi and en, x-default vi. */
export function pageAlternates(locale: Locale, path = "/"): Alternates {
  const languages = Object.fromEntries(
    routing.locales.map((l) => [l, localePath(l, path)]),
  ) as Record<Locale, string>
  return {
    canonical: localePath(locale, path),
    languages: { ...languages, "x-default": localePath(routing.defaultLocale, path) },
  }
}
