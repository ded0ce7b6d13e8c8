import { describe, expect, it } from "vitest"
import { formatPhone, parsePhone, phoneError, telHref } from "./phone"

describe("parsePhone", () => {
  it("keeps one stored form whatever the buyer typed", () => {
    for (const typed of [
      "0912345678",
      "0912 345 678",
      " 0912.345.678 ",
      "0912-345-678",
      "+84912345678",
      "+84 912 345 678",
      "+84 0912 345 678",
      "(+84) 912 345 678",
    ]) {
      expect(parsePhone(typed), typed).toBe("0912345678")
    }
  })

  it("accepts every mobile prefix and 11-digit landlines", () => {
    for (const n of ["0312345678", "0512345678", "0712345678", "0812345678", "0987654321"]) {
      expect(parsePhone(n)).toBe(n)
    }
    expect(parsePhone("0214 385 2555")).toBe("02143852555")
    expect(parsePhone("+84 24 3825 3536")).toBe("02438253536")
  })

  it("refuses what no Vietnamese phone can be", () => {
    for (const typed of [
      "",
      "12345",
      "912345678", // no 0 or +84
      "84912345678", // country code without its +
      "+1 912 345 678",
      "091234567", // 9 digits
      "09123456789", // a mobile with 11 digits
      "0112345678", // 01x is no longer a prefix
      "0612345678",
      "0212345678", // a landline needs 11 digits
      "0912 345 67a",
      "0912345678 ext 2",
    ]) {
      expect(parsePhone(typed), typed).toBeNull()
    }
  })
})

describe("phoneError", () => {
  it("tells a missing number from a wrong one", () => {
    expect(phoneError("  ")).toBe("phoneMissing")
    expect(phoneError("12345")).toBe("phone")
    expect(phoneError("+84 912 345 678")).toBeNull()
  })
})

describe("formatPhone and telHref", () => {
  it("groups the national number and dials the international one", () => {
    expect(formatPhone("0912345678")).toBe("0912 345 678")
    expect(formatPhone("+84 214 386 0101")).toBe("0214 3860 101")
    expect(formatPhone("02438253536")).toBe("024 3825 3536")
    expect(telHref("0912 345 678")).toBe("tel:+84912345678")
    expect(telHref("0214 385 2555")).toBe("tel:+842143852555")
  })

  it("keeps an unparsable number as it is, with a dialable link of its digits", () => {
    expect(formatPhone("1900 1234")).toBe("1900 1234")
    expect(telHref("1900 1234")).toBe("tel:19001234")
  })
})
