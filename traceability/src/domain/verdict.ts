/**
 * What a scan says about a stamp. Pure rules, no I/O: the resolver gathers the facts (signature,
 * stamp state, the stamp's scan count) and asks here for the verdict.
 */

export const VERDICTS = [
  "genuine_first_scan",
  "genuine_repeat",
  "suspicious",
  "voided",
  "not_genuine",
  // Appended, not inserted: signed scan ids carry a verdict's index (domain/scan-token.ts).
  "seller_suspended",
] as const

export type Verdict = (typeof VERDICTS)[number]

/** Verdicts that count as counterfeit signals in the commune's statistics. */
export const COUNTERFEIT_SIGNALS: readonly Verdict[] = ["suspicious", "voided"]

export interface VerdictPolicy {
  /** More scans than this make a stamp suspicious: a copied label keeps being scanned. */
  suspiciousAfter: number
}

export interface ScanFacts {
  /** Whether the serial's HMAC matched; checked before anything else. */
  signatureValid: boolean
  /** The stamp's state, or null when no stamp has this serial (or it sits under another GTIN). */
  stampState: "issued" | "voided" | null
  /** Scans of the stamp including this one. */
  scanCount: number
  /** Set once two located scans were too far apart too quickly (see impossibleTravel). */
  travelFlagged: boolean
  /**
   * The seller's state as the backend last told this service; null or left out when it never
   * did (only approved sellers create batches, so that is taken as approved).
   */
  sellerState?: "pending" | "approved" | "suspended" | null
}

export function verdictFor(facts: ScanFacts, policy: VerdictPolicy): Verdict {
  if (!facts.signatureValid || facts.stampState === null) return "not_genuine"
  if (facts.stampState === "voided") return "voided"
  // The commune stopped the seller (or never approved it): the label may be real, the promise
  // behind it is not, so the buyer is sent to the commune instead of told "genuine".
  if (facts.sellerState === "suspended" || facts.sellerState === "pending") {
    return "seller_suspended"
  }
  if (facts.travelFlagged || facts.scanCount > policy.suspiciousAfter) return "suspicious"
  return facts.scanCount <= 1 ? "genuine_first_scan" : "genuine_repeat"
}

export interface LocatedScan {
  lat: number
  lng: number
  /** The phone's own estimate, in metres; a vague position must not accuse a real stamp. */
  accuracyM?: number | null
  at: Date
}

export interface TravelPolicy {
  /** Two scans further apart than this ... */
  maxDistanceKm: number
  /** ... within this many minutes of each other cannot be the same bag. */
  withinMinutes: number
}

const EARTH_RADIUS_KM = 6371.0088
const radians = (degrees: number) => (degrees * Math.PI) / 180

/** Great-circle distance (haversine). */
export function distanceKm(a: { lat: number; lng: number }, b: { lat: number; lng: number }) {
  const dLat = radians(b.lat - a.lat)
  const dLng = radians(b.lng - a.lng)
  const h =
    Math.sin(dLat / 2) ** 2 +
    Math.cos(radians(a.lat)) * Math.cos(radians(b.lat)) * Math.sin(dLng / 2) ** 2
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)))
}

/** Whether one bag could not have been at both places: too far apart, too close in time. */
export function impossibleTravel(a: LocatedScan, b: LocatedScan, policy: TravelPolicy): boolean {
  const minutes = Math.abs(a.at.getTime() - b.at.getTime()) / 60_000
  if (minutes > policy.withinMinutes) return false
  // Both positions may be off by their accuracy, towards each other.
  const slackKm = ((a.accuracyM ?? 0) + (b.accuracyM ?? 0)) / 1000
  return distanceKm(a, b) - slackKm > policy.maxDistanceKm
}

/** Which of the earlier located scans, if any, rules out the new one. */
export function findImpossibleTravel(
  scan: LocatedScan,
  earlier: readonly LocatedScan[],
  policy: TravelPolicy,
): LocatedScan | null {
  return earlier.find((other) => impossibleTravel(scan, other, policy)) ?? null
}
