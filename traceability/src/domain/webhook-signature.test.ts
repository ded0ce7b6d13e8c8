import { describe, expect, it } from "vitest"
import { signatureHeader } from "../jobs/outbox-deliverer.js"
import { checkSignature } from "./webhook-signature.js"

const SECRET = "a-shared-secret-of-some-length"
const BODY = '{"sellers":[{"id":"sel_01","state":"suspended"}]}'
const NOW = Date.UTC(2026, 11, 7, 8, 0, 0)

describe("checkSignature", () => {
  it("accepts what this service's own signer produces", () => {
    expect(checkSignature(SECRET, BODY, signatureHeader(SECRET, BODY, NOW), NOW)).toBe("ok")
  })

  it("refuses a missing, malformed, wrong or replayed signature", () => {
    expect(checkSignature(SECRET, BODY, undefined, NOW)).toBe("missing")
    expect(checkSignature(SECRET, BODY, "t=abc,v1=00", NOW)).toBe("malformed")
    expect(checkSignature(SECRET, BODY, signatureHeader("another-secret", BODY, NOW), NOW)).toBe(
      "mismatch",
    )
    // The body changed after signing.
    const header = signatureHeader(SECRET, BODY, NOW)
    expect(checkSignature(SECRET, BODY.replace("suspended", "approved"), header, NOW)).toBe(
      "mismatch",
    )
    // Ten minutes later: a replay.
    expect(checkSignature(SECRET, BODY, header, NOW + 600_000)).toBe("stale")
  })
})
