import { describe, expect, it } from "vitest"
import type { Product, ProductVariant } from "./medusa/types"
import { jsonLdScript, productJsonLd } from "./structured-data"

function variant(overrides: Partial<ProductVariant> = {}): ProductVariant {
  return {
    id: "v1",
    title: "túi 5 kg",
    sku: "GAO-5KG",
    price: { amount: 185000, currencyCode: "vnd" },
    inStock: true,
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

describe("productJsonLd", () => {
  it("describes the product with its seller as brand and one offer in dong", () => {
    expect(productJsonLd(product())).toEqual({
      "@context": "https://schema.org",
      "@type": "Product",
      name: "Gạo Séng Cù Gia Phú (túi 5 kg)",
      description: "Gạo đặc sản",
      image: ["http://b/static/gao.svg"],
      sku: "GAO-5KG",
      brand: { "@type": "Brand", name: "HTX Nông nghiệp Gia Phú" },
      offers: {
        "@type": "Offer",
        sku: "GAO-5KG",
        price: 185000,
        priceCurrency: "VND",
        availability: "https://schema.org/InStock",
        seller: { "@type": "Organization", name: "HTX Nông nghiệp Gia Phú" },
      },
    })
  })

  it("lists one named offer per priced variant, out of stock ones as such", () => {
    const data = productJsonLd(
      product({
        variants: [
          variant({ id: "a", title: "túi 2 kg", sku: "A", inStock: false }),
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
  })

  it("leaves out what the product does not have", () => {
    const data = productJsonLd(
      product({
        description: null,
        images: [],
        seller: null,
        variants: [variant({ price: null, sku: null })],
      }),
    )
    expect(Object.keys(data).sort()).toEqual(["@context", "@type", "name"])
  })
})

describe("jsonLdScript", () => {
  it("cannot close its script element early", () => {
    const text = jsonLdScript({ name: "</script><script>alert(1)</script>" })
    expect(text).not.toContain("<")
    expect(JSON.parse(text)).toEqual({ name: "</script><script>alert(1)</script>" })
  })
})
