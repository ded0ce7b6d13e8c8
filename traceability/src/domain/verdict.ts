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

/**
 * Verdicts that are counterfeit signals. A stamp is counted once in the commune's COUNTERFEIT,
 * when it gets its first signal (such a scan, or located scans proving an impossible journey),
 * however often it is scanned afterwards.
 */
export const COUNTERFEIT_SIGNALS: readonly Verdict[] = ["suspicious", "voided"]

export interface VerdictPolicy {
  /**
   * Scans from more distinct networks than this make a stamp suspicious: a copied label is
   * scanned by many buyers in many places, while one phone, household or attacker sits on one
   * network however often it scans.
   */
  suspiciousNetworks: number
}

export interface ScanFacts {
  /** Whether the serial's HMAC matched; checked before anything else. */
  signatureValid: boolean
  /** The stamp's state, or null when no stamp has this serial (or it sits under another GTIN). */
  stampState: "issued" | "voided" | null
  /** Scans of the stamp including this one. */
  scanCount: number
  /** Distinct networks (IPv4 /24, IPv6 /48) the stamp was scanned from, this scan's included. */
  networks: number
  /** Set once located scans from two networks were too far apart too quickly (see impossibleTravel). */
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
  if (facts.travelFlagged || facts.networks > policy.suspiciousNetworks) return "suspicious"
  return facts.scanCount <= 1 ? "genuine_first_scan" : "genuine_repeat"
}

/**
 * Whether a scan counts toward the public SCANS: not when the same network scanned the same
 * stamp less than `windowMs` before (its last scan, counted or not), so one network scanning
 * again and again counts once per quiet spell. A scan whose network is unknown always counts.
 */
export function countsAsScan(
  previousFromNetwork: number | null | undefined,
  at: number,
  windowMs: number,
): boolean {
  return previousFromNetwork == null || at - previousFromNetwork >= windowMs
}

export interface LocatedScan {
  lat: number
  lng: number
  /** The network the scan came from (IPv4 /24, IPv6 /48), null when unknown. */
  network: string | null
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

/**
 * Whether one bag could not have been at both places: too far apart, too close in time, and
 * scanned from two known, different networks. One network posting two far-apart positions proves
 * nothing but that someone can type coordinates.
 */
export function impossibleTravel(a: LocatedScan, b: LocatedScan, policy: TravelPolicy): boolean {
  if (!a.network || !b.network || a.network === b.network) return false
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
