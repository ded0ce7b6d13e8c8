import { cookies } from "next/headers"

/**
 * The cookie the traceability resolver leaves a scan's signed id in when the storefront shares
 * its site (traceability/src/domain/scan-cookie.ts): the redirect then goes exactly to the stamp
 * page GS1's linkset names, with no `?scan=`. Read on the server, so it works without JavaScript.
 */
export const SCAN_COOKIE = "trace_scan"

export interface ArrivingScan {
  /** The scan's signed id, or undefined when the page was not reached by a scan. */
  id: string | undefined
  /** Whether the id came in the URL (a storefront on another site than the resolver). */
  inUrl: boolean
}

/**
 * The scan that brought the buyer to a stamp's page: the resolver's cookie first (a `scan`
 * parameter printed into a QR code cannot override it), else the redirect's `scan` parameter.
 * A cookie left by another stamp's scan is refused by the service, and the page then shows the
 * stamp's standing verdict (getProvenance).
 */
export async function arrivingScan(
  parameter: string | string[] | undefined,
): Promise<ArrivingScan> {
  const cookie = (await cookies()).get(SCAN_COOKIE)?.value
  if (cookie) return { id: cookie, inUrl: false }
  if (typeof parameter === "string" && parameter !== "") return { id: parameter, inUrl: true }
  return { id: undefined, inUrl: false }
}
