import { createTranslator } from "next-intl"
import { describe, expect, it } from "vitest"
import en from "../messages/en.json"
import vi from "../messages/vi.json"

// Counts a buyer reads: English says "1 event" and "2 sellers", never "1 events"; both languages
// group thousands as the page's other numbers do.

const t = {
  en: createTranslator({ locale: "en", messages: en }),
  vi: createTranslator({ locale: "vi", messages: vi }),
}

describe("counted messages", () => {
  it("says one event and several events in English", () => {
    expect(t.en("Trace.chainIntact", { count: 1 })).toBe(
      "Checked: the diary's 1 event is exactly as it was recorded, not changed or deleted.",
    )
    expect(t.en("Trace.chainIntact", { count: 2 })).toMatch(/^Checked: the diary's 2 events are /)
  })

  it("counts scans, stamps, sellers, products and communes in the singular and plural", () => {
    expect(t.en("Trace.repeatScans", { count: 1, date: "1 May" })).toBe(
      "This stamp has been scanned once since 1 May.",
    )
    expect(t.en("Trace.repeatScans", { count: 3, date: "1 May" })).toBe(
      "This stamp has been scanned 3 times since 1 May.",
    )
    expect(t.en("Home.communeSellers", { count: 1 })).toBe("1 seller")
    expect(t.en("Home.communeSellers", { count: 2 })).toBe("2 sellers")
    expect(t.en("Search.found", { count: 1 })).toBe("1 product found.")
    expect(t.en("Checkout.address.communeMatches", { count: 1 })).toMatch(/^1 commune or ward /)
    expect(t.en("Checkout.address.communeMatches", { count: 12 })).toMatch(
      /^12 communes and wards /,
    )
  })

  it("groups thousands with the page's separator", () => {
    expect(t.en("Trace.repeatScans", { count: 6000, date: "1 May" })).toContain("6,000 times")
    expect(t.vi("Trace.repeatScans", { count: 6000, date: "1/5" })).toContain("6.000 lần")
    expect(t.vi("Trace.chainIntact", { count: 1200 })).toContain("1.200 sự kiện")
  })
})
