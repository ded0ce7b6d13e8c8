import { describe, expect, it } from "vitest"
import { productTitle, showText, vietnameseLang } from "./localized"

describe("showText", () => {
  const both = { vi: "Gạo Séng Cù", en: "Séng Cù rice" }

  it("shows the page's language, unmarked", () => {
    expect(showText(both, "vi")).toEqual({ text: "Gạo Séng Cù" })
    expect(showText(both, "en")).toEqual({ text: "Séng Cù rice" })
  })

  it("falls back to Vietnamese on /en, marked lang=vi", () => {
    expect(showText({ vi: "Rau ngót", en: null }, "en")).toEqual({ text: "Rau ngót", lang: "vi" })
    expect(showText({ vi: "Rau ngót", en: "" }, "en")).toEqual({ text: "Rau ngót", lang: "vi" })
  })

  it("falls back to English on /vi only when there is no Vietnamese, marked lang=en", () => {
    expect(showText({ vi: null, en: "Hand-picked" }, "vi")).toEqual({
      text: "Hand-picked",
      lang: "en",
    })
  })

  it("shows nothing when neither language has the text", () => {
    expect(showText({ vi: null, en: null }, "en")).toBeNull()
    expect(showText({ vi: "", en: null }, "vi")).toBeNull()
  })
})

describe("productTitle", () => {
  const product = { title: "Rau ngót", description: null, en: { title: null, description: null } }

  it("never leaves a product without a name", () => {
    expect(productTitle(product, "en")).toEqual({ text: "Rau ngót", lang: "vi" })
    expect(productTitle({ ...product, en: { title: "Katuk", description: null } }, "en")).toEqual({
      text: "Katuk",
    })
  })
})

describe("vietnameseLang", () => {
  it("marks Vietnamese-only text on /en and nowhere else", () => {
    expect(vietnameseLang("en")).toBe("vi")
    expect(vietnameseLang("vi")).toBeUndefined()
  })
})
