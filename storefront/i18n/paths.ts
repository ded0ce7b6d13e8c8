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

export function categoryPath(handle: string): string {
  return `/categories/${encodeURIComponent(handle)}`
}

/** The search page, with the buyer's text when there is one (the language switch keeps it). */
export function searchPath(query?: string): string {
  const q = query?.trim()
  return q ? `/search?${new URLSearchParams({ q })}` : "/search"
}

export function sellerPath(handle: string): string {
  return `/sellers/${encodeURIComponent(handle)}`
}

export function communePath(code: string): string {
  return `/communes/${encodeURIComponent(code)}`
}
