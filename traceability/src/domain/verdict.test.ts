import { describe, expect, it } from "vitest"
import {
  distanceKm,
  findImpossibleTravel,
  impossibleTravel,
  type ScanFacts,
  verdictFor,
} from "./verdict.js"

const policy = { suspiciousAfter: 20 }
const genuine: ScanFacts = {
  signatureValid: true,
  stampState: "issued",
  scanCount: 1,
  travelFlagged: false,
}

// Hà Nội (Hoàn Kiếm) and Thành phố Hồ Chí Minh (Bến Thành): about 1,140 km apart.
const HANOI = { lat: 21.0285, lng: 105.8542 }
const SAIGON = { lat: 10.7725, lng: 106.698 }
// Two villages of one commune in Cà Mau, a few km apart and far from Hà Nội.
const VILLAGE_A = { lat: 9.18, lng: 105.15 }
const VILLAGE_B = { lat: 9.2, lng: 105.18 }
const travel = { maxDistanceKm: 200, withinMinutes: 60 }
const at = (minutes: number) => new Date(Date.UTC(2026, 6, 1, 8, minutes))

describe("verdictFor", () => {
  it("answers seller_suspended for a suspended or never-approved seller's stamps", () => {
    expect(verdictFor({ ...genuine, sellerState: "suspended" }, policy)).toBe("seller_suspended")
    expect(verdictFor({ ...genuine, sellerState: "pending" }, policy)).toBe("seller_suspended")
    // Never genuine, however few the scans; suspicious counts do not hide it either.
    expect(verdictFor({ ...genuine, sellerState: "suspended", scanCount: 50 }, policy)).toBe(
      "seller_suspended",
    )
    // A forged serial or a voided stamp is still named as such.
    expect(
      verdictFor({ ...genuine, signatureValid: false, sellerState: "suspended" }, policy),
    ).toBe("not_genuine")
    expect(verdictFor({ ...genuine, stampState: "voided", sellerState: "suspended" }, policy)).toBe(
      "voided",
    )
  })

  it("restores the ordinary verdicts once the seller is approved again (or never known)", () => {
    expect(verdictFor({ ...genuine, sellerState: "approved" }, policy)).toBe("genuine_first_scan")
    expect(verdictFor({ ...genuine, sellerState: null }, policy)).toBe("genuine_first_scan")
  })

  it("calls the first scan of an issued stamp genuine_first_scan", () => {
    expect(verdictFor(genuine, policy)).toBe("genuine_first_scan")
  })

  it("calls later scans genuine_repeat up to the threshold, suspicious beyond it", () => {
    expect(verdictFor({ ...genuine, scanCount: 2 }, policy)).toBe("genuine_repeat")
    expect(verdictFor({ ...genuine, scanCount: 20 }, policy)).toBe("genuine_repeat")
    expect(verdictFor({ ...genuine, scanCount: 21 }, policy)).toBe("suspicious")
    expect(verdictFor({ ...genuine, scanCount: 3 }, { suspiciousAfter: 2 })).toBe("suspicious")
  })

  it("calls a stamp suspicious once its located scans were impossibly far apart", () => {
    expect(verdictFor({ ...genuine, scanCount: 2, travelFlagged: true }, policy)).toBe("suspicious")
  })

  it("says voided for a voided stamp, however often it was scanned", () => {
    expect(verdictFor({ ...genuine, stampState: "voided" }, policy)).toBe("voided")
    expect(verdictFor({ ...genuine, stampState: "voided", scanCount: 99 }, policy)).toBe("voided")
  })

  it("says not_genuine for a bad signature or an unknown serial, before anything else", () => {
    expect(verdictFor({ ...genuine, signatureValid: false }, policy)).toBe("not_genuine")
    expect(verdictFor({ ...genuine, stampState: null }, policy)).toBe("not_genuine")
    expect(
      verdictFor(
        { ...genuine, signatureValid: false, stampState: "voided", scanCount: 50 },
        policy,
      ),
    ).toBe("not_genuine")
  })
})

describe("distanceKm", () => {
  it("measures great-circle distances", () => {
    expect(distanceKm(HANOI, SAIGON)).toBeGreaterThan(1130)
    expect(distanceKm(HANOI, SAIGON)).toBeLessThan(1150)
    expect(distanceKm(HANOI, HANOI)).toBe(0)
    expect(distanceKm(VILLAGE_A, VILLAGE_B)).toBeLessThan(5)
  })
})

describe("impossibleTravel", () => {
  it("flags two scans more than 200 km apart within an hour", () => {
    expect(impossibleTravel({ ...HANOI, at: at(0) }, { ...SAIGON, at: at(30) }, travel)).toBe(true)
    expect(impossibleTravel({ ...SAIGON, at: at(60) }, { ...HANOI, at: at(0) }, travel)).toBe(true)
  })

  it("allows the same distance when enough time passed (a bag travels by truck)", () => {
    expect(impossibleTravel({ ...HANOI, at: at(0) }, { ...SAIGON, at: at(61) }, travel)).toBe(false)
  })

  it("allows nearby scans at any pace", () => {
    expect(impossibleTravel({ ...VILLAGE_A, at: at(0) }, { ...VILLAGE_B, at: at(1) }, travel)).toBe(
      false,
    )
  })

  it("gives vague positions the benefit of their accuracy", () => {
    // 250 km apart, but each phone says it may be 30 km off: 190 km for sure, not impossible.
    const a = { lat: 21, lng: 105, at: at(0) }
    const b = { lat: 21 + 250 / 111.2, lng: 105, at: at(10) }
    expect(distanceKm(a, b)).toBeGreaterThan(249)
    expect(impossibleTravel(a, b, travel)).toBe(true)
    expect(impossibleTravel({ ...a, accuracyM: 30_000 }, { ...b, accuracyM: 30_000 }, travel)).toBe(
      false,
    )
  })
})

describe("findImpossibleTravel", () => {
  it("returns the earlier scan that rules the new one out, or null", () => {
    const earlier = [
      { ...VILLAGE_A, at: at(0) },
      { ...HANOI, at: at(5) },
    ]
    expect(findImpossibleTravel({ ...VILLAGE_B, at: at(10) }, earlier, travel)).toEqual(earlier[1])
    expect(findImpossibleTravel({ ...HANOI, at: at(10) }, earlier, travel)).toEqual(earlier[0])
    expect(findImpossibleTravel({ ...HANOI, at: at(10) }, [earlier[1]!], travel)).toBeNull()
    expect(findImpossibleTravel({ ...HANOI, at: at(10) }, [], travel)).toBeNull()
  })
})
