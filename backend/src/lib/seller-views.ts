import { ProductStatus } from "@medusajs/framework/utils"
import { type AreaNames, sellerArea } from "./area-names"
import { acceptsVietQr, type ReviewableSeller } from "./seller-review"

/**
 * What anyone may read about a seller. Tax code, e-mail, bank account and the approval history
 * stay private: store responses are built from this list only, never from the whole record.
 */
export const PUBLIC_SELLER_FIELDS = [
  "id",
  "handle",
  "name",
  "kind",
  "commune_code",
  "province_code",
  "village_code",
  "address",
  "phone",
  "description",
  "logo_url",
] as const

/** What commune officers and operators see: they check the tax code and payee before approving. */
export const OFFICER_SELLER_FIELDS = [
  ...PUBLIC_SELLER_FIELDS,
  "tax_code",
  "email",
  "bank_bin",
  "bank_account_number",
  "bank_account_name",
  "payee_confirmed_at",
  "payee_confirmed_by",
  "pending_changes",
  "pending_changes_at",
  "pending_changes_by",
  "state",
  "state_reason",
  "state_changed_at",
  "state_changed_by",
  "created_at",
  "updated_at",
] as const

/** The products of a seller, as fetched with PRODUCT_SUMMARY_FIELDS beside the seller's fields. */
export const PRODUCT_SUMMARY_FIELDS = [
  "products.id",
  "products.status",
  "products.sales_channels.id",
]

export interface ProductSummary {
  id: string
  status?: string | null
  sales_channels?: ({ id: string } | null)[] | null
}

type SellerRow = Record<string, unknown> & {
  commune_code: string
  province_code: string
  village_code?: string | null
  products?: (ProductSummary | null)[] | null
}

/** Products a buyer can see through a publishable key's sales channels. */
export function visibleProducts(products: SellerRow["products"], channelIds: string[]) {
  return (products ?? []).filter(
    (p): p is ProductSummary =>
      !!p &&
      p.status === ProductStatus.PUBLISHED &&
      (p.sales_channels ?? []).some((c) => !!c && channelIds.includes(c.id)),
  )
}

function pick(row: SellerRow, fields: readonly string[]) {
  return Object.fromEntries(fields.map((f) => [f, row[f] ?? null]))
}

export function publicSeller(row: SellerRow, names: AreaNames, channelIds: string[]) {
  return {
    ...pick(row, PUBLIC_SELLER_FIELDS),
    ...sellerArea(row, names),
    product_count: visibleProducts(row.products, channelIds).length,
  }
}

export function officerSeller(row: SellerRow, names: AreaNames) {
  const products = (row.products ?? []).filter((p) => !!p)
  return {
    ...pick(row, OFFICER_SELLER_FIELDS),
    ...sellerArea(row, names),
    accepts_vietqr: acceptsVietQr(row as ReviewableSeller),
    product_count: products.length,
    published_product_count: products.filter((p) => p.status === ProductStatus.PUBLISHED).length,
  }
}
