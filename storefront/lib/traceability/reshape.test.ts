import { describe, expect, it } from "vitest"
import { GENUINE } from "./fixtures"
import { isApiProvenance, isNotGenuineAnswer, reshapeProvenance } from "./reshape"

describe("reshapeProvenance", () => {
  it("maps the resolver's answer to the storefront's shape", () => {
    expect(reshapeProvenance(GENUINE)).toEqual({
      verdict: "genuine",
      stamp: {
        serial: "7K3M9Q2XAB4C5D6E7F8G",
        uri: "http://tem.test/s/7K3M9Q2XAB4C5D6E7F8G",
        state: "issued",
        issuedAt: new Date("2026-03-14T20:30:00.000Z"),
      },
      batch: {
        id: "1b4e28ba-2fa1-11d2-883f-0016d3cca427",
        lotCode: "GP-2026-MUA10",
        quantity: 600,
        unit: "kg",
        state: "open",
      },
      product: { id: "prod_1", title: "Gạo Séng Cù Gia Phú (túi 5 kg)", gtin: null },
      sellerId: "htx-nong-nghiep-gia-phu",
    })
  })
})

describe("isApiProvenance", () => {
  it("accepts the resolver's genuine answer, with or without a GTIN", () => {
    expect(isApiProvenance(GENUINE)).toBe(true)
    const withGtin = { ...GENUINE, product: { ...GENUINE.product, gtin: "08930000000012" } }
    expect(isApiProvenance(withGtin)).toBe(true)
  })

  it("refuses anything missing what the page shows", () => {
    expect(isApiProvenance(undefined)).toBe(false)
    expect(isApiProvenance({ ...GENUINE, verdict: "not_genuine" })).toBe(false)
    expect(isApiProvenance({ ...GENUINE, batch: { ...GENUINE.batch, lot_code: 5 } })).toBe(false)
    expect(isApiProvenance({ ...GENUINE, stamp: { ...GENUINE.stamp, issued_at: "soon" } })).toBe(
      false,
    )
    const { seller: _, ...noSeller } = GENUINE
    expect(isApiProvenance(noSeller)).toBe(false)
  })
})

describe("isNotGenuineAnswer", () => {
  it("is true only for the resolver's own verdict", () => {
    expect(isNotGenuineAnswer({ verdict: "not_genuine" })).toBe(true)
    expect(isNotGenuineAnswer({ message: "Route GET:/s/x not found", statusCode: 404 })).toBe(false)
    expect(isNotGenuineAnswer(undefined)).toBe(false)
  })
})
