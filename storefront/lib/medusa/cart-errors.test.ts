import { FetchError } from "@medusajs/js-sdk"
import { describe, expect, it } from "vitest"
import { classifyCartError } from "./cart-errors"

const refused = (message: string) => Object.assign(new Error(message), { status: 400 })

describe("classifyCartError", () => {
  it("recognises Medusa's English cart errors, thrown or answered in a refused completion", () => {
    expect(
      classifyCartError(
        new FetchError("Some variant does not have the required inventory", "Bad Request", 400),
      ),
    ).toBe("out_of_stock")
    expect(classifyCartError(refused("Payment authorization failed"))).toBe("payment_failed")
    expect(
      classifyCartError(
        refused("No shipping method selected but the cart contains items that require shipping"),
      ),
    ).toBe("shipping_missing")
    expect(classifyCartError(refused("Shipping option is not valid for this address"))).toBe(
      "shipping_refused",
    )
    expect(classifyCartError(new FetchError("Cart not found", "Not Found", 404))).toBe("cart_gone")
    expect(classifyCartError(refused("Something else"))).toBe("invalid")
  })

  it("recognises the refusal of produce sold by weight whose tolerance was not accepted", () => {
    // The product's own name can hold words the other rules look for ("shipping", "stock").
    expect(
      classifyCartError(
        refused(
          'Vui lòng đồng ý rằng số tiền của "Gà stock shipping" có thể thay đổi tối đa ±10% sau khi cân',
        ),
      ),
    ).toBe("weight_not_accepted")
    expect(
      classifyCartError(
        new FetchError(
          'Please accept that the amount for "Gà" may change by up to ±10% after weighing',
          "Bad Request",
          400,
        ),
      ),
    ).toBe("weight_not_accepted")
  })

  it("recognises cash on delivery refused for a pre-order that asks a deposit", () => {
    // The payment session's 409, in the buyer's language, and the split's own (both languages).
    expect(
      classifyCartError(
        new FetchError(
          "Đợt đặt trước này cần đặt cọc: hãy trả bằng VietQR hoặc thẻ",
          "Conflict",
          409,
        ),
      ),
    ).toBe("deposit_required")
    expect(
      classifyCartError(
        refused(
          "Đợt đặt trước này cần đặt cọc: hãy trả bằng VietQR hoặc thẻ / This pre-order needs a deposit: please pay by VietQR or card",
        ),
      ),
    ).toBe("deposit_required")
  })

  it("calls anything that never reached the backend, or a 5xx, unavailable", () => {
    expect(classifyCartError(new TypeError("fetch failed"))).toBe("unavailable")
    expect(classifyCartError(new FetchError("boom", "Internal Server Error", 500))).toBe(
      "unavailable",
    )
    expect(classifyCartError("not an error")).toBe("unavailable")
  })
})
