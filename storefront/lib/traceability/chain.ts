import { CACHE_TAGS } from "../cache-tags"
import { traceabilityUrl } from "./config"
import { isObject } from "./read"

/** What the service found when it recomputed the batch's hash chain (GET /batches/{id}/verify). */
export type ChainCheck =
  | { intact: true; events: number }
  /** `seq`: the first event that no longer matches its hash (or is missing). */
  | { intact: false; events: number; brokenAt: number | null }

// Verifying walks every event of the batch: cached per batch for five minutes (a new event drops
// it through the "batches" tag), so a busy stamp page does not recompute it on every scan.
export const CHAIN_CACHE = { revalidate: 300, tags: [CACHE_TAGS.batches] }

/** A short wait: the chain check adds to the page, the verdict must not wait on it. */
const CHAIN_TIMEOUT_MS = 1_500

export function reshapeChainCheck(body: unknown): ChainCheck | null {
  if (!isObject(body) || typeof body.valid !== "boolean" || typeof body.events !== "number") {
    return null
  }
  if (body.valid) return { intact: true, events: body.events }
  const seq = isObject(body.broken_at) ? body.broken_at.seq : undefined
  return { intact: false, events: body.events, brokenAt: typeof seq === "number" ? seq : null }
}

/**
 * Whether the batch's diary is still the one that was recorded: every event's hash recomputed by
 * the service. Null when it cannot say (down, slow, unexpected answer): the page then says nothing
 * either way, since a missing check is not evidence of tampering.
 */
export async function getChainCheck(batchId: string): Promise<ChainCheck | null> {
  const url = `${traceabilityUrl()}/batches/${encodeURIComponent(batchId)}/verify`
  try {
    const response = await fetch(url, {
      headers: { accept: "application/json" },
      next: CHAIN_CACHE,
      signal: AbortSignal.timeout(CHAIN_TIMEOUT_MS),
    })
    if (response.status !== 200) {
      console.error(`[traceability] verify batch ${batchId}: HTTP ${response.status}`)
      return null
    }
    return reshapeChainCheck(await response.json())
  } catch (error) {
    console.error(`[traceability] verify batch ${batchId} failed: ${String(error)}`)
    return null
  }
}
