import { describe, expect, it } from "vitest"
import {
  findHostileUrl,
  findHostileValue,
  hostileMessage,
  MAX_JSON_DEPTH,
} from "./hostile-input.js"

const nest = (levels: number): unknown => {
  let value: unknown = "đáy"
  for (let i = 0; i < levels; i++) value = { a: value }
  return value
}

describe("findHostileValue", () => {
  it("lets ordinary Vietnamese text, emoji and numbers through", () => {
    expect(
      findHostileValue({
        name: "Gạo Séng Cù 🌾",
        items: [{ quantity: 2, price: 185000 }],
        metadata: nest(MAX_JSON_DEPTH - 2),
      }),
    ).toBeNull()
    expect(findHostileValue(undefined)).toBeNull()
  })

  it("names the field holding a NUL, a lone surrogate, a huge number or too deep a nesting", () => {
    expect(findHostileValue({ seller: { name: "HTX\u0000" } })).toEqual({
      field: "seller.name",
      reason: "nul",
    })
    expect(findHostileValue({ items: [{ title: "ok" }, { title: "\uD800x" }] })).toEqual({
      field: "items.1.title",
      reason: "surrogate",
    })
    expect(findHostileValue({ note: "\uDC00" })).toMatchObject({ reason: "surrogate" })
    expect(findHostileValue({ "k\u0000": 1 })).toMatchObject({ reason: "nul" })
    expect(findHostileValue({ quantity: 1e300 })).toEqual({ field: "quantity", reason: "number" })
    expect(findHostileValue({ quantity: Number.POSITIVE_INFINITY })).toMatchObject({
      reason: "number",
    })
    expect(findHostileValue({ metadata: nest(2000) })).toEqual({
      field: "metadata.a.a.a.a.a…",
      reason: "depth",
    })
  })
})

describe("findHostileUrl", () => {
  it("checks each path segment and query parameter after decoding", () => {
    expect(findHostileUrl("/store/products?q=g%E1%BA%A1o&limit=12")).toBeNull()
    expect(findHostileUrl("/products/x%00y/provenance")).toEqual({ field: "url", reason: "nul" })
    expect(findHostileUrl("/store/products?q=%00")).toEqual({ field: "q", reason: "nul" })
    expect(findHostileUrl("/store/products?q=%ED%A0%80")).toEqual({
      field: "q",
      reason: "encoding",
    })
    expect(findHostileUrl("/store/carts/%E0%A4%A")).toEqual({ field: "url", reason: "encoding" })
    expect(findHostileUrl("/a?%00=1")).toEqual({ field: "query", reason: "nul" })
  })

  it("takes only whole, non-negative page sizes and offsets", () => {
    expect(findHostileUrl("/store/products?limit=12&offset=0")).toBeNull()
    expect(findHostileUrl("/store/products?limit=-1")).toEqual({
      field: "limit",
      reason: "pagination",
    })
    expect(findHostileUrl("/store/products?offset=1.5")).toEqual({
      field: "offset",
      reason: "pagination",
    })
  })
})

describe("findHostileValue (traceability bodies)", () => {
  it("lets ordinary Vietnamese text, emoji and numbers through", () => {
    expect(
      findHostileValue({
        lot_code: "GP-2026-01 🌾",
        quantity: 1200,
        data: nest(MAX_JSON_DEPTH - 2),
      }),
    ).toBeNull()
    expect(findHostileValue(undefined)).toBeNull()
  })

  it("names the field holding a NUL, a lone surrogate, a huge number or too deep a nesting", () => {
    expect(findHostileValue({ place: { village: "Phú\u0000Xuân" } })).toEqual({
      field: "place.village",
      reason: "nul",
    })
    expect(findHostileValue({ photos: ["ok", "\uD800"] })).toEqual({
      field: "photos.1",
      reason: "surrogate",
    })
    expect(findHostileValue({ quantity: 1e300 })).toEqual({ field: "quantity", reason: "number" })
    expect(findHostileValue({ data: nest(2000) })).toMatchObject({ reason: "depth" })
    expect(hostileMessage({ field: "lot_code", reason: "nul" })).toEqual({
      vi: 'Trường "lot_code" chứa ký tự không hợp lệ (NUL)',
      en: 'The field "lot_code" contains an invalid character (NUL)',
    })
  })
})

describe("findHostileUrl (traceability URLs)", () => {
  it("checks each path segment and query parameter after decoding", () => {
    expect(findHostileUrl("/products/prod_1/provenance?lang=vi")).toBeNull()
    expect(findHostileUrl("/products/x%00y/provenance")).toEqual({ field: "url", reason: "nul" })
    expect(findHostileUrl("/s/%ED%A0%80")).toEqual({ field: "url", reason: "encoding" })
    expect(findHostileUrl("/batches?limit=-5")).toEqual({ field: "limit", reason: "pagination" })
    expect(findHostileUrl("/stats?from=%00")).toEqual({ field: "from", reason: "nul" })
  })
})

describe("findHostileUrl's shortcut", () => {
  it("passes a clean stamp URI without decoding, and still checks one with escapes", () => {
    expect(findHostileUrl("/01/08938505974016/21/GP2026000001")).toBeNull()
    expect(findHostileUrl("/01/08938505974016/21/GP2026%00")).toEqual({
      field: "url",
      reason: "nul",
    })
    expect(findHostileUrl("/01/0893850597\u0000")).toEqual({ field: "url", reason: "nul" })
  })
})
