// The storefront's own shapes. Pages and components only see these, never Medusa's API types.

export type Money = {
  /** Whole units of the currency (dong for VND). */
  amount: number
  currencyCode: string
}

export type ProductImage = {
  url: string
  alt: string
}

export type ProductVariant = {
  id: string
  title: string
  price: Money | null
}

export type Product = {
  id: string
  handle: string
  title: string
  description: string | null
  thumbnail: string | null
  images: ProductImage[]
  variants: ProductVariant[]
  /** The lowest variant price in the shop's region; null when no variant has one. */
  price: Money | null
}

export type Region = {
  id: string
  name: string
  currencyCode: string
}
