import { describe, expect, it } from "vitest"
import {
  encodeAiValue,
  gtinCheckDigit,
  lotCodeProblem,
  normaliseGtin,
  stampUri,
} from "./digital-link.js"

describe("GTIN", () => {
  it("computes GS1 check digits", () => {
    expect(gtinCheckDigit("0950600013435")).toBe(2) // GS1's example GTIN 09506000134352
    expect(gtinCheckDigit("400638133393")).toBe(1) // EAN-13 4006381333931
    expect(gtinCheckDigit("9638507")).toBe(4) // GTIN-8 96385074
  })

  it("left-pads GTIN-8, -12 and -13 to 14 digits", () => {
    expect(normaliseGtin("09506000134352")).toEqual({ ok: true, gtin: "09506000134352" })
    expect(normaliseGtin("4006381333931")).toEqual({ ok: true, gtin: "04006381333931" })
    expect(normaliseGtin("036000291452")).toEqual({ ok: true, gtin: "00036000291452" })
    expect(normaliseGtin("96385074")).toEqual({ ok: true, gtin: "00000096385074" })
  })

  it("rejects a wrong check digit, a wrong length and non-digits", () => {
    expect(normaliseGtin("09506000134353")).toEqual({
      ok: false,
      reason: 'GTIN "09506000134353" has a wrong check digit (expected 2)',
    })
    expect(normaliseGtin("123456789")).toMatchObject({ ok: false })
    expect(normaliseGtin("0950600013435X")).toMatchObject({ ok: false })
    expect(normaliseGtin("")).toMatchObject({ ok: false })
  })
})

describe("lot code", () => {
  it("accepts up to 20 characters of GS1's 82-character set", () => {
    expect(lotCodeProblem("LUA-ST25/2025")).toBeNull()
    expect(lotCodeProblem("A".repeat(20))).toBeNull()
  })

  it("rejects empty, too long and characters outside the set", () => {
    expect(lotCodeProblem("")).toMatch(/empty/)
    expect(lotCodeProblem("A".repeat(21))).toMatch(/at most 20/)
    expect(lotCodeProblem("LÔ 1")).toMatch(/may only use/)
    expect(lotCodeProblem("a b")).toMatch(/may only use/)
    expect(lotCodeProblem("lot#1")).toMatch(/may only use/)
  })

  it("percent-encodes reserved characters", () => {
    expect(encodeAiValue("ABC-1_2.x")).toBe("ABC-1_2.x")
    expect(encodeAiValue("A/B")).toBe("A%2FB")
    expect(encodeAiValue("A!'()*")).toBe("A%21%27%28%29%2A")
    expect(encodeAiValue('50%"?')).toBe("50%25%22%3F")
    expect(decodeURIComponent(encodeAiValue("!\"%&'()*+,-./:;<=>?_"))).toBe("!\"%&'()*+,-./:;<=>?_")
  })
})

describe("stampUri", () => {
  it("builds a GS1 Digital Link when the product has a GTIN", () => {
    expect(
      stampUri({
        baseUrl: "https://tem.example.vn/",
        gtin: "09506000134352",
        lotCode: "ST25/2025",
        serial: "0123456789ABCDEFGHJK",
      }),
    ).toBe("https://tem.example.vn/01/09506000134352/10/ST25%2F2025/21/0123456789ABCDEFGHJK")
  })

  it("builds a short platform URI without a GTIN", () => {
    expect(
      stampUri({
        baseUrl: "http://localhost:9100",
        gtin: null,
        lotCode: "L1",
        serial: "0123456789ABCDEFGHJK",
      }),
    ).toBe("http://localhost:9100/s/0123456789ABCDEFGHJK")
  })
})
