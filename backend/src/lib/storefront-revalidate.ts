import {
  postRevalidationToAll,
  type RevalidationConfig,
  revalidationConfig,
} from "@coop/contracts/revalidation"
import { IndicatorSourceEvents } from "./indicators/events"

/**
 * Tells the storefront which of its cached reads a change made stale: which tags each event
 * drops (the storefront's, storefront/lib/cache-tags.ts), coalesced into one POST to every
 * storefront instance. The POST itself, its signature and the fan-out to every instance
 * (STOREFRONT_REVALIDATE_URL's list, or STOREFRONT_REVALIDATE_FANOUT=dns) are
 * `@coop/contracts/revalidation`'s, shared with the traceability service. Without a URL nothing is
 * sent; failures are logged and never thrown. See docs/architecture.md, "Several instances".
 */

export type StorefrontTag =
  | "products"
  | "categories"
  | "sellers"
  | "ocop"
  | "indicators"
  | "batches"
  | "regions"

const TAGS_BY_EVENT: Record<string, StorefrontTag[]> = {
  "product.created": ["products"],
  "product.updated": ["products"],
  "product.deleted": ["products"],
  // A variant's price, title or SKU.
  "product-variant.created": ["products"],
  "product-variant.updated": ["products"],
  "product-variant.deleted": ["products"],
  // Stock: set by a seller, or reserved and released by orders.
  "inventory-level.created": ["products"],
  "inventory-level.updated": ["products"],
  "inventory-level.deleted": ["products"],
  "order.placed": ["products"],
  "order.canceled": ["products"],
  "product-category.created": ["categories", "products"],
  "product-category.updated": ["categories", "products"],
  "product-category.deleted": ["categories", "products"],
  "region.created": ["regions"],
  "region.updated": ["regions"],
  "region.deleted": ["regions"],
  // A suspended seller's products leave the shop.
  [IndicatorSourceEvents.SELLER_STATE_CHANGED]: ["sellers", "products", "indicators"],
  [IndicatorSourceEvents.OCOP_ENTRY_CHANGED]: ["ocop", "products", "indicators"],
  // The commune approved a seller's new public name, address or phone.
  "seller.changes_reviewed": ["sellers", "products"],
}

export const STOREFRONT_REVALIDATE_EVENTS = Object.keys(TAGS_BY_EVENT)

export function tagsForEvent(name: string): StorefrontTag[] {
  return TAGS_BY_EVENT[name] ?? []
}

type Log = { warn: (message: string) => void }

// Events come in bursts (an order's items, an import of many products): tags asked for within
// COALESCE_MS go out in one POST.
const COALESCE_MS = 200
const pending = new Set<string>()
let timer: NodeJS.Timeout | null = null

/** Queues tags for the storefront; returns at once. Does nothing when not configured. */
export function queueRevalidation(
  tags: string[],
  log: Log,
  config: RevalidationConfig | null = revalidationConfig(process.env),
): void {
  if (!config || tags.length === 0) return
  for (const tag of tags) pending.add(tag)
  if (timer) return
  timer = setTimeout(async () => {
    timer = null
    const batch = [...pending]
    pending.clear()
    for (const failure of await postRevalidationToAll(batch, config)) {
      log.warn(
        `storefront revalidation of ${batch.join(",")} failed (${failure}); its pages catch up within their revalidate time`,
      )
    }
  }, COALESCE_MS)
  timer.unref()
}
