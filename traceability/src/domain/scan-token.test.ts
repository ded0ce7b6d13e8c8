import { randomUUID } from "node:crypto"
import { describe, expect, it } from "vitest"
import { type ScanClaims, scanTokenKey, signScanToken, verifyScanToken } from "./scan-token.js"

const key = scanTokenKey("s".repeat(32))
const claims: ScanClaims = {
  scanId: randomUUID(),
  serial: "7K3M9Q2XAB4C5D6E7F8G",
  scannedAt: new Date("2026-07-01T08:30:00.123Z"),
  firstScannedAt: new Date("2026-06-30T01:00:00.000Z"),
  number: 3,
  verdict: "genuine_repeat",
}

describe("scan tokens", () => {
  it("round-trips the claims in a URL-safe string", () => {
    const token = signScanToken(claims, key)
    expect(token).toMatch(/^[A-Za-z0-9_-]+$/)
    expect(token.length).toBeLessThan(100)
    expect(verifyScanToken(token, key)).toEqual(claims)
  })

  it("rejects a token signed with another key", () => {
    const token = signScanToken(claims, scanTokenKey("t".repeat(32)))
    expect(verifyScanToken(token, key)).toBeNull()
  })

  it("rejects any altered byte", () => {
    const bytes = Buffer.from(signScanToken(claims, key), "base64url")
    for (const index of [0, 5, 30, 34, bytes.length - 1]) {
      const altered = Buffer.from(bytes)
      altered[index] = altered[index]! ^ 1
      expect(verifyScanToken(altered.toString("base64url"), key), `byte ${index}`).toBeNull()
    }
  })

  it("rejects garbage without throwing", () => {
    for (const token of ["", "abc", "!!!", "A".repeat(300), "A".repeat(80)]) {
      expect(verifyScanToken(token, key)).toBeNull()
    }
  })
})
