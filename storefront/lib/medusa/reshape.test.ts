import type { HttpTypes } from "@medusajs/types"
import { describe, expect, it } from "vitest"
import { type ApiProduct, reshapeCategory, reshapeProduct, reshapeRegion } from "./reshape"

function variant(
  id: string,
  amount: number | null,
  stock: Partial<HttpTypes.StoreProductVariant> = {},
): HttpTypes.StoreProductVariant {
  return {
    id,
    title: `Variant ${id}`,
    sku: `SKU-${id}`,
    calculated_price: { id: `price_${id}`, calculated_amount: amount, currency_code: "vnd" },
    ...stock,
  } as HttpTypes.StoreProductVariant
}

function product(overrides: Partial<ApiProduct> = {}): ApiProduct {
  return {
    id: "prod_1",
    handle: "gao-seng-cu-gia-phu-5kg",
    title: "Gạo Séng Cù Gia Phú (túi 5 kg)",
    description: "Gạo đặc sản",
    thumbnail: "http://localhost:9000/static/gao.svg",
    images: [{ id: "img_1", url: "http://localhost:9000/static/gao.svg" }],
    variants: [variant("v1", 185000)],
    ...overrides,
  } as ApiProduct
}

describe("reshapeProduct", () => {
  it("maps Medusa's product to the storefront's shape", () => {
    expect(reshapeProduct(product())).toEqual({
      id: "prod_1",
      handle: "gao-seng-cu-gia-phu-5kg",
      title: "Gạo Séng Cù Gia Phú (túi 5 kg)",
      description: "Gạo đặc sản",
      en: { title: null, description: null },
      thumbnail: "http://localhost:9000/static/gao.svg",
      images: [
        { url: "http://localhost:9000/static/gao.svg", alt: "Gạo Séng Cù Gia Phú (túi 5 kg)" },
      ],
      variants: [
        {
          id: "v1",
          title: "Variant v1",
          sku: "SKU-v1",
          price: { amount: 185000, currencyCode: "vnd" },
          inStock: true,
          gtin: null,
          weightGrams: null,
        },
      ],
      price: { amount: 185000, currencyCode: "vnd" },
      inStock: true,
      seller: null,
      ocop: null,
      categories: [],
      updatedAt: null,
    })
  })

  it("reads the seller's English texts from metadata.i18n.en, ignoring blank or malformed ones", () => {
    const english = reshapeProduct(
      product({
        metadata: {
          seller_handle: "htx",
          i18n: { en: { title: "Séng Cù rice (5 kg bag)", description: "  " } },
        },
      }),
    )
    expect(english.en).toEqual({ title: "Séng Cù rice (5 kg bag)", description: null })
    expect(english.title).toBe("Gạo Séng Cù Gia Phú (túi 5 kg)")
    const malformed = reshapeProduct(product({ metadata: { i18n: { en: { title: 42 } } } }))
    expect(malformed.en).toEqual({ title: null, description: null })
  })

  it("reads a barcode as a GTIN only when it is one (check digit too), the weight, the last change", () => {
    const reshaped = reshapeProduct(
      product({
        weight: 5000,
        updated_at: "2026-12-01T03:00:00.000Z",
        variants: [
          variant("a", 1, { ean: "8938505974194" }),
          variant("b", 1, { ean: "", upc: "036000291452", weight: 2000 }),
          variant("c", 1, { barcode: "GAO 5KG", ean: "8938505974193" }),
        ],
      } as Partial<ApiProduct>),
    )
    expect(reshaped.variants.map((v) => [v.gtin, v.weightGrams])).toEqual([
      ["8938505974194", 5000],
      ["036000291452", 2000],
      [null, 5000],
    ])
    expect(reshaped.updatedAt).toEqual(new Date("2026-12-01T03:00:00.000Z"))
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

describe("reshapeProduct's stock", () => {
  const tracked = { manage_inventory: true, allow_backorder: false }

  it("is out of stock only when a tracked variant without backorders has none", () => {
    const empty = reshapeProduct(
      product({ variants: [variant("a", 1, { ...tracked, inventory_quantity: 0 })] }),
    )
    expect(empty.variants[0].inStock).toBe(false)
    expect(empty.inStock).toBe(false)
    const some = variant("b", 1, { ...tracked, inventory_quantity: 3 })
    const untracked = variant("c", 1, { manage_inventory: false, inventory_quantity: 0 })
    const backorder = variant("d", 1, { ...tracked, allow_backorder: true, inventory_quantity: 0 })
    const mixed = reshapeProduct(
      product({
        variants: [
          variant("a", 1, { ...tracked, inventory_quantity: 0 }),
          some,
          untracked,
          backorder,
        ],
      }),
    )
    expect(mixed.variants.map((v) => v.inStock)).toEqual([false, true, true, true])
    expect(mixed.inStock).toBe(true)
  })

  it("has no stock without variants", () => {
    expect(reshapeProduct(product({ variants: [] })).inStock).toBe(false)
  })
})

describe("reshapeProduct's links", () => {
  it("keeps the seller's public name and commune, the OCOP badge and the categories", () => {
    const reshaped = reshapeProduct(
      product({
        seller: {
          id: "sel_1",
          handle: "htx-nong-nghiep-gia-phu",
          name: "HTX Nông nghiệp Gia Phú",
          commune_code: "02923",
        },
        ocop_entry: {
          stars: 3,
          certificate_number: "OCOP-GP-2024-01",
          expires_on: "2027-10-14T17:00:00.000Z",
        },
        categories: [
          { id: "pcat_1", handle: "gao", name: "Gạo", metadata: { name_en: "Rice" } },
        ] as unknown as HttpTypes.StoreProductCategory[],
      }),
    )
    expect(reshaped.seller).toEqual({
      id: "sel_1",
      handle: "htx-nong-nghiep-gia-phu",
      name: "HTX Nông nghiệp Gia Phú",
      communeCode: "02923",
    })
    expect(reshaped.ocop).toEqual({
      stars: 3,
      certificateNumber: "OCOP-GP-2024-01",
      expiresOn: new Date("2027-10-14T17:00:00.000Z"),
    })
    expect(reshaped.categories).toEqual([
      { id: "pcat_1", handle: "gao", name: { vi: "Gạo", en: "Rice" } },
    ])
  })

  it("drops a badge without stars and an unreadable expiry", () => {
    expect(reshapeProduct(product({ ocop_entry: null })).ocop).toBeNull()
    const odd = reshapeProduct(
      product({ ocop_entry: { stars: 4, certificate_number: "", expires_on: "soon" } }),
    )
    expect(odd.ocop).toEqual({ stars: 4, certificateNumber: null, expiresOn: null })
  })
})

describe("reshapeCategory", () => {
  it("falls back to the Vietnamese name when there is no English one", () => {
    const category = { id: "c", handle: "gao", name: "Gạo", metadata: null }
    expect(reshapeCategory(category as HttpTypes.StoreProductCategory).name).toEqual({
      vi: "Gạo",
      en: "Gạo",
    })
  })
})

describe("reshapeRegion", () => {
  it("keeps the id and name and lower-cases the currency", () => {
    const region = { id: "reg_1", name: "Việt Nam", currency_code: "VND" } as HttpTypes.StoreRegion
    expect(reshapeRegion(region)).toEqual({ id: "reg_1", name: "Việt Nam", currencyCode: "vnd" })
  })
})
