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
    expect(hostileMessage({ field: "lot_code", reason: "nul" })).toBe(
      'The field "lot_code" contains an invalid character (NUL)',
    )
  })
})

describe("findHostileUrl", () => {
  it("checks each path segment and query parameter after decoding", () => {
    expect(findHostileUrl("/products/prod_1/provenance?lang=vi")).toBeNull()
    expect(findHostileUrl("/products/x%00y/provenance")).toEqual({ field: "url", reason: "nul" })
    expect(findHostileUrl("/s/%ED%A0%80")).toEqual({ field: "url", reason: "encoding" })
    expect(findHostileUrl("/batches?limit=-5")).toEqual({ field: "limit", reason: "pagination" })
    expect(findHostileUrl("/stats?from=%00")).toEqual({ field: "from", reason: "nul" })
  })
})
