import type { ShippingRates } from "../medusa/shipping-rates"
import type { Product, ProductVariant } from "../medusa/types"

// Products for the feed builders' tests: a title that needs escaping in every format
// (& < > " ' , and Vietnamese letters) and a description across lines.

export const TRICKY_TITLE = `Gạo "Séng Cù" & <nếp> 'Gia Phú', túi 5 kg`
export const TRICKY_DESCRIPTION = 'Hạt dài, dẻo; thơm\nVụ mùa 2026, "OCOP" 4★'

export function variant(overrides: Partial<ProductVariant> = {}): ProductVariant {
  return {
    id: "variant_rice",
    title: "túi 5 kg",
    sku: "GAO-5KG",
    price: { amount: 185000, currencyCode: "vnd" },
    inStock: true,
    gtin: null,
    weightGrams: 5000,
    ...overrides,
  }
}

export function product(overrides: Partial<Product> = {}): Product {
  return {
    id: "prod_rice",
    handle: "gao-seng-cu",
    title: TRICKY_TITLE,
    description: TRICKY_DESCRIPTION,
    en: { title: null, description: null },
    thumbnail: "http://b/static/gao.svg",
    images: [
      { url: "http://b/static/gao.svg", alt: "" },
      { url: "http://b/static/gao-2.svg", alt: "" },
    ],
    variants: [variant()],
    price: { amount: 185000, currencyCode: "vnd" },
    inStock: true,
    seller: {
      id: "s1",
      handle: "htx-gia-phu",
      name: "HTX Nông nghiệp Gia Phú",
      communeCode: "02923",
    },
    ocop: null,
    categories: [],
    ...overrides,
  }
}

/** The rice (one variant), honey in two sizes (one out of stock, one with a GTIN), an unpriced tea. */
export function catalogue(): Product[] {
  return [
    product(),
    product({
      id: "prod_honey",
      handle: "mat-ong",
      title: "Mật ong rừng",
      description: null,
      images: [],
      thumbnail: null,
      seller: {
        id: "s2",
        handle: "hkd-lan",
        name: "Hộ kinh doanh Nguyễn Thị Lan",
        communeCode: "02923",
      },
      variants: [
        variant({
          id: "honey_250",
          title: "chai 250 ml",
          sku: null,
          price: { amount: 90000, currencyCode: "vnd" },
          inStock: false,
          weightGrams: null,
        }),
        variant({
          id: "honey_500",
          title: "chai 500 ml",
          sku: "MO-500",
          price: { amount: 160000, currencyCode: "vnd" },
          gtin: "8938505974194",
          weightGrams: 800,
        }),
      ],
    }),
    product({
      id: "prod_tea",
      handle: "che",
      title: "Chè",
      variants: [variant({ id: "tea", sku: "CHE", price: null })],
    }),
  ]
}

/** The backend's tariff as GET /store/shipping-rates gives it; seller s2 has its own bands. */
export const TEST_RATES: ShippingRates = {
  communeDelivery: 15000,
  weightBands: [
    { upToGrams: 1000, amount: 25000 },
    { upToGrams: 3000, amount: 35000 },
    { upToGrams: 5000, amount: 45000 },
    { upToGrams: 10000, amount: 70000 },
  ],
  extraPer5kg: 20000,
  sellerBands: { s2: [{ upToGrams: 2000, amount: 19000 }] },
}
