import { describe, expect, it } from "vitest"
import en from "../../messages/en.json"
import vi from "../../messages/vi.json"
import { countMessage } from "./count-message"

describe("countMessage", () => {
  it("groups the number as the page's language does", () => {
    expect(countMessage("{count, number} xã / phường khớp", 3321, "vi")).toBe(
      "3.321 xã / phường khớp",
    )
    expect(countMessage("{count} matches", 3321, "en")).toBe("3,321 matches")
  })

  it("picks the plural form, with # as the number", () => {
    const message = "{count, plural, one {# ward matches.} other {# wards match.}}"
    expect(countMessage(message, 1, "en")).toBe("1 ward matches.")
    expect(countMessage(message, 1200, "en")).toBe("1,200 wards match.")
    expect(countMessage("{count, plural, =0 {none} other {#}}", 0, "en")).toBe("none")
  })

  it("fills the checkout's commune matches in both languages", () => {
    const viText = vi.Checkout?.address?.communeMatches ?? findKey(vi, "communeMatches")
    const enText = en.Checkout?.address?.communeMatches ?? findKey(en, "communeMatches")
    expect(countMessage(viText, 12, "vi")).toBe("12 xã / phường khớp, xem ô chọn bên dưới.")
    expect(countMessage(enText, 1, "en")).toBe("1 commune or ward matches: see the list below.")
    expect(countMessage(enText, 12, "en")).toBe("12 communes and wards match: see the list below.")
  })
})

function findKey(messages: unknown, key: string): string {
  if (messages && typeof messages === "object") {
    for (const [k, v] of Object.entries(messages)) {
      if (k === key && typeof v === "string") return v
      const found = typeof v === "object" ? findKey(v, key) : ""
      if (found) return found
    }
  }
  return ""
}
