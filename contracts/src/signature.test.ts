import { describe, expect, it } from "vitest"
import { postSigned, signPayload, verifyPayload } from "./signature.js"

const SECRET = "a-shared-secret-of-some-length"
const BODY = '{"sellers":[{"id":"sel_01","state":"suspended"}]}'
const NOW = Math.floor(Date.UTC(2026, 11, 7, 8, 0, 0) / 1000)
const at = (nowSeconds: number) => ({ nowSeconds })

describe("X-Coop-Signature", () => {
  it("accepts a body signed with the secret", () => {
    expect(verifyPayload(BODY, signPayload(BODY, SECRET, NOW), SECRET, at(NOW))).toEqual({
      ok: true,
    })
    expect(signPayload(BODY, SECRET, NOW)).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/)
  })

  it("refuses a missing, malformed, wrong or altered signature", () => {
    const header = signPayload(BODY, SECRET, NOW)
    for (const missing of [undefined, null, "", "  "]) {
      expect(verifyPayload(BODY, missing, SECRET, at(NOW))).toEqual({
        ok: false,
        reason: "missing",
      })
    }
    for (const malformed of ["t=abc,v1=00", "Bearer x", `t=${NOW}`, "t=1,t=2,v1=00", "x=1=2"]) {
      expect(verifyPayload(BODY, malformed, SECRET, at(NOW)), malformed).toEqual({
        ok: false,
        reason: "malformed",
      })
    }
    expect(verifyPayload(BODY, signPayload(BODY, "another-secret", NOW), SECRET, at(NOW))).toEqual({
      ok: false,
      reason: "mismatch",
    })
    // The body changed after signing.
    expect(verifyPayload(BODY.replace("suspended", "approved"), header, SECRET, at(NOW))).toEqual({
      ok: false,
      reason: "mismatch",
    })
  })

  it("accepts any one of several v1 entries (a secret being rotated)", () => {
    const good = signPayload(BODY, SECRET, NOW)
    const other = signPayload(BODY, "old-secret", NOW).split(",")[1]
    expect(verifyPayload(BODY, `${good},${other}`, SECRET, at(NOW))).toEqual({ ok: true })
  })

  it("refuses an authentic signature older or newer than five minutes (a replay)", () => {
    const header = signPayload(BODY, SECRET, NOW)
    expect(verifyPayload(BODY, header, SECRET, at(NOW + 600))).toEqual({
      ok: false,
      reason: "stale",
    })
    expect(verifyPayload(BODY, signPayload(BODY, SECRET, NOW - 301), SECRET, at(NOW))).toEqual({
      ok: false,
      reason: "stale",
    })
    expect(verifyPayload(BODY, signPayload(BODY, SECRET, NOW - 299), SECRET, at(NOW)).ok).toBe(true)
    expect(verifyPayload(BODY, signPayload(BODY, SECRET, NOW + 400), SECRET, at(NOW)).ok).toBe(
      false,
    )
  })

  it("will not sign or check without a secret", () => {
    expect(() => signPayload(BODY, "")).toThrow(/secret/)
    expect(() => verifyPayload(BODY, "t=1,v1=00", "")).toThrow(/secret/)
  })
})

describe("postSigned", () => {
  it("sends the body signed, and reports what the receiver answered", async () => {
    const { createServer } = await import("node:http")
    const seen: { header: string | undefined; body: string }[] = []
    const server = createServer((request, response) => {
      let body = ""
      request.on("data", (chunk) => {
        body += chunk
      })
      request.on("end", () => {
        const header = request.headers["x-coop-signature"] as string | undefined
        seen.push({ header, body })
        const check = verifyPayload(body, header, SECRET)
        response.statusCode = request.url === "/slow" ? 200 : check.ok ? 204 : 401
        if (request.url === "/slow") setTimeout(() => response.end(), 2_000)
        else response.end()
      })
    })
    await new Promise<void>((done) => server.listen(0, "127.0.0.1", done))
    const { port } = server.address() as { port: number }
    const base = `http://127.0.0.1:${port}`
    try {
      expect(await postSigned(`${base}/ok`, BODY, SECRET, 5_000)).toBeNull()
      expect(seen[0]?.body).toBe(BODY)
      expect(verifyPayload(BODY, seen[0]?.header, SECRET)).toEqual({ ok: true })
      expect(await postSigned(`${base}/ok`, BODY, "another-secret", 5_000)).toBe("HTTP 401")
      expect(await postSigned(`${base}/slow`, BODY, SECRET, 100)).toMatch(/^TimeoutError/)
    } finally {
      server.closeAllConnections()
      await new Promise((done) => server.close(done))
    }
  })
})
