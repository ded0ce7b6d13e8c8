import type { HttpTypes } from "@medusajs/types"
import type {
  Category,
  Money,
  OcopBadge,
  Product,
  ProductImage,
  ProductSeller,
  ProductVariant,
  Region,
} from "./types"

/** The product as our backend answers it: Medusa's, plus the seller and OCOP entry links. */
export type ApiProduct = HttpTypes.StoreProduct & {
  seller?: {
    id: string
    handle: string
    name: string
    commune_code?: string | null
  } | null
  ocop_entry?: {
    stars: number
    certificate_number?: string | null
    expires_on?: string | null
  } | null
}

export function reshapeRegion(region: HttpTypes.StoreRegion): Region {
  return { id: region.id, name: region.name, currencyCode: region.currency_code.toLowerCase() }
}

function reshapeMoney(price: HttpTypes.StoreCalculatedPrice | undefined | null): Money | null {
  const amount = price?.calculated_amount
  if (typeof amount !== "number" || !price?.currency_code) return null
  return { amount, currencyCode: price.currency_code.toLowerCase() }
}

/**
 * Orderable when Medusa does not track its stock, allows backorders, or has some. A variant read
 * without its inventory fields counts as in stock: the cart checks stock again when adding.
 */
function variantInStock(variant: HttpTypes.StoreProductVariant): boolean {
  if (variant.manage_inventory === false || variant.allow_backorder === true) return true
  const quantity = variant.inventory_quantity
  return typeof quantity !== "number" || quantity > 0
}

/** GS1's check digit: the last digit makes the weighted sum (3, 1, 3, … from the right) end in 0. */
function hasGtinCheckDigit(digits: string): boolean {
  let sum = 0
  for (let i = digits.length - 2, weight = 3; i >= 0; i--, weight = 4 - weight) {
    sum += Number(digits[i]) * weight
  }
  return (10 - (sum % 10)) % 10 === Number(digits[digits.length - 1])
}

/** A GTIN is 8, 12, 13 or 14 digits with GS1's check digit; anything else typed is not one. */
export function toGtin(...codes: (string | null | undefined)[]): string | null {
  for (const code of codes) {
    const digits = code?.trim()
    if (digits && /^(\d{8}|\d{12,14})$/.test(digits) && hasGtinCheckDigit(digits)) return digits
  }
  return null
}

function grams(...weights: (number | string | null | undefined)[]): number | null {
  for (const weight of weights) {
    const value = Number(weight)
    if (weight !== null && weight !== undefined && Number.isFinite(value) && value > 0) return value
  }
  return null
}

function reshapeVariant(
  variant: HttpTypes.StoreProductVariant,
  product?: HttpTypes.StoreProduct,
): ProductVariant {
  return {
    id: variant.id,
    title: variant.title ?? "",
    sku: variant.sku || null,
    price: reshapeMoney(variant.calculated_price),
    inStock: variantInStock(variant),
    gtin: toGtin(variant.ean, variant.upc, variant.barcode),
    weightGrams: grams(variant.weight, product?.weight),
    ...soldByWeightField(variant.metadata),
  }
}

const soldByWeightField = (metadata: unknown) => {
  const rule = soldByWeightOf(metadata)
  return rule ? { soldByWeight: rule } : {}
}

/** The backend's `metadata.sold_by_weight` (backend/src/lib/sold-by-weight.ts), when well-formed. */
export function soldByWeightOf(metadata: unknown): ProductVariant["soldByWeight"] {
  const raw = (metadata as { sold_by_weight?: Record<string, unknown> } | null)?.sold_by_weight
  if (!raw) return null
  const { unit, price_per_kg, grams, tolerance_pct } = raw
  if (unit !== "piece" && unit !== "step") return null
  if (![price_per_kg, grams, tolerance_pct].every((n) => Number.isInteger(n))) return null
  return {
    unit,
    pricePerKg: price_per_kg as number,
    grams: grams as number,
    tolerancePct: tolerance_pct as number,
  }
}

function reshapeImages(product: HttpTypes.StoreProduct): ProductImage[] {
  const urls = (product.images ?? []).map((image) => image.url).filter(Boolean)
  if (urls.length === 0 && product.thumbnail) urls.push(product.thumbnail)
  return urls.map((url) => ({ url, alt: product.title }))
}

function lowestPrice(variants: ProductVariant[]): Money | null {
  return variants.reduce<Money | null>((lowest, { price }) => {
    if (!price) return lowest
    return !lowest || price.amount < lowest.amount ? price : lowest
  }, null)
}

export function reshapeCategory(category: HttpTypes.StoreProductCategory): Category {
  const english = category.metadata?.name_en
  return {
    id: category.id,
    handle: category.handle,
    name: {
      vi: category.name,
      en: typeof english === "string" && english ? english : category.name,
    },
  }
}

function reshapeSeller(seller: ApiProduct["seller"]): ProductSeller | null {
  if (!seller?.handle) return null
  return {
    id: seller.id,
    handle: seller.handle,
    name: seller.name,
    communeCode: seller.commune_code ?? null,
  }
}

function reshapeOcop(entry: ApiProduct["ocop_entry"]): OcopBadge | null {
  if (!entry || typeof entry.stars !== "number") return null
  const expires = entry.expires_on ? new Date(entry.expires_on) : null
  return {
    stars: entry.stars,
    certificateNumber: entry.certificate_number || null,
    expiresOn: expires && !Number.isNaN(expires.getTime()) ? expires : null,
  }
}

const text = (value: unknown) => (typeof value === "string" && value.trim() ? value : null)

/** The seller's English texts, kept by the backend in `metadata.i18n.en`. */
function reshapeEnglish(metadata: ApiProduct["metadata"]): Product["en"] {
  const i18n = metadata?.i18n as { en?: Record<string, unknown> } | undefined
  return { title: text(i18n?.en?.title), description: text(i18n?.en?.description) }
}

export function reshapeProduct(product: ApiProduct): Product {
  const variants = (product.variants ?? []).map((variant) => reshapeVariant(variant, product))
  return {
    id: product.id,
    handle: product.handle,
    title: product.title,
    description: product.description || null,
    en: reshapeEnglish(product.metadata),
    thumbnail: product.thumbnail || product.images?.[0]?.url || null,
    images: reshapeImages(product),
    variants,
    price: lowestPrice(variants),
    inStock: variants.some((variant) => variant.inStock),
    seller: reshapeSeller(product.seller),
    ocop: reshapeOcop(product.ocop_entry),
    categories: (product.categories ?? []).map(reshapeCategory),
    updatedAt: validDate(product.updated_at),
  }
}

function validDate(value: string | Date | null | undefined): Date | null {
  const date = value ? new Date(value) : null
  return date && !Number.isNaN(date.getTime()) ? date : null
}

export function reshapeProducts(products: ApiProduct[]): Product[] {
  return products.map(reshapeProduct)
}
