"use server"

import { isSharedLocation, type LocationOutcome, shareScanLocation } from "@/lib/traceability"

/**
 * The stamp page's location button posts here, so the browser needs neither the traceability
 * service's address nor CORS. Anyone can call a server action: the arguments are checked, and the
 * service itself only takes a signed scan id, once, within 30 minutes of the scan.
 */
export async function shareLocation(scanId: unknown, location: unknown): Promise<LocationOutcome> {
  if (typeof scanId !== "string" || scanId === "" || scanId.length > 200)
    return { status: "failed" }
  if (!isSharedLocation(location)) return { status: "failed" }
  const { lat, lng, accuracy } = location
  return shareScanLocation(scanId, { lat, lng, accuracy })
}
