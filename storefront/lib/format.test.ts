import { describe, expect, it } from "vitest"
import { communeInSentence, formatDate, formatQuantity, keepQuantitiesTogether } from "./format"

describe("formatDate", () => {
  it("writes the date the language's way", () => {
    const date = new Date("2026-03-10T03:00:00Z")
    expect(formatDate(date, "vi")).toBe("10 tháng 3, 2026")
    expect(formatDate(date, "en")).toBe("10 March 2026")
  })

  it("uses the day in Vietnam, not on the server (UTC+7)", () => {
    // 20:30 UTC on the 14th is 03:30 on the 15th in Hà Nội.
    const lateEvening = new Date("2026-03-14T20:30:00Z")
    expect(formatDate(lateEvening, "vi")).toBe("15 tháng 3, 2026")
    expect(formatDate(lateEvening, "en")).toBe("15 March 2026")
  })
})

describe("formatQuantity", () => {
  it("uses the language's separators", () => {
    expect(formatQuantity(1500.5, "vi")).toBe("1.500,5")
    expect(formatQuantity(1500.5, "en")).toBe("1,500.5")
    expect(formatQuantity(600, "vi")).toBe("600")
  })
})

describe("communeInSentence", () => {
  it("lowers the kind after UBND and puts it after the name in English", () => {
    expect(communeInSentence("Xã Gia Phú", "vi")).toBe("xã Gia Phú")
    expect(communeInSentence("Xã Gia Phú", "en")).toBe("Gia Phú commune")
    expect(communeInSentence("Phường Cốc Lếu", "vi")).toBe("phường Cốc Lếu")
    expect(communeInSentence("Phường Cốc Lếu", "en")).toBe("Cốc Lếu ward")
    expect(communeInSentence("Đặc khu Phú Quốc", "en")).toBe("Phú Quốc special zone")
  })

  it("leaves a name of no known kind as it is", () => {
    expect(communeInSentence("Gia Phú", "vi")).toBe("Gia Phú")
    expect(communeInSentence("Gia Phú", "en")).toBe("Gia Phú")
  })
})

describe("keepQuantitiesTogether", () => {
  it("joins a number to its unit with a no-break space, and nothing else", () => {
    expect(keepQuantitiesTogether("Chuối tiêu hồng Phú Hà (nải 2 kg)")).toBe(
      "Chuối tiêu hồng Phú Hà (nải 2\u00a0kg)",
    )
    expect(keepQuantitiesTogether("Mật ong rừng 500 ml, 10 quả")).toBe(
      "Mật ong rừng 500\u00a0ml, 10\u00a0quả",
    )
    expect(keepQuantitiesTogether("Gạo 5 kgx, 2 giống")).toBe("Gạo 5 kgx, 2 giống")
  })
})
