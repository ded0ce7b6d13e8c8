import { describe, expect, it } from "vitest"
import { amountDue, orderActions, parseKg, type SellerOrder } from "./seller-orders"

const order = (over: Partial<SellerOrder>): SellerOrder => ({
  id: "opart_1",
  reference: "DH000001",
  part_order_id: "order_1",
  display_id: 1,
  status: "placed",
  amount: 570000,
  payment: { method: "vietqr", status: "awaiting", captured_at: null },
  shipped_at: null,
  delivered_at: null,
  canceled_at: null,
  items: [],
  shipping: null,
  shipping_address: null,
  ...over,
})

describe("weighing at packing in the seller portal", () => {
  it("reads kilograms as typed on a phone into whole grams", () => {
    expect(parseKg("1,85")).toBe(1850)
    expect(parseKg("3.8 kg")).toBe(3800)
    expect(parseKg("2")).toBe(2000)
    expect(parseKg("0")).toBeNull()
    expect(parseKg("-1")).toBeNull()
    expect(parseKg("1,2345")).toBeNull()
    expect(parseKg("abc")).toBeNull()
  })

  it("blocks shipping until weighed and agreed, and asks for the top-up after an early payment", () => {
    const weighing = (status: NonNullable<SellerOrder["weighing"]>["status"]) => ({
      status,
      estimated_amount: 540000,
      weighed_at: null,
      topup: null,
    })
    expect(orderActions(order({ weighing: weighing("required") }))).toMatchObject({
      weigh: true,
      ship: false,
    })
    expect(orderActions(order({ weighing: weighing("contact_buyer") }))).toMatchObject({
      acceptWeight: true,
      confirmPayment: false,
      ship: false,
    })
    expect(orderActions(order({ weighing: weighing("weighed") }))).toMatchObject({
      weigh: false,
      ship: true,
    })
    const paidEarly = order({
      payment: { method: "vietqr", status: "captured", captured_at: "2026-12-07T00:00:00Z" },
      weighing: { ...weighing("weighed"), topup: { amount: 30000, status: "awaiting" } },
    })
    expect(amountDue(paidEarly)).toBe(30000)
    expect(orderActions(paidEarly).confirmPayment).toBe(true)
    expect(amountDue(order({}))).toBe(570000)
  })

  it("asks a pre-order's deposit first, nothing until the harvest, then the rest", () => {
    const transfer = (due: number, due_for: "deposit" | "rest" | "none") =>
      order({ payment: { method: "vietqr", status: "awaiting", captured_at: null, due, due_for } })
    expect(amountDue(transfer(171000, "deposit"))).toBe(171000)
    expect(orderActions(transfer(171000, "deposit")).confirmPayment).toBe(true)
    // The deposit is in: the seller has nothing to confirm before the harvest.
    expect(amountDue(transfer(0, "none"))).toBe(0)
    expect(orderActions(transfer(0, "none")).confirmPayment).toBe(false)
    expect(amountDue(transfer(399000, "rest"))).toBe(399000)
    expect(orderActions(transfer(399000, "rest")).confirmPayment).toBe(true)
  })
})
