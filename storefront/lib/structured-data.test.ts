import { describe, expect, it } from "vitest"
import { TEST_RATES } from "./channels/test-products"
import type { Product, ProductVariant } from "./medusa/types"
import {
  dayAfter,
  type JsonLdContext,
  jsonLdScript,
  type ProductJsonLd,
  productJsonLd,
} from "./structured-data"

function variant(overrides: Partial<ProductVariant> = {}): ProductVariant {
  return {
    id: "v1",
    title: "túi 5 kg",
    sku: "GAO-5KG",
    price: { amount: 185000, currencyCode: "vnd" },
    inStock: true,
    gtin: null,
    weightGrams: 5000,
    ...overrides,
  }
}

function product(overrides: Partial<Product> = {}): Product {
  return {
    id: "prod_1",
    handle: "gao",
    title: "Gạo Séng Cù Gia Phú (túi 5 kg)",
    description: "Gạo đặc sản",
    en: { title: null, description: null },
    thumbnail: "http://b/static/gao.svg",
    images: [{ url: "http://b/static/gao.svg", alt: "" }],
    variants: [variant()],
    price: { amount: 185000, currencyCode: "vnd" },
    inStock: true,
    seller: { id: "s", handle: "htx", name: "HTX Nông nghiệp Gia Phú", communeCode: "02923" },
    ocop: null,
    categories: [],
    ...overrides,
  }
}

const CONTEXT: JsonLdContext = {
  origin: "https://cho.example",
  locale: "vi",
  now: new Date("2026-12-07T20:00:00Z"),
  shippingRates: TEST_RATES,
}

/** What a search engine reads: the page's script text, parsed. */
const parsed = (p: Product, context = CONTEXT) =>
  JSON.parse(jsonLdScript(productJsonLd(p, context))) as ProductJsonLd
const offersOf = (data: ProductJsonLd) => [data.offers ?? []].flat()

describe("productJsonLd", () => {
  it("has every property Google requires of a merchant listing, and the recommended ones", () => {
    const data = parsed(product())
    // Required (developers.google.com/search/docs/appearance/structured-data/merchant-listing).
    expect(data["@type"]).toBe("Product")
    expect(data.name).toBe("Gạo Séng Cù Gia Phú (túi 5 kg)")
    expect(data.image).toEqual(["http://b/static/gao.svg"])
    const [offer, ...rest] = offersOf(data)
    expect(rest).toEqual([])
    expect(offer).toMatchObject({ "@type": "Offer", price: 185000, priceCurrency: "VND" })
    // Recommended.
    expect(data.brand).toEqual({ "@type": "Brand", name: "HTX Nông nghiệp Gia Phú" })
    expect(data.description).toBe("Gạo đặc sản")
    expect(data.sku).toBe("GAO-5KG")
    expect(offer).toMatchObject({
      url: "https://cho.example/vi/products/gao",
      availability: "https://schema.org/InStock",
      itemCondition: "https://schema.org/NewCondition",
      // 30 days after 8 December in Vietnam (20:00 UTC on the 7th is 03:00 on the 8th there).
      priceValidUntil: "2027-01-07",
      seller: {
        "@type": "Organization",
        name: "HTX Nông nghiệp Gia Phú",
        url: "https://cho.example/vi/sellers/htx",
      },
      hasMerchantReturnPolicy: {
        "@type": "MerchantReturnPolicy",
        applicableCountry: "VN",
        returnPolicyCategory: "https://schema.org/MerchantReturnNotPermitted",
      },
    })
    // A 5 kg bag goes anywhere in Việt Nam for the ≤5 kg band's price.
    expect(offer?.shippingDetails).toEqual([
      {
        "@type": "OfferShippingDetails",
        shippingLabel: "Giao ngoài xã (theo cân nặng)",
        shippingRate: { "@type": "MonetaryAmount", value: 45000, currency: "VND" },
        shippingDestination: { "@type": "DefinedRegion", addressCountry: "VN" },
      },
    ])
    expect(data).not.toHaveProperty("gtin")
  })

  it("gives the GTIN where the seller entered one, and the English page's URLs on /en", () => {
    const data = parsed(product({ variants: [variant({ gtin: "8938505974194" })] }), {
      ...CONTEXT,
      locale: "en",
    })
    expect(data.gtin).toBe("8938505974194")
    const [offer] = offersOf(data)
    expect(offer).toMatchObject({
      gtin: "8938505974194",
      url: "https://cho.example/en/products/gao",
      seller: { url: "https://cho.example/en/sellers/htx" },
      shippingDetails: [
        expect.objectContaining({ shippingLabel: "Delivery elsewhere (by weight)" }),
      ],
    })
  })

  it("names and describes the product in English on /en when the seller wrote it, in Vietnamese otherwise", () => {
    const en: JsonLdContext = { ...CONTEXT, locale: "en" }
    const translated = product({ en: { title: "Séng Cù rice (5 kg bag)", description: null } })
    expect(parsed(translated, en)).toMatchObject({
      name: "Séng Cù rice (5 kg bag)",
      description: "Gạo đặc sản",
    })
    expect(parsed(translated)).toMatchObject({ name: "Gạo Séng Cù Gia Phú (túi 5 kg)" })
    expect(parsed(product(), en).name).toBe("Gạo Séng Cù Gia Phú (túi 5 kg)")
  })

  it("lists one named offer per priced variant, out of stock ones as such", () => {
    const data = parsed(
      product({
        variants: [
          variant({ id: "a", title: "túi 2 kg", sku: "A", inStock: false, weightGrams: 2000 }),
          variant({ id: "b", title: "túi 5 kg", sku: "B" }),
          variant({ id: "c", title: "bao 25 kg", sku: "C", price: null }),
        ],
      }),
    )
    expect(data.sku).toBe("A")
    expect(data.offers).toEqual([
      expect.objectContaining({ name: "túi 2 kg", availability: "https://schema.org/OutOfStock" }),
      expect.objectContaining({ name: "túi 5 kg", availability: "https://schema.org/InStock" }),
    ])
    expect(offersOf(data).map((o) => o.shippingDetails?.[0]?.shippingRate.value)).toEqual([
      35000, 45000,
    ])
  })

  it("states no shipping price for a product without a weight, or without the tariff", () => {
    const [offer] = offersOf(parsed(product({ variants: [variant({ weightGrams: null })] })))
    expect(offer).not.toHaveProperty("shippingDetails")
    const [untold] = offersOf(parsed(product(), { ...CONTEXT, shippingRates: null }))
    expect(untold).not.toHaveProperty("shippingDetails")
  })

  it("prices delivery with the seller's own weight bands when it has them", () => {
    const seller = { id: "s2", handle: "hkd-lan", name: "Hộ Lan", communeCode: "02923" }
    const [own] = offersOf(parsed(product({ seller, variants: [variant({ weightGrams: 1500 })] })))
    expect(own?.shippingDetails?.[0]?.shippingRate.value).toBe(19000)
    // Past its last band the extra per started 5 kg applies: 2 kg + 2 × 20.000 for 12 kg.
    const [heavy] = offersOf(
      parsed(product({ seller, variants: [variant({ weightGrams: 12000 })] })),
    )
    expect(heavy?.shippingDetails?.[0]?.shippingRate.value).toBe(19000 + 2 * 20000)
  })

  it("leaves out what the product does not have", () => {
    const data = productJsonLd(
      product({
        description: null,
        images: [],
        seller: null,
        variants: [variant({ price: null, sku: null })],
      }),
      CONTEXT,
    )
    expect(Object.keys(data).sort()).toEqual(["@context", "@type", "name", "url"])
  })
})

describe("dayAfter", () => {
  it("counts days in Vietnam's calendar", () => {
    expect(dayAfter(new Date("2026-12-31T16:59:59Z"), 0)).toBe("2026-12-31")
    expect(dayAfter(new Date("2026-12-31T17:00:00Z"), 0)).toBe("2027-01-01")
  })
})

describe("jsonLdScript", () => {
  it("cannot close its script element early", () => {
    const text = jsonLdScript({ name: "</script><script>alert(1)</script>" })
    expect(text).not.toContain("<")
    expect(JSON.parse(text)).toEqual({ name: "</script><script>alert(1)</script>" })
  })
})
