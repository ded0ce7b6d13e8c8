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
