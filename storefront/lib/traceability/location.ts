import { TRACE_TIMEOUT_MS, traceabilityUrl } from "./config"
import type { LocationOutcome } from "./types"

export type SharedLocation = { lat: number; lng: number; accuracy?: number }

/** How long after its scan the service still takes a location (traceability/src/services/scan-locations.ts). */
export const LOCATION_WINDOW_MS = 30 * 60_000

const inRange = (value: unknown, limit: number): value is number =>
  typeof value === "number" && Number.isFinite(value) && Math.abs(value) <= limit

/** Coordinates the service would accept; anything else never leaves the storefront. */
export function isSharedLocation(value: unknown): value is SharedLocation {
  if (typeof value !== "object" || value === null) return false
  const { lat, lng, accuracy } = value as Record<string, unknown>
  return (
    inRange(lat, 90) &&
    inRange(lng, 180) &&
    (accuracy === undefined || (inRange(accuracy, 1_000_000) && accuracy >= 0))
  )
}

/**
 * Attaches the location a buyer agreed to share to their scan (POST /scans/{id}/location): the
 * service compares it with the stamp's other located scans, and a copied label being scanned far
 * away at the same time makes the stamp suspicious. Never throws: the buyer gets a plain outcome.
 */
export async function shareScanLocation(
  scanId: string,
  location: SharedLocation,
): Promise<LocationOutcome> {
  const url = `${traceabilityUrl()}/scans/${encodeURIComponent(scanId)}/location`
  const { lat, lng, accuracy } = location
  try {
    const response = await fetch(url, {
      method: "POST",
      headers: { accept: "application/json", "content-type": "application/json" },
      body: JSON.stringify(accuracy === undefined ? { lat, lng } : { lat, lng, accuracy }),
      cache: "no-store",
      signal: AbortSignal.timeout(TRACE_TIMEOUT_MS),
    })
    const body = (await response.json().catch(() => undefined)) as
      | { verdict?: unknown; impossible_travel?: unknown; error?: unknown }
      | undefined
    if (response.status === 201 && body) {
      const suspicious = body.impossible_travel === true || body.verdict === "suspicious"
      return { status: "recorded", suspicious }
    }
    if (response.status === 409) {
      return body?.error === "too_late" ? { status: "too_late" } : { status: "already_shared" }
    }
    console.error(`[traceability] location of scan failed: HTTP ${response.status}`)
  } catch (error) {
    console.error(`[traceability] location of scan failed: ${String(error)}`)
  }
  return { status: "failed" }
}
