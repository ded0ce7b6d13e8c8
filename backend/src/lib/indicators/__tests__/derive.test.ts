import { describe, expect, it } from "vitest"
import { CASHLESS_REASONS, cashlessReason, orderPartFacts } from "../derive"

type Part = Parameters<typeof orderPartFacts>[0][number]

const part = (over: Partial<Part>) =>
  ({
    id: "opart_1",
    part_order_id: "order_1",
    seller_id: "sel_1",
    commune_code: "02923",
    amount: 100000,
    payment_method: "cod",
    payment_status: "captured",
    status: "placed",
    deleted_at: null,
    created_at: new Date("2026-11-02T03:00:00Z"),
    ...over,
  }) as Part

describe("cashlessReason", () => {
  const cases: [Partial<Part>, string][] = [
    [{ payment_method: "vietqr" }, "vietqr_paid"],
    [{ payment_method: "card" }, "card_paid"],
    [{ payment_method: "cod" }, "cash_on_delivery"],
    [{ payment_method: "other" }, "other_method"],
    [{ payment_method: "vietqr", payment_status: "awaiting" }, "awaiting_payment"],
    [{ payment_method: "card", payment_status: "canceled" }, "payment_canceled"],
    [{ payment_method: "card", payment_status: "refunded" }, "payment_refunded"],
    [{ payment_method: "card", status: "canceled" }, "order_canceled"],
    [{ payment_method: "vietqr", deleted_at: new Date() }, "order_canceled"],
  ]

  it("says why each order part counts as cashless or not, as CASHLESS counts it", () => {
    for (const [over, reason] of cases) {
      const p = part(over)
      expect(cashlessReason(p)).toBe(reason)
      const cashless = orderPartFacts([p], new Map()).find((f) => f.code === "CASHLESS")!
      expect(cashless.numerator).toBe(CASHLESS_REASONS.includes(cashlessReason(p)) ? 1 : 0)
      const paid = ["vietqr_paid", "card_paid", "cash_on_delivery", "other_method"]
      expect(cashless.denominator).toBe(paid.includes(reason) ? 1 : 0)
    }
  })
})
