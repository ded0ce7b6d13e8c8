import { describe, expect, it } from "vitest"
import { nextVietnamMidnight, quotaRefusal, vietnamDay, writeRefusal } from "./seller-trust.js"

describe("writeRefusal", () => {
  it("lets an approved seller write for a published or draft product", () => {
    expect(writeRefusal("approved", "published")).toBeNull()
    expect(writeRefusal("approved", "draft")).toBeNull()
  })

  it("refuses a pending or suspended seller, in Vietnamese and English", () => {
    const pending = writeRefusal("pending", "draft")
    expect(pending?.code).toBe("seller_not_approved")
    expect(pending?.vi).toMatch(/chưa được xã duyệt/)
    expect(pending?.en).toMatch(/not been approved/)
    expect(writeRefusal("suspended", "published")?.vi).toMatch(/tạm ngừng/)
  })

  it("refuses products that are proposed or rejected", () => {
    expect(writeRefusal("approved", "rejected")?.code).toBe("product_not_writable")
    expect(writeRefusal("approved", "proposed")?.code).toBe("product_not_writable")
  })
})

describe("the daily quota's day", () => {
  it("is Vietnam's calendar day", () => {
    // 23:30 on 6 December in UTC is already 7 December in Hà Nội.
    expect(vietnamDay(new Date("2026-12-06T23:30:00Z"))).toBe("2026-12-07")
    expect(vietnamDay(new Date("2026-12-06T16:59:59Z"))).toBe("2026-12-06")
    expect(vietnamDay(new Date("2026-12-06T17:00:00Z"))).toBe("2026-12-07")
  })

  it("resets at the next midnight in Vietnam", () => {
    expect(nextVietnamMidnight(new Date("2026-12-07T08:00:00Z")).toISOString()).toBe(
      "2026-12-07T17:00:00.000Z",
    )
    expect(nextVietnamMidnight(new Date("2026-12-07T17:00:00Z")).toISOString()).toBe(
      "2026-12-08T17:00:00.000Z",
    )
    // Across a month and a year.
    expect(nextVietnamMidnight(new Date("2026-12-31T18:00:00Z")).toISOString()).toBe(
      "2027-01-01T17:00:00.000Z",
    )
  })

  it("says when the quota resets, in both languages", () => {
    const text = quotaRefusal(20_000, 19_500, 1_000, new Date("2026-12-07T17:00:00Z"))
    expect(text.vi).toContain("00:00 ngày 08/12/2026")
    expect(text.vi).toContain("còn 500")
    expect(text.en).toContain("2026-12-07T17:00:00.000Z")
  })
})
