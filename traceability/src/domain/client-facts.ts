/**
 * The coarse facts a scan keeps about the phone that made it. Never the full IP address: a /24
 * (IPv4) or /48 (IPv6) prefix is enough to see a flood from one network, and names nobody.
 */

// Order matters: in-app browsers and Chromium forks also say "Chrome" and "Safari".
const FAMILIES: [string, RegExp][] = [
  ["bot", /bot|crawler|spider|curl|wget|python|go-http|java\/|okhttp|autocannon|node/i],
  ["zalo", /zalo/i],
  ["facebook", /FBAN|FBAV|FB_IAB|Instagram/],
  ["coc_coc", /coc_coc|CocCoc/i],
  ["samsung", /SamsungBrowser/],
  ["edge", /Edg\//],
  ["opera", /OPR\/|Opera/],
  ["firefox", /Firefox\/|FxiOS/],
  ["chrome", /Chrome\/|CriOS/],
  ["safari", /Safari\//],
]

/** The browser family of a User-Agent, or "other". */
export function userAgentFamily(userAgent: string | undefined): string {
  if (!userAgent) return "other"
  for (const [family, pattern] of FAMILIES) if (pattern.test(userAgent)) return family
  return "other"
}

const LANGUAGE_TAG = /^[a-z]{2,3}(-[a-z0-9]{1,8}){0,2}$/i

/** The first language of Accept-Language ("vi-VN"), or null. */
export function preferredLanguage(acceptLanguage: string | undefined): string | null {
  const first = acceptLanguage?.split(",")[0]?.split(";")[0]?.trim()
  return first && LANGUAGE_TAG.test(first) ? first : null
}

const IPV4 = /^(?:::ffff:)?(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/i

/** An IPv6 address's eight groups (leading zeros dropped), or null when it is not one. */
function ipv6Groups(ip: string): string[] | null {
  if (!ip.includes(":")) return null
  const [head = "", tail] = ip.split("::")
  const headGroups = head ? head.split(":") : []
  const tailGroups = tail ? tail.split(":") : []
  const groups =
    tail === undefined
      ? headGroups
      : [
          ...headGroups,
          ...Array(8 - headGroups.length - tailGroups.length).fill("0"),
          ...tailGroups,
        ]
  if (groups.length !== 8 || !groups.every((g) => /^[0-9a-f]{1,4}$/i.test(g))) return null
  return groups.map((g) => Number.parseInt(g, 16).toString(16))
}

/** The network an address belongs to: 203.0.113.0/24 or 2001:db8:1::/48; null when unreadable. */
export function ipPrefix(ip: string | undefined): string | null {
  if (!ip) return null
  const v4 = IPV4.exec(ip)
  if (v4) return `${v4[1]}.${v4[2]}.${v4[3]}.0/24`
  const groups = ipv6Groups(ip)
  return groups ? `${groups.slice(0, 3).join(":")}::/48` : null
}

/**
 * Whose requests a rate limit counts together: an IPv4 address on its own (a shop floor's NAT is
 * one address), an IPv6 address by its /64 (one subscriber's LAN, whose 2^64 addresses are all
 * the same client); anything unreadable as itself.
 */
export function rateLimitKey(ip: string): string {
  const v4 = IPV4.exec(ip)
  if (v4) return `${v4[1]}.${v4[2]}.${v4[3]}.${v4[4]}`
  const groups = ipv6Groups(ip)
  return groups ? `${groups.slice(0, 4).join(":")}::/64` : ip
}
