export { StoreUnavailableError } from "./errors"
export { getProductByHandle, listProducts } from "./products"
export { getShopRegion } from "./regions"
export type { Money, Product, ProductImage, ProductVariant, Region } from "./types"
