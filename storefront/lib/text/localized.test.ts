import { describe, expect, it } from "vitest"
import { showText } from "./localized"

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
