import { describe, expect, it } from "vitest"
import { preferredLang } from "./i18n.js"

describe("preferredLang", () => {
  it("answers in Vietnamese unless Accept-Language prefers English", () => {
    expect(preferredLang(undefined)).toBe("vi")
    expect(preferredLang(null)).toBe("vi")
    expect(preferredLang("")).toBe("vi")
    expect(preferredLang("en")).toBe("en")
    expect(preferredLang("en-GB,en;q=0.9")).toBe("en")
    expect(preferredLang("en-US,en;q=0.9")).toBe("en")
    expect(preferredLang("vi-VN,vi;q=0.9,en;q=0.8")).toBe("vi")
    expect(preferredLang("fr-FR,en;q=0.5")).toBe("en")
    expect(preferredLang("en;q=0.4,vi;q=0.6")).toBe("vi")
    expect(preferredLang("de, en;q=0.1")).toBe("en")
    expect(preferredLang("de")).toBe("vi")
    expect(preferredLang("en;q=0")).toBe("vi")
  })

  it("reads a header sent several times as one list", () => {
    expect(preferredLang(["de", "en;q=0.5"])).toBe("en")
    expect(preferredLang(["vi", "en"])).toBe("vi")
  })
})
