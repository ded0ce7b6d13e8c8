import { describe, expect, it } from "vitest"
import { parseLinkPath } from "./link-path.js"

const SERIAL = "7K3M9Q2XAB4C5D6E7F8G"

describe("parseLinkPath", () => {
  it("reads a GTIN with lot and serial, padding short GTINs to 14 digits", () => {
    expect(parseLinkPath(`/01/9506000134352/10/ST25-01/21/${SERIAL}`)).toEqual({
      ok: true,
      link: { kind: "gtin", gtin: "09506000134352", cpv: null, lot: "ST25-01", serial: SERIAL },
    })
  })

  it("reads every level up to the GTIN, with or without a trailing slash", () => {
    for (const path of ["/01/09506000134352", "/01/09506000134352/"]) {
      expect(parseLinkPath(path)).toMatchObject({
        ok: true,
        link: { gtin: "09506000134352", lot: null, serial: null },
      })
    }
    expect(parseLinkPath("/01/09506000134352/10/L1/")).toMatchObject({
      link: { lot: "L1", serial: null },
    })
    expect(parseLinkPath(`/01/09506000134352/21/${SERIAL}`)).toMatchObject({
      link: { lot: null, serial: SERIAL },
    })
    expect(parseLinkPath("/01/09506000134352/22/V1/10/L1")).toMatchObject({
      link: { cpv: "V1", lot: "L1" },
    })
  })

  it("percent-decodes values", () => {
    expect(parseLinkPath("/01/09506000134352/10/A%2FB%25")).toMatchObject({
      link: { lot: "A/B%" },
    })
  })

  it("reads the platform's short URI", () => {
    expect(parseLinkPath(`/s/${SERIAL}`)).toEqual({
      ok: true,
      link: { kind: "short", serial: SERIAL },
    })
    expect(parseLinkPath(`/s/${SERIAL}/`)).toMatchObject({ ok: true })
  })

  it("rejects a GTIN with a bad check digit or the wrong length, naming the gtin", () => {
    expect(parseLinkPath("/01/09506000134353")).toMatchObject({ ok: false, field: "gtin" })
    expect(parseLinkPath("/01/950600013435")).toMatchObject({ ok: false, field: "gtin" })
    expect(parseLinkPath("/01/abc")).toMatchObject({ ok: false, field: "gtin" })
  })

  it("rejects qualifiers out of order or repeated", () => {
    for (const path of [
      `/01/09506000134352/21/${SERIAL}/10/L1`,
      "/01/09506000134352/10/L1/22/V1",
      "/01/09506000134352/10/L1/10/L2",
    ]) {
      expect(parseLinkPath(path), path).toMatchObject({ ok: false, field: "path" })
    }
  })

  it("rejects unknown AIs and dangling segments", () => {
    expect(parseLinkPath("/01/09506000134352/17/260101")).toMatchObject({ field: "path" })
    expect(parseLinkPath("/01/09506000134352/10")).toMatchObject({ field: "path" })
    expect(parseLinkPath("/01")).toMatchObject({ field: "path" })
    expect(parseLinkPath("/02/09506000134352")).toMatchObject({ field: "path" })
    expect(parseLinkPath(`/s/${SERIAL}/extra`)).toMatchObject({ field: "path" })
  })

  it("rejects a lot or serial over 20 characters or outside GS1's character set", () => {
    expect(parseLinkPath(`/01/09506000134352/10/${"L".repeat(21)}`)).toMatchObject({
      ok: false,
      field: "lot",
      reason: expect.stringMatching(/20 characters/),
    })
    expect(parseLinkPath("/01/09506000134352/10/L%C3%94")).toMatchObject({ field: "lot" })
    expect(parseLinkPath("/01/09506000134352/10/L%ZZ")).toMatchObject({ field: "lot" })
    expect(parseLinkPath(`/01/09506000134352/10/L1/21/${"S".repeat(21)}`)).toMatchObject({
      field: "serial",
    })
    expect(parseLinkPath("/01/09506000134352/10/L1/21/%20")).toMatchObject({ field: "serial" })
  })
})
