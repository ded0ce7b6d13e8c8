import { createHmac } from "node:crypto"
import {
  findReference,
  isIsoDateTime,
  parseBankNotification,
  signBankNotification,
  verifyBankNotification,
} from "../bank-notification"

const SECRET = "whsec_test_0123456789"
const NOW = 1_740_800_000
const body = JSON.stringify({
  id: "FT25060123456789",
  bank_bin: "970405",
  account_number: "1507205123456",
  amount: 185000,
  description: "CT DEN:123456 DH1042 chuyen tien",
  occurred_at: "2025-03-01T09:30:00+07:00",
})

describe("signBankNotification", () => {
  it('is t=<seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">', () => {
    const expected = createHmac("sha256", SECRET).update(`${NOW}.${body}`).digest("hex")
    expect(signBankNotification(body, SECRET, NOW)).toBe(`t=${NOW},v1=${expected}`)
  })

  it("defaults the timestamp to now", () => {
    const header = signBankNotification(body, SECRET)
    const t = Number(/^t=(\d+),/.exec(header)?.[1])
    expect(Math.abs(t - Date.now() / 1000)).toBeLessThan(5)
    expect(verifyBankNotification(body, header, SECRET)).toEqual({ ok: true })
  })

  it("refuses to sign without a secret", () => {
    expect(() => signBankNotification(body, "", NOW)).toThrow(/secret/)
  })
})

describe("verifyBankNotification", () => {
  const header = signBankNotification(body, SECRET, NOW)

  it("accepts a good signature", () => {
    expect(verifyBankNotification(body, header, SECRET, { nowSeconds: NOW })).toEqual({ ok: true })
    expect(verifyBankNotification(body, header, SECRET, { nowSeconds: NOW + 299 })).toEqual({
      ok: true,
    })
    expect(verifyBankNotification(body, header, SECRET, { nowSeconds: NOW + 300 })).toEqual({
      ok: true,
    })
  })

  it("rejects a tampered body", () => {
    const tampered = body.replace("185000", "1850000")
    expect(verifyBankNotification(tampered, header, SECRET, { nowSeconds: NOW })).toEqual({
      ok: false,
      reason: "mismatch",
    })
    // Even a whitespace change: the signature covers the raw bytes.
    expect(verifyBankNotification(`${body} `, header, SECRET, { nowSeconds: NOW })).toEqual({
      ok: false,
      reason: "mismatch",
    })
  })

  it("rejects a signature made with another secret", () => {
    const forged = signBankNotification(body, "another-secret", NOW)
    expect(verifyBankNotification(body, forged, SECRET, { nowSeconds: NOW })).toEqual({
      ok: false,
      reason: "mismatch",
    })
  })

  it("rejects a timestamp changed after signing", () => {
    const moved = header.replace(`t=${NOW}`, `t=${NOW + 60}`)
    expect(verifyBankNotification(body, moved, SECRET, { nowSeconds: NOW + 60 })).toEqual({
      ok: false,
      reason: "mismatch",
    })
  })

  it("rejects an old (or far future) timestamp as stale", () => {
    expect(verifyBankNotification(body, header, SECRET, { nowSeconds: NOW + 301 })).toEqual({
      ok: false,
      reason: "stale",
    })
    expect(verifyBankNotification(body, header, SECRET, { nowSeconds: NOW - 301 })).toEqual({
      ok: false,
      reason: "stale",
    })
    expect(
      verifyBankNotification(body, header, SECRET, {
        nowSeconds: NOW + 3600,
        toleranceSeconds: 7200,
      }),
    ).toEqual({ ok: true })
  })

  it("reports a missing header", () => {
    for (const missing of [undefined, "", "   "]) {
      expect(verifyBankNotification(body, missing, SECRET, { nowSeconds: NOW })).toEqual({
        ok: false,
        reason: "missing",
      })
    }
  })

  it("reports a malformed header", () => {
    const v1 = header.split("v1=")[1]
    const malformed = [
      "garbage",
      `v1=${v1}`,
      `t=${NOW}`,
      `t=abc,v1=${v1}`,
      `t=-5,v1=${v1}`,
      `t=${NOW},v1=${v1.slice(0, 63)}`,
      `t=${NOW},v1=${v1}00`,
      `t=${NOW},v1=${"z".repeat(64)}`,
      `t=${NOW},t=${NOW},v1=${v1}`,
      `t=${NOW};v1=${v1}`,
    ]
    for (const value of malformed) {
      expect(verifyBankNotification(body, value, SECRET, { nowSeconds: NOW })).toEqual({
        ok: false,
        reason: "malformed",
      })
    }
  })

  it("tolerates spaces, uppercase hex, unknown keys and a second v1 (secret rotation)", () => {
    const v1 = header.split("v1=")[1]
    const old = signBankNotification(body, "old-secret", NOW).split("v1=")[1]
    for (const value of [
      ` t=${NOW} , v1=${v1} `,
      `t=${NOW},v1=${v1.toUpperCase()}`,
      `t=${NOW},v0=whatever,v1=${v1}`,
      `t=${NOW},v1=${old},v1=${v1}`,
    ]) {
      expect(verifyBankNotification(body, value, SECRET, { nowSeconds: NOW })).toEqual({ ok: true })
    }
    expect(verifyBankNotification(body, `t=${NOW},v1=${old}`, SECRET, { nowSeconds: NOW })).toEqual(
      {
        ok: false,
        reason: "mismatch",
      },
    )
  })

  it("throws when the receiver has no secret configured", () => {
    expect(() => verifyBankNotification(body, header, "", { nowSeconds: NOW })).toThrow(/secret/)
  })
})

describe("parseBankNotification", () => {
  const good = JSON.parse(body) as Record<string, unknown>

  it("returns a typed notification for a valid body", () => {
    const parsed = parseBankNotification(good)
    expect(parsed.ok).toBe(true)
    if (!parsed.ok) return
    expect(parsed.notification).toEqual({
      id: "FT25060123456789",
      bank_bin: "970405",
      account_number: "1507205123456",
      amount: 185000,
      description: "CT DEN:123456 DH1042 chuyen tien",
      occurred_at: "2025-03-01T09:30:00+07:00",
      occurred_at_date: new Date("2025-03-01T02:30:00Z"),
    })
    // Extra fields a bank adds are ignored; an empty description is allowed.
    expect(parseBankNotification({ ...good, extra: 1, description: "" }).ok).toBe(true)
  })

  function problemsOf(json: unknown) {
    const parsed = parseBankNotification(json)
    if (parsed.ok) throw new Error("expected problems")
    return parsed.problems
  }

  function fieldsOf(json: unknown) {
    return problemsOf(json).map((p) => p.field)
  }

  it("rejects what is not an object", () => {
    for (const json of [null, "x", 42, [good]]) expect(fieldsOf(json)).toEqual(["body"])
  })

  it("names each bad field", () => {
    const bad: Array<[string, unknown]> = [
      ["id", undefined],
      ["id", ""],
      ["id", 12345],
      ["id", "x".repeat(101)],
      ["bank_bin", "97040"],
      ["bank_bin", 970405],
      ["account_number", ""],
      ["account_number", "1507-205"],
      ["account_number", "1".repeat(20)],
      ["amount", 0],
      ["amount", -1],
      ["amount", 1850.5],
      ["amount", "185000"],
      ["description", undefined],
      ["description", 42],
      ["description", "x".repeat(501)],
      ["occurred_at", undefined],
      ["occurred_at", "yesterday"],
      ["occurred_at", "2025-03-01"],
      ["occurred_at", "2025-03-01T09:30:00"],
      ["occurred_at", "2025-02-30T09:30:00+07:00"],
      ["occurred_at", "2025-03-01T24:30:00Z"],
      ["occurred_at", "2025-03-01T09:30:00+25:00"],
    ]
    for (const [field, value] of bad) {
      const problems = problemsOf({ ...good, [field]: value })
      expect(problems.map((p) => p.field)).toEqual([field])
      expect(problems[0].message).toContain(field)
    }
  })

  it("lists every problem at once", () => {
    expect(fieldsOf({})).toEqual([
      "id",
      "bank_bin",
      "account_number",
      "amount",
      "description",
      "occurred_at",
    ])
  })

  it("accepts the usual ISO 8601 forms", () => {
    expect(isIsoDateTime("2025-03-01T09:30:00Z")).toBe(true)
    expect(isIsoDateTime("2025-03-01T09:30:00.123Z")).toBe(true)
    expect(isIsoDateTime("2024-02-29T23:59:59-05:00")).toBe(true)
    expect(isIsoDateTime("2025-02-29T00:00:00Z")).toBe(false)
    expect(isIsoDateTime("2025-13-01T00:00:00Z")).toBe(false)
  })
})

describe("findReference", () => {
  it("finds the reference in realistic descriptions", () => {
    expect(findReference("CT DEN:123456 DH1042 chuyen tien")).toBe("DH1042")
    expect(findReference("MBVCB.5123456789.DH77AB12.CT tu 0123456789 NGUYEN VAN A")).toBe(
      "DH77AB12",
    )
    expect(findReference("NGUYEN VAN A chuyen tien THANHTOANDH1042")).toBe("DH1042")
    expect(findReference("thanh toan dh1042ab")).toBe("DH1042AB")
    expect(findReference("IBFT DH2001 FT25060123456")).toBe("DH2001")
  })

  it("returns the first reference when there are several", () => {
    expect(findReference("DH1001 DH1002")).toBe("DH1001")
  })

  it("returns null when there is none", () => {
    expect(findReference("CT DEN:123456 chuyen tien an trua")).toBeNull()
    expect(findReference("DH12 too short")).toBeNull()
    expect(findReference("")).toBeNull()
  })

  it("uses a custom pattern, without carrying state between calls", () => {
    const pattern = /HTX-\d{3}/gi
    expect(findReference("tra tien htx-042 nhe", pattern)).toBe("HTX-042")
    expect(findReference("tra tien htx-042 nhe", pattern)).toBe("HTX-042")
    expect(findReference("DH1042", pattern)).toBeNull()
  })
})
