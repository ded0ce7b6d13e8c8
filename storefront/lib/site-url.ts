import { headers } from "next/headers"

// The shop's public origin, for the absolute URLs search engines and other channels need
// (canonical links, sitemap, feeds). STOREFRONT_URL (what `npm start` and docker-compose already
// give the backend) wins; without it, the request's own host. Read per request, never at build.

const ORIGIN_VAR = "STOREFRONT_URL"

/** "https://shop.example" from a configured URL or a request's host; null when neither is usable. */
export function originFrom(
  configured: string | undefined,
  host: string | null,
  proto: string | null,
) {
  if (configured) {
    try {
      return new URL(configured).origin
    } catch {
      // A malformed setting falls back to the request's host rather than failing every page.
    }
  }
  if (!host || !/^[a-z0-9.-]+(:\d{1,5})?$/i.test(host)) return null
  const scheme = proto?.split(",")[0]?.trim() === "https" ? "https" : "http"
  return `${scheme}://${host}`
}

/**
 * The configured origin, without looking at the request: what pages' metadata uses, because the
 * catalogue's pages are HTML cached for every request and must read no request header.
 */
export function configuredOrigin(): string | null {
  return originFrom(Reflect.get(process.env, ORIGIN_VAR) || undefined, null, null)
}

/**
 * The origin for a page's absolute URLs (metadata, JSON-LD): STOREFRONT_URL (`npm start` and
 * docker-compose set it), else http://localhost:$PORT as Next's own metadata default. Never the
 * request's host: that would render every page, the cached catalogue too, per request.
 */
export function pageOrigin(): string {
  return configuredOrigin() ?? `http://localhost:${process.env.PORT ?? 3000}`
}

export async function siteOrigin(): Promise<string> {
  const requestHeaders = await headers()
  return (
    originFrom(
      Reflect.get(process.env, ORIGIN_VAR) || undefined,
      requestHeaders.get("x-forwarded-host") ?? requestHeaders.get("host"),
      requestHeaders.get("x-forwarded-proto"),
    ) ?? "http://localhost:8000"
  )
}
