import { describe, expect, it } from "vitest"
import { formLocale, toLocale } from "./form-locale"

describe("formLocale", () => {
  it("takes the page's language from a form, and Vietnamese for anything else", () => {
    const form = (locale?: string) => {
      const data = new FormData()
      if (locale !== undefined) data.set("locale", locale)
      return data
    }
    expect(formLocale(form("en"))).toBe("en")
    expect(formLocale(form("vi"))).toBe("vi")
    expect(formLocale(form("fr"))).toBe("vi")
    expect(formLocale(form())).toBe("vi")
    expect(toLocale(["en"])).toBe("vi")
  })
})
