import type { HttpTypes } from "@medusajs/types"
import type { Money, Product, ProductImage, ProductVariant, Region } from "./types"

export function reshapeRegion(region: HttpTypes.StoreRegion): Region {
  return { id: region.id, name: region.name, currencyCode: region.currency_code.toLowerCase() }
}

function reshapeMoney(price: HttpTypes.StoreCalculatedPrice | undefined | null): Money | null {
  const amount = price?.calculated_amount
  if (typeof amount !== "number" || !price?.currency_code) return null
  return { amount, currencyCode: price.currency_code.toLowerCase() }
}

function reshapeVariant(variant: HttpTypes.StoreProductVariant): ProductVariant {
  return {
    id: variant.id,
    title: variant.title ?? "",
    price: reshapeMoney(variant.calculated_price),
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

export function reshapeProduct(product: HttpTypes.StoreProduct): Product {
  const variants = (product.variants ?? []).map(reshapeVariant)
  return {
    id: product.id,
    handle: product.handle,
    title: product.title,
    description: product.description || null,
    thumbnail: product.thumbnail || product.images?.[0]?.url || null,
    images: reshapeImages(product),
    variants,
    price: lowestPrice(variants),
  }
}

export function reshapeProducts(products: HttpTypes.StoreProduct[]): Product[] {
  return products.map(reshapeProduct)
}
