import { findHostileUrl, findHostileValue, MAX_JSON_DEPTH } from "../hostile-input"

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
