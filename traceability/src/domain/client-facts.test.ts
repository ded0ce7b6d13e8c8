import { describe, expect, it } from "vitest"
import { ipPrefix, preferredLanguage, rateLimitKey, userAgentFamily } from "./client-facts.js"

describe("userAgentFamily", () => {
  it("names the browsers Vietnamese phones scan with", () => {
    const cases: [string, string][] = [
      [
        "Mozilla/5.0 (Linux; Android 13; SM-A546E) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Mobile Safari/537.36 Zalo android/12100604",
        "zalo",
      ],
      [
        "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1",
        "safari",
      ],
      [
        "Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Mobile Safari/537.36",
        "chrome",
      ],
      [
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) coc_coc_browser/118.0 Chrome/112.0 Safari/537.36",
        "coc_coc",
      ],
      [
        "Mozilla/5.0 (iPhone; CPU iPhone OS 16_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 [FBAN/FBIOS;FBAV/400.0]",
        "facebook",
      ],
      ["curl/8.5.0", "bot"],
      ["something else", "other"],
    ]
    for (const [ua, family] of cases) expect(userAgentFamily(ua), ua).toBe(family)
    expect(userAgentFamily(undefined)).toBe("other")
  })
})

describe("preferredLanguage", () => {
  it("keeps the first language tag only", () => {
    expect(preferredLanguage("vi-VN,vi;q=0.9,en-US;q=0.8")).toBe("vi-VN")
    expect(preferredLanguage("en")).toBe("en")
    expect(preferredLanguage("*")).toBeNull()
    expect(preferredLanguage("<script>")).toBeNull()
    expect(preferredLanguage(undefined)).toBeNull()
  })
})

describe("ipPrefix", () => {
  it("keeps the /24 of an IPv4 address, never the host", () => {
    expect(ipPrefix("203.0.113.77")).toBe("203.0.113.0/24")
    expect(ipPrefix("::ffff:198.51.100.9")).toBe("198.51.100.0/24")
  })

  it("keeps the /48 of an IPv6 address, expanding ::", () => {
    expect(ipPrefix("2001:db8:abcd:12:1:2:3:4")).toBe("2001:db8:abcd::/48")
    expect(ipPrefix("2001:db8::1")).toBe("2001:db8:0::/48")
    expect(ipPrefix("::1")).toBe("0:0:0::/48")
  })

  it("returns null for anything unreadable", () => {
    expect(ipPrefix(undefined)).toBeNull()
    expect(ipPrefix("localhost")).toBeNull()
    expect(ipPrefix("1:2:3")).toBeNull()
  })
})

describe("rateLimitKey", () => {
  it("keys IPv4 on the whole address, mapped or not", () => {
    expect(rateLimitKey("203.0.113.77")).toBe("203.0.113.77")
    expect(rateLimitKey("::ffff:203.0.113.77")).toBe("203.0.113.77")
    expect(rateLimitKey("203.0.113.78")).not.toBe(rateLimitKey("203.0.113.77"))
  })

  it("keys IPv6 on its /64, however the address is written", () => {
    const key = rateLimitKey("2001:db8:1:2:aaaa::1")
    expect(key).toBe("2001:db8:1:2::/64")
    expect(rateLimitKey("2001:0db8:0001:0002:ffff:ffff:ffff:fffe")).toBe(key)
    expect(rateLimitKey("2001:db8:1:3::1")).not.toBe(key)
  })

  it("keeps anything unreadable as it is", () => {
    expect(rateLimitKey("not-an-address")).toBe("not-an-address")
  })
})
