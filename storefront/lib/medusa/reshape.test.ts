import type { HttpTypes } from "@medusajs/types"
import { describe, expect, it } from "vitest"
import { reshapeProduct, reshapeRegion } from "./reshape"

function variant(id: string, amount: number | null): HttpTypes.StoreProductVariant {
  return {
    id,
    title: `Variant ${id}`,
    calculated_price: { id: `price_${id}`, calculated_amount: amount, currency_code: "vnd" },
  } as HttpTypes.StoreProductVariant
}

function product(overrides: Partial<HttpTypes.StoreProduct> = {}): HttpTypes.StoreProduct {
  return {
    id: "prod_1",
    handle: "gao-seng-cu-gia-phu-5kg",
    title: "Gạo Séng Cù Gia Phú (túi 5 kg)",
    description: "Gạo đặc sản",
    thumbnail: "http://localhost:9000/static/gao.svg",
    images: [{ id: "img_1", url: "http://localhost:9000/static/gao.svg" }],
    variants: [variant("v1", 185000)],
    ...overrides,
  } as HttpTypes.StoreProduct
}

describe("reshapeProduct", () => {
  it("maps Medusa's product to the storefront's shape", () => {
    expect(reshapeProduct(product())).toEqual({
      id: "prod_1",
      handle: "gao-seng-cu-gia-phu-5kg",
      title: "Gạo Séng Cù Gia Phú (túi 5 kg)",
      description: "Gạo đặc sản",
      thumbnail: "http://localhost:9000/static/gao.svg",
      images: [
        { url: "http://localhost:9000/static/gao.svg", alt: "Gạo Séng Cù Gia Phú (túi 5 kg)" },
      ],
      variants: [{ id: "v1", title: "Variant v1", price: { amount: 185000, currencyCode: "vnd" } }],
      price: { amount: 185000, currencyCode: "vnd" },
    })
  })

  it("prices the product at its cheapest variant and skips variants without a price", () => {
    const reshaped = reshapeProduct(
      product({ variants: [variant("a", 320000), variant("b", null), variant("c", 185000)] }),
    )
    expect(reshaped.price).toEqual({ amount: 185000, currencyCode: "vnd" })
    expect(reshaped.variants[1].price).toBeNull()
  })

  it("has no price when no variant is priced in the region", () => {
    expect(reshapeProduct(product({ variants: [variant("a", null)] })).price).toBeNull()
    expect(reshapeProduct(product({ variants: null })).price).toBeNull()
  })

  it("falls back to the thumbnail when there are no images, and to null without either", () => {
    const onlyThumbnail = reshapeProduct(product({ images: null }))
    expect(onlyThumbnail.images).toEqual([
      { url: "http://localhost:9000/static/gao.svg", alt: "Gạo Séng Cù Gia Phú (túi 5 kg)" },
    ])
    const bare = reshapeProduct(product({ images: [], thumbnail: null, description: "" }))
    expect(bare.images).toEqual([])
    expect(bare.thumbnail).toBeNull()
    expect(bare.description).toBeNull()
  })
})

describe("reshapeRegion", () => {
  it("keeps the id and name and lower-cases the currency", () => {
    const region = { id: "reg_1", name: "Việt Nam", currency_code: "VND" } as HttpTypes.StoreRegion
    expect(reshapeRegion(region)).toEqual({ id: "reg_1", name: "Việt Nam", currencyCode: "vnd" })
  })
})
