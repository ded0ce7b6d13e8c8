export { StoreUnavailableError } from "./errors"
export { getProductByHandle, getProductById, listProducts } from "./products"
export { getShopRegion } from "./regions"
export type { Money, Product, ProductImage, ProductVariant, Region } from "./types"
