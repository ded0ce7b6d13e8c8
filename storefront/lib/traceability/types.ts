// The storefront's own shapes for a scanned stamp. Pages and components only see these, never
// the traceability service's API shapes.

export type GenuineProvenance = {
  verdict: "genuine"
  stamp: {
    serial: string
    /** What the QR code holds. */
    uri: string
    state: string
    issuedAt: Date
  }
  batch: {
    id: string
    lotCode: string
    quantity: number
    unit: string
    state: string
  }
  product: {
    /** The Medusa product id. */
    id: string
    title: string
    gtin: string | null
  }
  sellerId: string
  /** The stamp's scans so far (the scan that led here included). */
  scans: { count: number; firstScannedAt: Date | null }
  /** The scan that led here, when the page was reached through the resolver's redirect. */
  scan: { id: string; number: number } | null
}

/**
 * The service vouches for nothing: a forged, unknown or misplaced serial, or a real stamp that
 * was voided (a lost roll) or is suspicious (scanned too often, or in places too far apart).
 */
export type NotGenuineProvenance = {
  verdict: "not_genuine"
  serial: string
  /** Why, when the stamp itself is real. */
  reason?: "voided" | "suspicious"
}

export type Provenance = GenuineProvenance | NotGenuineProvenance
