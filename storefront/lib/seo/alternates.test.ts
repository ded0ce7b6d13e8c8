import { describe, expect, it } from "vitest"
import { pageAlternates } from "./alternates"

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
