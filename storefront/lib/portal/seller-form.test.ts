import { describe, expect, it } from "vitest"
import { failureState, humanise, parseWhole, readText } from "./seller-form"
import { buyerLines, orderActions, type SellerOrder } from "./seller-orders"
import { productState, type SellerProduct } from "./seller-products"
import { actionKey } from "./seller-team"

const texts = { unavailable: "down", signInAgain: "again", failed: "failed" }

describe("parseWhole", () => {
  it("reads dong the way people type them", () => {
    expect(parseWhole("185000")).toBe(185000)
    expect(parseWhole("185.000")).toBe(185000)
    expect(parseWhole(" 185 000 đ ")).toBe(185000)
    expect(parseWhole("185.000₫")).toBe(185000)
    expect(parseWhole("0")).toBe(0)
  })

  it("refuses what is not a whole number", () => {
    for (const text of ["", "abc", "-5", "12a", "1e5", "185000,5x"]) {
      expect(parseWhole(text), text).toBeNull()
    }
  })
})

describe("humanise", () => {
  it("drops the field path before the backend's own message", () => {
    expect(
      humanise('"variants.0.price": Giá phải là số đồng nguyên', "variants.0.price", "Giá"),
    ).toBe("Giá phải là số đồng nguyên")
  })

  it("names the field by its label in a generic message", () => {
    expect(humanise('"seller.name" phải có ít nhất 2 ký tự', "seller.name", "Tên")).toBe(
      '"Tên" phải có ít nhất 2 ký tự',
    )
    expect(humanise("Email đã có", "email")).toBe("Email đã có")
  })
})

describe("failureState", () => {
  const fields = { "seller.phone": { name: "phone", label: "Số điện thoại" } }
  const values = { phone: "12" }

  it("puts a field's message beside it and keeps what was typed", () => {
    const state = failureState(
      { status: 400, message: '"seller.phone": Số điện thoại không hợp lệ', field: "seller.phone" },
      values,
      fields,
      texts,
    )
    expect(state).toEqual({
      values,
      errors: { phone: "Số điện thoại không hợp lệ" },
      formError: null,
    })
  })

  it("says the server is down for status 0 and 5xx, and asks to sign in again for 401", () => {
    expect(
      failureState({ status: 0, message: "", field: null }, values, fields, texts).formError,
    ).toBe("down")
    expect(
      failureState({ status: 503, message: "x", field: null }, values, fields, texts).formError,
    ).toBe("down")
    expect(
      failureState({ status: 401, message: "", field: null }, values, fields, texts).formError,
    ).toBe("again")
  })

  it("shows other refusals as the form's message, or a generic one", () => {
    expect(
      failureState({ status: 409, message: "Đã có", field: "x" }, values, fields, texts),
    ).toEqual({
      values,
      errors: {},
      formError: "Đã có",
    })
    expect(
      failureState({ status: 403, message: "", field: null }, values, fields, texts).formError,
    ).toBe("failed")
  })
})

describe("readText", () => {
  it("trims and fills missing fields with empty text", () => {
    const form = new FormData()
    form.set("name", "  HTX  ")
    expect(readText(form, ["name", "phone"])).toEqual({ name: "HTX", phone: "" })
  })
})

describe("seller orders and products", () => {
  const order = {
    status: "placed",
    payment: { method: "vietqr", status: "awaiting", captured_at: null },
    shipping_address: {
      first_name: "Nguyễn",
      last_name: "An",
      address_1: "Thôn 1",
      city: "Xã Gia Phú",
      province: null,
      phone: " 0912 ",
    },
  } as unknown as SellerOrder

  it("offers the actions the part's state allows", () => {
    expect(orderActions(order)).toEqual({
      confirmPayment: true,
      weigh: false,
      acceptWeight: false,
      ship: true,
      deliver: false,
      cancel: true,
    })
    const shipped = {
      ...order,
      status: "shipped",
      payment: { ...order.payment, status: "captured" },
    } as SellerOrder
    expect(orderActions(shipped)).toEqual({
      confirmPayment: false,
      weigh: false,
      acceptWeight: false,
      ship: false,
      deliver: true,
      cancel: false,
    })
    const cod = { ...order, payment: { ...order.payment, method: "cod" } } as SellerOrder
    expect(orderActions(cod).confirmPayment).toBe(false)
  })

  it("writes the buyer's name and address without empty parts", () => {
    expect(buyerLines(order)).toEqual({
      name: "Nguyễn An",
      address: "Thôn 1, Xã Gia Phú",
      phone: "0912",
    })
    expect(buyerLines({ ...order, shipping_address: null })).toEqual({
      name: "",
      address: "",
      phone: "",
    })
  })

  it("tells a draft, a product on sale and one waiting for the commune apart", () => {
    const product = { status: "draft", in_store: false } as SellerProduct
    expect(productState(product)).toBe("draft")
    expect(productState({ ...product, status: "published" })).toBe("waitingApproval")
    expect(productState({ ...product, status: "published", in_store: true })).toBe("onSale")
  })

  it("names known audit actions by a message key", () => {
    expect(actionKey("product.update_variant")).toBe("product_update_variant")
    expect(actionKey("something.else")).toBeNull()
  })
})
