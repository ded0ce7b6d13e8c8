import { describe, expect, it } from "vitest"
import { pageAlternates, pathInLocale } from "./alternates"

describe("pageAlternates", () => {
  it("names the page in its own language as canonical and both languages as alternates", () => {
    expect(pageAlternates("en", "/products/gao")).toEqual({
      canonical: "/en/products/gao",
      languages: {
        vi: "/vi/products/gao",
        en: "/en/products/gao",
        "x-default": "/vi/products/gao",
      },
    })
    expect(pageAlternates("vi")).toEqual({
      canonical: "/vi",
      languages: { vi: "/vi", en: "/en", "x-default": "/vi" },
    })
  })
})

describe("pathInLocale", () => {
  it("takes the locale off a page's path, and nothing else", () => {
    expect(pathInLocale("/vi/seller/orders", "vi")).toBe("/seller/orders")
    expect(pathInLocale("/en", "en")).toBe("/")
    expect(pathInLocale("/en/cart", "vi")).toBeNull()
    expect(pathInLocale("/vietnam", "vi")).toBeNull()
    expect(pathInLocale(null, "vi")).toBeNull()
  })
})
