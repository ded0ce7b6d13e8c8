import { bankText } from "@coop/contracts/text"
import { QRPay } from "vietnam-qr-pay"
import {
  bankName,
  buildVietQrPayload,
  crc16CcittFalse,
  NAPAS_BANKS,
  parseTlv,
  readVietQrPayload,
  type VietQrInput,
  VietQrInputError,
} from "../payload"

const base: VietQrInput = {
  bankBin: "970405",
  accountNumber: "1507205123456",
  amount: 185000,
  bill: "DH1042",
  purpose: "Thanh toán DH1042",
}

/** Decodes with the independent vietnam-qr-pay parser. */
function decode(payload: string) {
  return new QRPay(payload)
}

function inputError(fn: () => unknown): VietQrInputError {
  try {
    fn()
  } catch (error) {
    expect(error).toBeInstanceOf(VietQrInputError)
    return error as VietQrInputError
  }
  throw new Error("expected a VietQrInputError")
}

describe("crc16CcittFalse", () => {
  it("matches the CRC-16/CCITT-FALSE check value", () => {
    expect(crc16CcittFalse("123456789")).toBe("29B1")
    expect(crc16CcittFalse("")).toBe("FFFF")
  })

  it("matches the CRC of a published VietQR example", () => {
    // From vietnam-qr-pay's README (ACB 257678859, 1000 VND, "Chuyen tien").
    const example =
      "00020101021238530010A0000007270123000697041601092576788590208QRIBFTTA5303704540410005802VN62150811Chuyen tien6304BBB8"
    expect(crc16CcittFalse(example.slice(0, -4))).toBe("BBB8")
  })

  it("agrees with vietnam-qr-pay, including CRCs that need leading zeros", () => {
    let padded = 0
    for (let i = 0; i < 3000; i++) {
      const s = `00020101021238${i.toString(36)}6304`
      const ours = crc16CcittFalse(s)
      expect(ours).toMatch(/^[0-9A-F]{4}$/)
      expect(ours).toBe(QRPay.genCRCCode(s))
      if (ours.startsWith("0")) padded++
    }
    expect(padded).toBeGreaterThan(0)
  })
})

describe("buildVietQrPayload", () => {
  it("encodes every field so an independent decoder reads them back", () => {
    const payload = buildVietQrPayload(base)
    const qr = decode(payload)
    expect(qr.isValid).toBe(true)
    expect(qr.version).toBe("01")
    expect(qr.initMethod).toBe("12")
    expect(qr.provider.fieldId).toBe("38")
    expect(qr.provider.guid).toBe("A000000727")
    expect(qr.provider.name).toBe("VIETQR")
    expect(qr.consumer.bankBin).toBe("970405")
    expect(qr.consumer.bankNumber).toBe("1507205123456")
    expect(qr.provider.service).toBe("QRIBFTTA")
    expect(qr.currency).toBe("704")
    expect(qr.amount).toBe("185000")
    expect(qr.nation).toBe("VN")
    expect(qr.additionalData.billNumber).toBe("DH1042")
    expect(qr.additionalData.purpose).toBe("Thanh toan DH1042")
    expect(qr.crc).toBe(payload.slice(-4))
  })

  it("is byte for byte what vietnam-qr-pay builds from the same fields", () => {
    const reference = QRPay.initVietQR({
      bankBin: "970436",
      bankNumber: "0071000888999",
      amount: "2500000",
      purpose: "Mua gao ST25 DH77AB12",
    })
    reference.additionalData.billNumber = "DH77AB12"
    expect(
      buildVietQrPayload({
        bankBin: "970436",
        accountNumber: "0071000888999",
        amount: 2_500_000,
        bill: "DH77AB12",
        purpose: "Mua gạo ST25 DH77AB12",
      }),
    ).toBe(reference.build())
  })

  it("has the exact TLV layout, CRC over everything up to and including 6304", () => {
    const payload = buildVietQrPayload({ ...base, purpose: undefined })
    expect(payload).toBe(
      "000201" +
        "010212" +
        "3857" +
        "0010A000000727" +
        "0127" +
        "0006970405" +
        "01131507205123456" +
        "0208QRIBFTTA" +
        "5303704" +
        "5406185000" +
        "5802VN" +
        "6210" +
        "0106DH1042" +
        `6304${crc16CcittFalse(payload.slice(0, -4))}`,
    )
    expect(payload.slice(-8, -4)).toBe("6304")
    const top = parseTlv(payload)
    expect(top.map((f) => f.id)).toEqual(["00", "01", "38", "53", "54", "58", "62", "63"])
  })

  it("omits the purpose sub-field when there is no purpose", () => {
    for (const purpose of [undefined, "", "   "]) {
      const qr = decode(buildVietQrPayload({ ...base, purpose }))
      expect(qr.isValid).toBe(true)
      expect(qr.additionalData.billNumber).toBe("DH1042")
      expect(qr.additionalData.purpose).toBeUndefined()
    }
  })

  it("fails the decoder's CRC check when any single character changes", () => {
    const payload = buildVietQrPayload(base)
    expect(decode(payload).isValid).toBe(true)
    // Amount 185000 -> 186000, a digit of the account, a letter of the purpose, the CRC itself.
    const positions = [
      payload.indexOf("185000") + 2,
      payload.indexOf("1507205123456") + 5,
      payload.indexOf("Thanh") + 1,
      payload.length - 1,
    ]
    for (const at of positions) {
      const original = payload[at]
      const replacement = original === "6" ? "7" : original === "h" ? "x" : "6"
      const tampered = payload.slice(0, at) + replacement + payload.slice(at + 1)
      expect(tampered).not.toBe(payload)
      expect(decode(tampered).isValid).toBe(false)
      expect(readVietQrPayload(tampered).crcValid).toBe(false)
    }
  })

  it("accepts the longest fields allowed and still decodes", () => {
    const payload = buildVietQrPayload({
      bankBin: "970418",
      accountNumber: "A".repeat(19),
      amount: 9_999_999_999_999,
      bill: "B".repeat(25),
      purpose: "C".repeat(25),
    })
    const qr = decode(payload)
    expect(qr.isValid).toBe(true)
    expect(qr.consumer.bankNumber).toBe("A".repeat(19))
    expect(qr.amount).toBe("9999999999999")
    expect(qr.additionalData.billNumber).toBe("B".repeat(25))
    expect(qr.additionalData.purpose).toBe("C".repeat(25))
  })

  it("strips Vietnamese diacritics from the purpose", () => {
    const cases: Array<[string, string]> = [
      ["Thanh toán", "Thanh toan"],
      ["Đơn hàng Gia Phú", "Don hang Gia Phu"],
      ["Mua ĐẶC SẢN", "Mua DAC SAN"],
      ["Trả   tiền\tđơn\n42", "Tra tien don 42"],
      ["ưởữ ỳ", "uou y"],
    ]
    for (const [purpose, expected] of cases) {
      expect(bankText(purpose)).toBe(expected)
      const qr = decode(buildVietQrPayload({ ...base, purpose }))
      expect(qr.isValid).toBe(true)
      expect(qr.additionalData.purpose).toBe(expected)
    }
    // Decomposed input (NFD) ends up the same.
    expect(
      readVietQrPayload(buildVietQrPayload({ ...base, purpose: "Thanh toán".normalize("NFD") }))
        .purpose,
    ).toBe("Thanh toan")
  })

  it("rejects a bank BIN that is not 6 digits", () => {
    for (const bankBin of ["97040", "9704051", "97040A", "", " 970405"]) {
      const error = inputError(() => buildVietQrPayload({ ...base, bankBin }))
      expect(error.field).toBe("bankBin")
      expect(error.message).toContain(`"${bankBin}"`)
    }
  })

  it("rejects an account number that is not 1–19 letters or digits", () => {
    for (const accountNumber of ["", "1".repeat(20), "1507-205", "1507 205", "số123"]) {
      const error = inputError(() => buildVietQrPayload({ ...base, accountNumber }))
      expect(error.field).toBe("accountNumber")
      expect(error.message).toContain(`"${accountNumber}"`)
    }
  })

  it("rejects an amount that is not a positive whole number of at most 13 digits", () => {
    for (const amount of [0, -5000, 1500.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53]) {
      const error = inputError(() => buildVietQrPayload({ ...base, amount }))
      expect(error.field).toBe("amount")
      expect(error.message).toContain(String(amount))
    }
    const tooLong = inputError(() => buildVietQrPayload({ ...base, amount: 10_000_000_000_000 }))
    expect(tooLong.field).toBe("amount")
    expect(tooLong.message).toContain("10000000000000")
    expect(tooLong.message).toContain("13")
    const asString = inputError(() =>
      buildVietQrPayload({ ...base, amount: "185000" as unknown as number }),
    )
    expect(asString.field).toBe("amount")
  })

  it("rejects a bill number that is not 1–25 letters or digits", () => {
    for (const bill of ["", "DH-1042", "DH 1042", "ĐH1042", "D".repeat(26)]) {
      const error = inputError(() => buildVietQrPayload({ ...base, bill }))
      expect(error.field).toBe("bill")
      expect(error.message).toContain(`"${bill}"`)
    }
  })

  it("rejects a purpose that is too long or not printable ASCII", () => {
    const long = inputError(() => buildVietQrPayload({ ...base, purpose: "x".repeat(26) }))
    expect(long.field).toBe("purpose")
    expect(long.message).toContain("x".repeat(26))
    // 25 characters once diacritics are gone is fine, even if the input had more code units.
    const decomposed = "Thanh toán đơn hàng DH104".normalize("NFD")
    expect(decomposed.length).toBeGreaterThan(25)
    expect(readVietQrPayload(buildVietQrPayload({ ...base, purpose: decomposed })).purpose).toBe(
      "Thanh toan don hang DH104",
    )
    for (const purpose of ["Giá 100₫", "Cảm ơn 🙏", "订单 42"]) {
      const error = inputError(() => buildVietQrPayload({ ...base, purpose }))
      expect(error.field).toBe("purpose")
      expect(error.message).toContain(purpose)
    }
  })
})

describe("parseTlv and readVietQrPayload", () => {
  it("splits fields and reads a payload back", () => {
    expect(parseTlv("000201010212")).toEqual([
      { id: "00", value: "01" },
      { id: "01", value: "12" },
    ])
    expect(readVietQrPayload(buildVietQrPayload(base))).toEqual({
      crcValid: true,
      dynamic: true,
      bankBin: "970405",
      accountNumber: "1507205123456",
      service: "QRIBFTTA",
      currency: "704",
      amount: 185000,
      country: "VN",
      bill: "DH1042",
      purpose: "Thanh toan DH1042",
    })
  })

  it("throws on truncated or malformed TLV", () => {
    expect(() => parseTlv("0002010")).toThrow(/offset 6/)
    expect(() => parseTlv("000501")).toThrow(/declares 5/)
    expect(() => parseTlv("00xx01")).toThrow(/Malformed/)
  })
})

describe("NAPAS_BANKS", () => {
  it("lists 6-digit BINs once each, with names", () => {
    const bins = NAPAS_BANKS.map((b) => b.bin)
    expect(new Set(bins).size).toBe(bins.length)
    for (const bank of NAPAS_BANKS) {
      expect(bank.bin).toMatch(/^[0-9]{6}$/)
      expect(bank.short_name.length).toBeGreaterThan(0)
      expect(bank.name.length).toBeGreaterThan(bank.short_name.length)
    }
  })

  it("names the common banks and returns null for unknown BINs", () => {
    expect(bankName("970405")).toBe("Agribank")
    expect(bankName("970436")).toBe("Vietcombank")
    expect(bankName("970415")).toBe("VietinBank")
    expect(bankName("970418")).toBe("BIDV")
    expect(bankName("970422")).toBe("MB")
    expect(bankName("970407")).toBe("Techcombank")
    expect(bankName("999999")).toBeNull()
  })
})
