import { describe, expect, it } from "vitest"
import { originFrom } from "./site-url"

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
})
