import { DomainError } from "../errors"
import { preorderBuyerMail } from "../preorder-buyer-mail"
import { harvestOf } from "../traceability-batches"

const harvest = (amount: number, unit = "bao") => ({
  type: "harvest",
  details: { quantity: { amount, unit } },
})

describe("the harvest a batch's diary recorded", () => {
  it("is none before any harvest event, whatever else the diary holds", () => {
    expect(harvestOf([])).toBeNull()
    expect(harvestOf([{ type: "planting" }, { type: "note" }])).toBeNull()
  })

  it("adds up pickings recorded in one unit (letter case and spaces aside)", () => {
    expect(harvestOf([{ type: "planting" }, harvest(30), harvest(12.5, " Bao ")])).toEqual({
      amount: 42.5,
      unit: "bao",
      events: 2,
    })
  })

  it("refuses pickings in different units, naming batch_id", () => {
    let error: unknown
    try {
      harvestOf([harvest(30, "bao"), harvest(200, "kg")])
    } catch (caught) {
      error = caught
    }
    expect(error).toBeInstanceOf(DomainError)
    expect((error as DomainError).kind).toBe("conflict")
    expect((error as DomainError).field).toBe("batch_id")
    expect((error as DomainError).text.vi).toContain("nhiều đơn vị")
  })
})

describe("the buyer's pre-order mail", () => {
  const message = { vi: "bạn nhận 2 trên 4 đã đặt", en: "you get 2 of the 4 you ordered" }

  it("says both languages and how the difference is settled", () => {
    const owed = preorderBuyerMail("DH000123", { ...message, settled: "owe_less" }, "http://x/o")
    expect(owed.subject).toBe("Đơn đặt trước DH000123 thay đổi / Your pre-order DH000123 changed")
    expect(owed.text).toContain("bạn nhận 2 trên 4 đã đặt. Bạn chỉ trả số tiền mới")
    expect(owed.text).toContain("you get 2 of the 4 you ordered. You pay only the new amount")
    const refunded = preorderBuyerMail(
      "DH000123",
      { ...message, settled: "refunded" },
      "http://x/o",
    )
    expect(refunded.text).toContain("Phần chênh lệch đã được hoàn lại")
    expect(refunded.text).toContain("The difference is refunded")
  })
})
