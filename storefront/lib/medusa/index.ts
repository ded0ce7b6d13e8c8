export { getCategoryByHandle, listCategories } from "./categories"
export { getCommuneIndicators, isCommuneCode, listSellerCommunes } from "./communes"
export { StoreUnavailableError } from "./errors"
export {
  getProductByHandle,
  getProductById,
  listAllProducts,
  listProducts,
  MAX_QUERY_LENGTH,
  pickFeatured,
  searchProducts,
} from "./products"
export { getShopRegion } from "./regions"
export { getSellerPage, listSellers, type SellerPage } from "./sellers"
export type {
  Category,
  Commune,
  CommuneIndicators,
  Indicator,
  IndicatorCode,
  LocalizedName,
  Money,
  OcopBadge,
  Product,
  ProductImage,
  ProductSeller,
  ProductVariant,
  Region,
  Seller,
} from "./types"
export { PUBLIC_INDICATORS } from "./types"
