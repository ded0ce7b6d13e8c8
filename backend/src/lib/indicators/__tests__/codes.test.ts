import { readFileSync } from "node:fs"
import path from "node:path"
import { INDICATOR_CODES, INDICATOR_FORMULAS } from "../codes"

/** The storefront's `Portal.indicators.formula` messages, read from the repository. */
function storefrontFormulas(locale: "vi" | "en") {
  const file = path.resolve(__dirname, `../../../../../storefront/messages/${locale}.json`)
  const messages = JSON.parse(readFileSync(file, "utf8"))
  return messages.Portal.indicators.formula as Record<
    string,
    { numerator: string; denominator?: string }
  >
}

describe("indicator numerators and denominators in words", () => {
  it.each(["vi", "en"] as const)(
    "say in %s exactly what the storefront's portal says",
    (locale) => {
      const shown = storefrontFormulas(locale)
      for (const code of INDICATOR_CODES) {
        const words = INDICATOR_FORMULAS[code][locale]
        expect(words.numerator).toBe(shown[code]?.numerator)
        expect(words.denominator ?? undefined).toBe(shown[code]?.denominator)
      }
      // The storefront words no indicator the backend does not know.
      const extra = Object.keys(shown).filter((k) => k !== "numerator" && k !== "denominator")
      expect(extra.sort()).toEqual([...INDICATOR_CODES].sort())
    },
  )

  it("names a denominator exactly for the ratio indicators", () => {
    const withDenominator = INDICATOR_CODES.filter((c) => INDICATOR_FORMULAS[c].vi.denominator)
    expect(withDenominator).toEqual([
      "OCOP_ONLINE",
      "SELLERS_ONLINE",
      "TRACEABLE",
      "CASHLESS",
      "CASHLESS_VALUE",
    ])
    for (const code of INDICATOR_CODES) {
      expect(Boolean(INDICATOR_FORMULAS[code].en.denominator)).toBe(
        Boolean(INDICATOR_FORMULAS[code].vi.denominator),
      )
    }
  })
})
