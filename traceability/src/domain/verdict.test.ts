import { describe, expect, it } from "vitest"
import {
  countsAsScan,
  distanceKm,
  findImpossibleTravel,
  impossibleTravel,
  type ScanFacts,
  verdictFor,
} from "./verdict.js"

const policy = { suspiciousNetworks: 10 }
const genuine: ScanFacts = {
  signatureValid: true,
  stampState: "issued",
  scanCount: 1,
  networks: 1,
  travelFlagged: false,
}

// Hà Nội (Hoàn Kiếm) and Thành phố Hồ Chí Minh (Bến Thành): about 1,140 km apart.
const HANOI = { lat: 21.0285, lng: 105.8542, network: "203.0.113.0/24" }
const SAIGON = { lat: 10.7725, lng: 106.698, network: "2001:db8:5::/48" }
// Two villages of one commune in Cà Mau, a few km apart and far from Hà Nội.
const VILLAGE_A = { lat: 9.18, lng: 105.15, network: "198.51.100.0/24" }
const VILLAGE_B = { lat: 9.2, lng: 105.18, network: "192.0.2.0/24" }
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

  it("calls later scans genuine_repeat however many come from few networks", () => {
    expect(verdictFor({ ...genuine, scanCount: 2 }, policy)).toBe("genuine_repeat")
    // 21 scans (or 10,000) from one network: one household, or one attacker, never a copy.
    expect(verdictFor({ ...genuine, scanCount: 21 }, policy)).toBe("genuine_repeat")
    expect(verdictFor({ ...genuine, scanCount: 10_000, networks: 1 }, policy)).toBe(
      "genuine_repeat",
    )
    expect(verdictFor({ ...genuine, scanCount: 50, networks: 10 }, policy)).toBe("genuine_repeat")
  })

  it("calls a stamp suspicious once more distinct networks than the policy allows scanned it", () => {
    expect(verdictFor({ ...genuine, scanCount: 11, networks: 11 }, policy)).toBe("suspicious")
    expect(verdictFor({ ...genuine, scanCount: 3, networks: 3 }, { suspiciousNetworks: 2 })).toBe(
      "suspicious",
    )
  })

  it("calls a stamp suspicious once its located scans were impossibly far apart", () => {
    expect(verdictFor({ ...genuine, scanCount: 2, travelFlagged: true }, policy)).toBe("suspicious")
  })

  it("says voided for a voided stamp, however often it was scanned", () => {
    expect(verdictFor({ ...genuine, stampState: "voided" }, policy)).toBe("voided")
    expect(
      verdictFor({ ...genuine, stampState: "voided", scanCount: 99, networks: 40 }, policy),
    ).toBe("voided")
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

describe("countsAsScan", () => {
  const hour = 60 * 60_000
  it("counts a network's first scan, and its next only after a quiet window", () => {
    expect(countsAsScan(undefined, 1_000, hour)).toBe(true)
    expect(countsAsScan(null, 1_000, hour)).toBe(true)
    expect(countsAsScan(0, hour - 1, hour)).toBe(false)
    expect(countsAsScan(0, hour, hour)).toBe(true)
  })

  it("counts every scan when the window is 0", () => {
    expect(countsAsScan(5, 5, 0)).toBe(true)
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

  it("proves nothing when both positions come from one network, or an unknown one", () => {
    const sameNetwork = { ...SAIGON, network: HANOI.network }
    expect(impossibleTravel({ ...HANOI, at: at(0) }, { ...sameNetwork, at: at(30) }, travel)).toBe(
      false,
    )
    const unknown = { ...SAIGON, network: null }
    expect(impossibleTravel({ ...HANOI, at: at(0) }, { ...unknown, at: at(30) }, travel)).toBe(
      false,
    )
  })

  it("gives vague positions the benefit of their accuracy", () => {
    // 250 km apart, but each phone says it may be 30 km off: 190 km for sure, not impossible.
    const a = { lat: 21, lng: 105, network: "203.0.113.0/24", at: at(0) }
    const b = { lat: 21 + 250 / 111.2, lng: 105, network: "192.0.2.0/24", at: at(10) }
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
