import { lookup } from "node:dns/promises"
import { isIP } from "node:net"
import { postSigned } from "@coop/contracts/signature"
import { IndicatorSourceEvents } from "./indicators/events"

/**
 * Tells the storefront which of its cached reads a change made stale: POST
 * `STOREFRONT_REVALIDATE_URL` with `{ tags }`, signed like our other webhooks (`X-Coop-Signature`,
 * STOREFRONT_REVALIDATE_SECRET). The tags are the storefront's (storefront/lib/cache-tags.ts).
 * Without a URL nothing is sent; a storefront that is down or slow only means its pages catch up
 * within their own revalidate time (60 s), so failures are logged and never thrown.
 *
 * Several storefront instances each keep their own Next.js cache, so every one of them must hear
 * of a change: STOREFRONT_REVALIDATE_URL may list several URLs (comma-separated), and with
 * STOREFRONT_REVALIDATE_FANOUT=dns each URL's host name is resolved to all its addresses and each
 * address gets the POST (docker-compose's `--scale storefront=N` answers one name with N
 * addresses). See docs/architecture.md, "Several instances".
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
type Config = {
  url: string
  /** Every instance's URL (url is the first); each gets the same POST. */
  urls?: string[]
  /** Resolve each URL's host to all its addresses and POST to each address. */
  fanoutDns?: boolean
  secret: string
  timeoutMs: number
}

export function revalidateConfig(env = process.env): Config | null {
  const urls = (env.STOREFRONT_REVALIDATE_URL ?? "")
    .split(",")
    .map((u) => u.trim())
    .filter(Boolean)
  const secret = env.STOREFRONT_REVALIDATE_SECRET?.trim()
  if (!urls.length || !secret) return null
  return {
    url: urls[0],
    urls,
    fanoutDns: env.STOREFRONT_REVALIDATE_FANOUT === "dns",
    secret,
    timeoutMs: Number(env.STOREFRONT_REVALIDATE_TIMEOUT_MS) || 3_000,
  }
}

/** The URLs one revalidation goes to: the configured ones, or each of their hosts' addresses. */
export async function revalidationTargets(config: Config): Promise<string[]> {
  const urls = config.urls?.length ? config.urls : [config.url]
  if (!config.fanoutDns) return urls
  const targets: string[] = []
  for (const url of urls) {
    const parsed = new URL(url)
    const host = parsed.hostname.replace(/^\[|\]$/g, "")
    if (isIP(host)) {
      targets.push(url)
      continue
    }
    try {
      const addresses = await lookup(host, { all: true })
      for (const { address, family } of addresses) {
        const one = new URL(url)
        one.hostname = family === 6 ? `[${address}]` : address
        targets.push(one.toString())
      }
    } catch {
      // Not resolvable now: the POST to the name itself reports the failure.
      targets.push(url)
    }
  }
  return [...new Set(targets)]
}

/** The same signed POST to every instance; resolves to one message per failed instance. */
export async function postRevalidationToAll(tags: string[], config: Config): Promise<string[]> {
  const targets = await revalidationTargets(config)
  const results = await Promise.all(
    targets.map(async (url) => {
      const failure = await postRevalidation(tags, { ...config, url })
      return failure ? `${url}: ${failure}` : null
    }),
  )
  return results.filter((r): r is string => r !== null)
}

/** One signed POST; resolves to an error message, or null when the storefront took it. */
export function postRevalidation(tags: string[], config: Config): Promise<string | null> {
  return postSigned(config.url, JSON.stringify({ tags }), config.secret, config.timeoutMs)
}

// Events come in bursts (an order's items, an import of many products): tags asked for within
// COALESCE_MS go out in one POST.
const COALESCE_MS = 200
const pending = new Set<string>()
let timer: NodeJS.Timeout | null = null

/** Queues tags for the storefront; returns at once. Does nothing when not configured. */
export function queueRevalidation(tags: string[], log: Log, config = revalidateConfig()): void {
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
