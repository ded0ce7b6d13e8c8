import { describe, expect, it } from "vitest"
import { isSellerHandle } from "./catalogue"
import { callerLanguage, feedError, readSellerParam } from "./feed-request"

const params = (query: string) => new URLSearchParams(query)

describe("readSellerParam", () => {
  it("reads one seller handle, or none for the whole shop", () => {
    expect(readSellerParam(params(""))).toBeNull()
    expect(readSellerParam(params("seller=htx-nong-nghiep-gia-phu"))).toBe(
      "htx-nong-nghiep-gia-phu",
    )
  })

  it("refuses anything that cannot be a handle", () => {
    for (const hostile of [
      "seller=",
      "seller=a&seller=b",
      "seller=../../etc/passwd",
      "seller=%3Cscript%3E",
      "seller=HTX",
      "seller=htx%20gia",
      "seller=h%C3%A0",
      "seller=-htx",
      "seller=htx--x",
      `seller=${"a".repeat(101)}`,
      "seller=%00",
    ]) {
      expect(readSellerParam(params(hostile)), hostile).toBe("invalid")
    }
  })
})

describe("isSellerHandle", () => {
  it("accepts the seed's handles", () => {
    expect(isSellerHandle("hkd-lo-van-sinh")).toBe(true)
    expect(isSellerHandle("htx-dich-vu-tong-hop-khe-lac")).toBe(true)
  })
})

describe("feedError", () => {
  it("names the field in the caller's language", async () => {
    expect(callerLanguage("en-GB,en;q=0.9")).toBe("en")
    expect(callerLanguage("vi-VN,en;q=0.5")).toBe("vi")
    expect(callerLanguage(null)).toBe("vi")
    const response = feedError("invalid_seller", 400, "en")
    expect(response.status).toBe(400)
    expect(await response.json()).toEqual({
      error: "invalid_seller",
      field: "seller",
      message: expect.stringContaining("The seller parameter"),
    })
    const vi = await feedError("unknown_seller", 404, "vi").json()
    expect(vi.message).toBe("Không có người bán nào đang bán với mã này.")
  })
})
