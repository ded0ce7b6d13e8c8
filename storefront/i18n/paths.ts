import type { Locale } from "./routing"

/** A page's path in one language: `localePath("en", "/products/x")` -> "/en/products/x". */
export function localePath(locale: Locale, path = "/"): string {
  return path === "/" ? `/${locale}` : `/${locale}${path}`
}

export function productPath(handle: string): string {
  return `/products/${encodeURIComponent(handle)}`
}

/** The page a scanned stamp lands on (the traceability service redirects browsers to /vi/…). */
export function tracePath(serial: string): string {
  return `/trace/${encodeURIComponent(serial)}`
}
