import { describe, expect, it } from "vitest"
import { scanCookieDomain, scanCookieParts } from "./scan-cookie.js"

describe("scanCookieDomain", () => {
  it("is host-only for one host on two ports", () => {
    expect(scanCookieDomain("http://localhost:9100", "http://localhost:8000")).toBe("")
    expect(scanCookieDomain("http://127.0.0.1:9100", "http://127.0.0.1:8000")).toBe("")
  })

  it("is the shared parent of a resolver and a storefront on one site", () => {
    expect(scanCookieDomain("https://tem.example.vn", "https://cho.example.vn")).toBe("example.vn")
    expect(scanCookieDomain("https://tem.cho.example.vn", "https://cho.example.vn")).toBe(
      "cho.example.vn",
    )
    expect(scanCookieDomain("https://tem.htx.com.vn", "https://cho.htx.com.vn")).toBe("htx.com.vn")
  })

  it("is null for different sites, where the id must travel in the URL", () => {
    expect(scanCookieDomain("http://127.0.0.1:9100", "http://localhost:8000")).toBeNull()
    expect(scanCookieDomain("https://tem.example.vn", "https://cho.other.vn")).toBeNull()
    expect(scanCookieDomain("https://tem.a.com.vn", "https://cho.b.com.vn")).toBeNull()
    expect(scanCookieDomain("http://10.0.0.1:9100", "http://10.0.0.2:8000")).toBeNull()
    expect(scanCookieDomain("http://shop.test", "http://127.0.0.1")).toBeNull()
  })
})

describe("scanCookieParts", () => {
  it("builds a short-lived, server-only cookie, secure over https", () => {
    const parts = scanCookieParts("https://tem.example.vn", "https://cho.example.vn", 1800)
    expect(`${parts!.before}TOKEN${parts!.after}`).toBe(
      "trace_scan=TOKEN; Path=/; Max-Age=1800; HttpOnly; SameSite=Lax; Domain=example.vn; Secure",
    )
    const local = scanCookieParts("http://localhost:9100", "http://localhost:8000", 60)
    expect(`${local!.before}T${local!.after}`).toBe(
      "trace_scan=T; Path=/; Max-Age=60; HttpOnly; SameSite=Lax",
    )
    expect(scanCookieParts("http://127.0.0.1:1", "http://shop.test", 60)).toBeNull()
  })
})
