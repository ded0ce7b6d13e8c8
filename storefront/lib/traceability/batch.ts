import { CACHE_TAGS } from "../cache-tags"
import { isApiProductOrigin, type ProductOrigin, reshapeProductOrigin } from "./batch-reshape"
import { TRACE_TIMEOUT_MS, traceabilityUrl } from "./config"
import { TraceUnavailableError } from "./errors"
import { isObject } from "./read"

/**
 * A minute in Next's data cache: a new batch or event shows on the product page within a minute
 * (the service itself says `max-age=60`), or at once when the "batches" tag is revalidated.
 */
export const ORIGIN_CACHE = { revalidate: 60, tags: [CACHE_TAGS.batches] }

function unavailable(productId: string, reason: string, cause?: unknown) {
  console.error(`[traceability] origin of ${productId} failed: ${reason}`)
  return new TraceUnavailableError(`origin of ${productId} failed: ${reason}`, { cause })
}

/**
 * Where the product on sale comes from: its newest batch that is not recalled, with its events;
 * null when it has none. Reading it counts no scan, so it is cached. Throws TraceUnavailableError
 * when the service cannot answer; the page then says so in the origin section only.
 */
export async function getProductOrigin(productId: string): Promise<ProductOrigin | null> {
  const url = `${traceabilityUrl()}/products/${encodeURIComponent(productId)}/provenance`
  let response: Response
  let body: unknown
  try {
    response = await fetch(url, {
      headers: { accept: "application/json" },
      next: ORIGIN_CACHE,
      signal: AbortSignal.timeout(TRACE_TIMEOUT_MS),
    })
    body = await response.json().catch(() => undefined)
  } catch (error) {
    throw unavailable(productId, error instanceof Error ? error.message : String(error), error)
  }
  if (response.status === 200 && isApiProductOrigin(body)) return reshapeProductOrigin(body)
  // Only the service's own "not found" means no batch: another server's 404 (a wrong
  // TRACEABILITY_URL) must not hide the origin of every product without a word.
  if (response.status === 404 && isObject(body) && body.error === "not_found") return null
  throw unavailable(productId, `unexpected answer HTTP ${response.status}`)
}
