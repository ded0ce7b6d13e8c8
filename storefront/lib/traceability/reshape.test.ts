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
      scans: { count: 1, firstScannedAt: new Date("2026-03-20T02:00:00.000Z") },
      scan: { id: "AQH2scan-token", number: 1 },
    })
  })

  it("keeps a repeat scan genuine, with the count and the first scan", () => {
    const repeat = {
      ...GENUINE,
      verdict: "genuine_repeat" as const,
      scan: null,
      scans: { ...GENUINE.scans, count: 4 },
    }
    expect(reshapeProvenance(repeat)).toMatchObject({
      verdict: "genuine",
      scans: { count: 4, firstScannedAt: new Date("2026-03-20T02:00:00.000Z") },
      scan: null,
    })
  })

  it("vouches for nothing when the stamp is voided or suspicious", () => {
    for (const verdict of ["voided", "suspicious"] as const) {
      expect(reshapeProvenance({ ...GENUINE, verdict })).toEqual({
        verdict: "not_genuine",
        serial: "7K3M9Q2XAB4C5D6E7F8G",
        reason: verdict,
      })
    }
  })
})

describe("isApiProvenance", () => {
  it("accepts the service's answer for a real stamp, with or without a GTIN", () => {
    expect(isApiProvenance(GENUINE)).toBe(true)
    const withGtin = { ...GENUINE, product: { ...GENUINE.product, gtin: "08930000000012" } }
    expect(isApiProvenance(withGtin)).toBe(true)
  })

  it("refuses anything missing what the page shows", () => {
    expect(isApiProvenance(undefined)).toBe(false)
    expect(isApiProvenance({ ...GENUINE, verdict: "not_genuine" })).toBe(false)
    expect(isApiProvenance({ ...GENUINE, verdict: "genuine" })).toBe(false)
    expect(isApiProvenance({ ...GENUINE, scans: { count: "1" } })).toBe(false)
    expect(isApiProvenance({ ...GENUINE, batch: { ...GENUINE.batch, lot_code: 5 } })).toBe(false)
    expect(isApiProvenance({ ...GENUINE, stamp: { ...GENUINE.stamp, issued_at: "soon" } })).toBe(
      false,
    )
    const { producer: _, ...noProducer } = GENUINE
    expect(isApiProvenance(noProducer)).toBe(false)
  })
})

describe("isNotGenuineAnswer", () => {
  it("is true only for the resolver's own verdict", () => {
    expect(isNotGenuineAnswer({ verdict: "not_genuine" })).toBe(true)
    expect(isNotGenuineAnswer({ message: "Route GET:/s/x not found", statusCode: 404 })).toBe(false)
    expect(isNotGenuineAnswer(undefined)).toBe(false)
  })
})
