import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { productInvoiceFields } from "../../../lib/einvoice/store"
import { englishTexts } from "../../../lib/product-i18n"
import { firstRowOf } from "../../../lib/query-rows"
import { soldByWeightOf } from "../../../lib/sold-by-weight"
import type { SellerAccess } from "../../utils/access"
import { notFound } from "../../utils/errors"

export const PRODUCT_FIELDS = [
  "id",
  "title",
  "subtitle",
  "handle",
  "description",
  "metadata",
  "status",
  "thumbnail",
  "created_at",
  "updated_at",
  "images.url",
  "categories.id",
  "categories.handle",
  "variants.id",
  "variants.title",
  "variants.sku",
  "variants.ean",
  "variants.upc",
  "variants.barcode",
  "variants.manage_inventory",
  "variants.metadata",
  "variants.prices.amount",
  "variants.prices.currency_code",
  "variants.inventory_items.inventory_item_id",
  "variants.inventory_items.inventory.location_levels.location_id",
  "variants.inventory_items.inventory.location_levels.stocked_quantity",
  "variants.inventory_items.inventory.location_levels.reserved_quantity",
  "sales_channels.id",
  "seller.id",
  "ocop_entry.id",
  "ocop_entry.stars",
  "ocop_entry.certificate_number",
  "ocop_entry.expires_on",
]

/** A product as PRODUCT_FIELDS select it. */
export interface SellerProductRow {
  id: string
  title: string
  subtitle: string | null
  handle: string
  description: string | null
  metadata: Record<string, unknown> | null
  status: string
  thumbnail: string | null
  created_at: Date | string
  updated_at: Date | string
  images: { url: string }[] | null
  categories: { id: string; handle: string }[] | null
  variants:
    | {
        id: string
        title: string
        sku: string | null
        ean: string | null
        upc: string | null
        barcode: string | null
        manage_inventory: boolean
        metadata: Record<string, unknown> | null
        prices: { amount: number; currency_code: string }[] | null
        inventory_items:
          | {
              inventory_item_id: string
              inventory: {
                location_levels:
                  | { location_id: string; stocked_quantity: number; reserved_quantity: number }[]
                  | null
              } | null
            }[]
          | null
      }[]
    | null
  sales_channels: { id: string }[] | null
  seller: { id: string } | null
  ocop_entry: {
    id: string
    stars: number
    certificate_number: string
    expires_on: Date | string | null
  } | null
}

/** A product as the seller portal shows it: VND price and stock at the seller's own location. */
export function reshapeProduct(product: SellerProductRow, locationId: string | null) {
  return {
    id: product.id,
    title: product.title,
    subtitle: product.subtitle,
    handle: product.handle,
    description: product.description,
    en: englishTexts(product.metadata),
    // Its VAT rate ("KCT" unless set) and unit on invoices.
    ...productInvoiceFields(product.metadata),
    status: product.status,
    thumbnail: product.thumbnail,
    images: (product.images ?? []).map((i) => i.url),
    category_ids: (product.categories ?? []).map((c) => c.id),
    in_store: (product.sales_channels ?? []).length > 0,
    // The commune registry's certificate for this listing, if one links it.
    ocop: product.ocop_entry
      ? {
          id: product.ocop_entry.id,
          stars: product.ocop_entry.stars,
          certificate_number: product.ocop_entry.certificate_number,
          expires_on: product.ocop_entry.expires_on,
        }
      : null,
    created_at: product.created_at,
    updated_at: product.updated_at,
    variants: (product.variants ?? []).map((v) => {
      const level = (v.inventory_items?.[0]?.inventory?.location_levels ?? []).find(
        (l) => l.location_id === locationId,
      )
      return {
        id: v.id,
        title: v.title,
        sku: v.sku,
        ean: v.ean,
        upc: v.upc,
        barcode: v.barcode,
        price: (v.prices ?? []).find((p) => p.currency_code === "vnd")?.amount ?? null,
        stock: level ? level.stocked_quantity - level.reserved_quantity : 0,
        manage_inventory: v.manage_inventory,
        sold_by_weight: soldByWeightOf(v.metadata),
      }
    }),
  }
}

export interface SellerContext {
  id: string
  handle: string
  name: string
  state: string
  location_id: string | null
  shipping_profile_id: string | null
  channel_id: string
}

/** The seller's stock location, shipping profile and the store's sales channel. */
export async function loadSellerContext(
  container: MedusaContainer,
  access: SellerAccess,
): Promise<SellerContext> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const [sellers, stores] = await Promise.all([
    query.graph({
      entity: "seller",
      fields: ["id", "handle", "name", "state", "stock_location.id", "shipping_profile.id"],
      filters: { id: access.sellerId },
    }),
    query.graph({ entity: "store", fields: ["default_sales_channel_id"] }),
  ])
  // The seller acting is there: its access was just loaded from it.
  const seller = firstRowOf<{
    id: string
    handle: string
    name: string
    state: string
    stock_location: { id: string } | null
    shipping_profile: { id: string } | null
  }>(sellers)!
  const store = firstRowOf<{ default_sales_channel_id: string }>(stores)!
  return {
    id: seller.id,
    handle: seller.handle,
    name: seller.name,
    state: seller.state,
    location_id: seller.stock_location?.id ?? null,
    shipping_profile_id: seller.shipping_profile?.id ?? null,
    channel_id: store.default_sales_channel_id,
  }
}

/** One of this seller's products, or 404 exactly as if it did not exist. */
export async function loadOwnProduct(container: MedusaContainer, access: SellerAccess, id: string) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const product = firstRowOf<SellerProductRow>(
    await query.graph({ entity: "product", fields: PRODUCT_FIELDS, filters: { id } }),
  )
  if (!product || product.seller?.id !== access.sellerId) {
    throw notFound({ vi: "Không tìm thấy sản phẩm", en: "Product not found" })
  }
  return product
}
