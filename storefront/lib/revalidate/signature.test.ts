import { describe, expect, it } from "vitest"
import { signBody, verifySignature } from "./signature"

const SECRET = "s3cret-s3cret-s3cret"
const BODY = '{"tags":["products"]}'
const NOW = Date.UTC(2026, 10, 29, 12)

describe("verifySignature", () => {
  it("accepts a body signed with the secret", () => {
    expect(verifySignature(BODY, signBody(BODY, SECRET, NOW), SECRET, NOW)).toEqual({ ok: true })
  })

  it("refuses a missing, malformed, wrong or altered signature", () => {
    const header = signBody(BODY, SECRET, NOW)
    expect(verifySignature(BODY, null, SECRET, NOW)).toEqual({ ok: false, reason: "missing" })
    expect(verifySignature(BODY, "Bearer x", SECRET, NOW)).toEqual({
      ok: false,
      reason: "malformed",
    })
    expect(verifySignature(BODY, signBody(BODY, "other", NOW), SECRET, NOW)).toMatchObject({
      reason: "mismatch",
    })
    expect(verifySignature('{"tags":["regions"]}', header, SECRET, NOW)).toMatchObject({
      reason: "mismatch",
    })
  })

  it("refuses an authentic signature older than five minutes (a replay)", () => {
    const header = signBody(BODY, SECRET, NOW - 301_000)
    expect(verifySignature(BODY, header, SECRET, NOW)).toEqual({ ok: false, reason: "stale" })
    expect(verifySignature(BODY, signBody(BODY, SECRET, NOW - 299_000), SECRET, NOW).ok).toBe(true)
  })
})
