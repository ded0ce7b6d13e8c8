import { describe, expect, it } from "vitest"
import { type AddressInput, normalisePhone, validateAddress } from "./address"

const provinces = [{ code: "15", name: "Tỉnh Lào Cai" }]
const communes = [{ code: "02923", name: "Xã Gia Phú" }]
const valid: AddressInput = {
  email: "an@example.vn",
  full_name: "Nguyễn Văn An",
  phone: "0912 345 678",
  province_code: "15",
  commune_code: "02923",
  line: "Thôn Phú Xuân",
}

describe("validateAddress", () => {
  it("accepts a complete address in the province's commune", () => {
    expect(validateAddress(valid, provinces, communes)).toEqual({})
  })

  it("names each wrong field", () => {
    const errors = validateAddress(
      { ...valid, email: "an@", phone: "12345", commune_code: "99999", line: "" },
      provinces,
      communes,
    )
    expect(errors).toEqual({
      email: "email",
      phone: "phone",
      commune_code: "commune",
      line: "line",
    })
  })

  it("refuses an over-long name or address with its own message, never cutting it", () => {
    const errors = validateAddress(
      { ...valid, full_name: "An ".repeat(88).padEnd(265, "n"), line: "x".repeat(201) },
      provinces,
      communes,
    )
    expect(errors).toEqual({ full_name: "fullNameTooLong", line: "lineTooLong" })
  })

  it("accepts +84 numbers and refuses a commune of another province", () => {
    expect(validateAddress({ ...valid, phone: "+84 912.345.678" }, provinces, communes)).toEqual({})
    expect(validateAddress({ ...valid, province_code: "01" }, provinces, communes)).toEqual({
      province_code: "province",
    })
    expect(validateAddress(valid, provinces, [])).toEqual({ commune_code: "commune" })
  })

  it("normalises the phone to one stored form", () => {
    expect(normalisePhone("0912 345-678")).toBe("0912345678")
    expect(normalisePhone("+84 912 345 678")).toBe("0912345678")
  })

  it("takes no e-mail at all, but checks one that is given", () => {
    expect(validateAddress({ ...valid, email: "" }, provinces, communes)).toEqual({})
    expect(validateAddress({ ...valid, email: "an@" }, provinces, communes)).toEqual({
      email: "email",
    })
  })

  it("tells a missing phone from a wrong one", () => {
    expect(validateAddress({ ...valid, phone: "" }, provinces, communes)).toEqual({
      phone: "phoneMissing",
    })
    expect(validateAddress({ ...valid, phone: "0612 345 678" }, provinces, communes)).toEqual({
      phone: "phone",
    })
  })
})
