import { describe, expect, it } from "vitest"
import { originFrom, pageOrigin } from "./site-url"

describe("originFrom", () => {
  it("prefers STOREFRONT_URL, keeping only its origin", () => {
    expect(originFrom("https://cho.giaphu.vn/vi/", "localhost:8000", null)).toBe(
      "https://cho.giaphu.vn",
    )
  })

  it("falls back to the request's host and scheme, refusing a host that is not one", () => {
    expect(originFrom(undefined, "localhost:8000", null)).toBe("http://localhost:8000")
    expect(originFrom("not a url", "cho.example", "https, http")).toBe("https://cho.example")
    expect(originFrom(undefined, "evil.example/<script>", "https")).toBeNull()
    expect(originFrom(undefined, null, null)).toBeNull()
  })

  it("gives pages the configured origin, never the request's host", () => {
    const saved = { url: process.env.STOREFRONT_URL, port: process.env.PORT }
    try {
      process.env.STOREFRONT_URL = "https://cho.giaphu.vn/vi"
      expect(pageOrigin()).toBe("https://cho.giaphu.vn")
      delete process.env.STOREFRONT_URL
      process.env.PORT = "8123"
      expect(pageOrigin()).toBe("http://localhost:8123")
    } finally {
      for (const [key, value] of [
        ["STOREFRONT_URL", saved.url],
        ["PORT", saved.port],
      ] as const) {
        if (value === undefined) delete process.env[key]
        else process.env[key] = value
      }
    }
  })
})
