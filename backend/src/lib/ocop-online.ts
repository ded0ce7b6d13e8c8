import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, ProductStatus } from "@medusajs/framework/utils"
import { firstRowOf, rowsOf } from "./query-rows"

/** Why a listing is not buyable right now; an officer fixes these with the seller. */
export type OfflineReason =
  | "no_listing"
  | "not_published"
  | "not_in_sales_channel"
  | "no_vnd_price"
  | "out_of_stock"

export interface ListingState {
  product_id: string
  handle: string | null
  title: string | null
  status: string | null
  /** Published, in the store's default sales channel, priced in VND and in stock. */
  online: boolean
  offline_reasons: OfflineReason[]
}

/** What query.graph returns for a product with LISTING_FIELDS. */
export interface ListingFacts {
  id: string
  handle?: string | null
  title?: string | null
  status?: string | null
  sales_channels?: ({ id: string } | null)[] | null
  seller?: { stock_location?: { id: string } | null } | null
  variants?:
    | ({
        manage_inventory?: boolean | null
        prices?: ({ currency_code?: string | null; price_list_id?: string | null } | null)[] | null
        inventory_items?:
          | ({
              required_quantity?: number | null
              inventory?: {
                location_levels?:
                  | ({
                      location_id: string
                      stocked_quantity?: number | string | null
                      reserved_quantity?: number | string | null
                    } | null)[]
                  | null
              } | null
            } | null)[]
          | null
      } | null)[]
    | null
}

export const LISTING_FIELDS = [
  "id",
  "handle",
  "title",
  "status",
  "sales_channels.id",
  "seller.stock_location.id",
  "variants.id",
  "variants.manage_inventory",
  "variants.prices.currency_code",
  "variants.prices.price_list_id",
  "variants.inventory_items.required_quantity",
  "variants.inventory_items.inventory.location_levels.location_id",
  "variants.inventory_items.inventory.location_levels.stocked_quantity",
  "variants.inventory_items.inventory.location_levels.reserved_quantity",
]

type Variant = NonNullable<NonNullable<ListingFacts["variants"]>[number]>

// A price list's price applies only under its rules; a listing needs a base price in dong.
const pricedInVnd = (variant: Variant) =>
  (variant.prices ?? []).some((p) => p?.currency_code === "vnd" && !p.price_list_id)

function inStockAt(variant: Variant, locationId: string | null): boolean {
  if (variant.manage_inventory === false) return true
  const items = (variant.inventory_items ?? []).filter((i) => i !== null)
  if (!locationId || !items.length) return false
  // A variant made of several inventory items (a gift box) needs each of them.
  return items.every((item) => {
    const level = (item.inventory?.location_levels ?? []).find((l) => l?.location_id === locationId)
    const available = Number(level?.stocked_quantity ?? 0) - Number(level?.reserved_quantity ?? 0)
    return available >= Number(item.required_quantity ?? 1)
  })
}

/** Whether one listing is buyable now, and if not, every reason why. Pure, for unit tests. */
export function listingState(product: ListingFacts, salesChannelId: string | null): ListingState {
  const reasons: OfflineReason[] = []
  if (product.status !== ProductStatus.PUBLISHED) reasons.push("not_published")
  const channels = (product.sales_channels ?? []).map((c) => c?.id)
  if (!salesChannelId || !channels.includes(salesChannelId)) reasons.push("not_in_sales_channel")
  const variants = (product.variants ?? []).filter((v) => v !== null)
  const priced = variants.filter(pricedInVnd)
  if (!priced.length) reasons.push("no_vnd_price")
  const location = product.seller?.stock_location?.id ?? null
  // The variant in stock must be one that can be priced, or nothing can be bought.
  if (!(priced.length ? priced : variants).some((v) => inStockAt(v, location))) {
    reasons.push("out_of_stock")
  }
  return {
    product_id: product.id,
    handle: product.handle ?? null,
    title: product.title ?? null,
    status: product.status ?? null,
    online: reasons.length === 0,
    offline_reasons: reasons,
  }
}

export function missingListing(productId: string): ListingState {
  return {
    product_id: productId,
    handle: null,
    title: null,
    status: null,
    online: false,
    offline_reasons: ["no_listing"],
  }
}

/**
 * The listing state of many products in two queries whatever their number (the store's default
 * sales channel, then the products with their channels, prices and stock levels across links).
 * A product id that no longer exists maps to a "no_listing" state.
 */
export async function listingStates(
  container: MedusaContainer,
  productIds: string[],
): Promise<Map<string, ListingState>> {
  const ids = [...new Set(productIds)]
  const states = new Map<string, ListingState>()
  if (!ids.length) return states
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const [stores, products] = await Promise.all([
    query.graph({ entity: "store", fields: ["default_sales_channel_id"] }),
    query.graph({ entity: "product", fields: LISTING_FIELDS, filters: { id: ids } }),
  ])
  const store = firstRowOf<{ default_sales_channel_id: string | null }>(stores)
  const channel = store?.default_sales_channel_id ?? null
  for (const product of rowsOf<ListingFacts>(products)) {
    states.set(product.id, listingState(product, channel))
  }
  for (const id of ids) if (!states.has(id)) states.set(id, missingListing(id))
  return states
}
