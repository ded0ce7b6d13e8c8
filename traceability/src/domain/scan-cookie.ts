/**
 * How the resolver hands a scan's id to the storefront's stamp page without changing the
 * redirect's target: GS1 wants the default redirect to go exactly to the linkset's default link,
 * so the id travels in a short-lived cookie the resolver sets on the site it shares with the
 * storefront. The page reads it on the server, so it works without JavaScript.
 */

export const SCAN_COOKIE = "trace_scan"

// Two-label suffixes under which unrelated sites live (com.vn, co.uk, ...): a cookie for one is
// refused by browsers, so a resolver and storefront sharing only that are on different sites.
const SHARED_SECOND_LEVELS = new Set([
  "ac",
  "biz",
  "co",
  "com",
  "edu",
  "gov",
  "health",
  "info",
  "int",
  "name",
  "net",
  "org",
  "pro",
])

const isIpLiteral = (host: string) => /^[\d.]+$/.test(host) || host.startsWith("[")

/**
 * The cookie's Domain attribute: "" for a host-only cookie (the same host, ports aside: cookies
 * ignore ports), the hosts' shared parent domain (`tem.example.vn` and `cho.example.vn`:
 * `example.vn`), or null when they share no site and the id must travel in the URL instead.
 */
export function scanCookieDomain(publicUrl: string, storefrontUrl: string): string | null {
  const resolver = new URL(publicUrl).hostname.toLowerCase()
  const storefront = new URL(storefrontUrl).hostname.toLowerCase()
  if (resolver === storefront) return ""
  if (isIpLiteral(resolver) || isIpLiteral(storefront)) return null
  const a = resolver.split(".").reverse()
  const b = storefront.split(".").reverse()
  const shared: string[] = []
  while (shared.length < a.length && a[shared.length] === b[shared.length]) {
    shared.push(a[shared.length]!)
  }
  if (shared.length < 2) return null
  if (shared.length === 2 && SHARED_SECOND_LEVELS.has(shared[1]!)) return null
  return shared.reverse().join(".")
}

/**
 * The Set-Cookie value of a scan, built once: per scan only the token goes between the two
 * halves. Null when the resolver and storefront share no site.
 */
export function scanCookieParts(
  publicUrl: string,
  storefrontUrl: string,
  maxAgeSeconds: number,
): { before: string; after: string } | null {
  const domain = scanCookieDomain(publicUrl, storefrontUrl)
  if (domain === null) return null
  const secure = new URL(publicUrl).protocol === "https:" ? "; Secure" : ""
  const scope = domain ? `; Domain=${domain}` : ""
  return {
    before: `${SCAN_COOKIE}=`,
    after: `; Path=/; Max-Age=${maxAgeSeconds}; HttpOnly; SameSite=Lax${scope}${secure}`,
  }
}
