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

/** The request header proxy.ts sets to the page's path, for the locale layout's default alternates. */
export const PATHNAME_HEADER = "x-coop-pathname"

/** "/vi/seller/orders" -> "/seller/orders" for locale "vi"; null when the path is not in it. */
export function pathInLocale(pathname: string | null, locale: Locale): string | null {
  if (!pathname) return null
  if (pathname === `/${locale}`) return "/"
  return pathname.startsWith(`/${locale}/`) ? pathname.slice(locale.length + 1) : null
}
