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
}

/** A forged, unknown or misplaced serial: the service vouches for nothing. */
export type NotGenuineProvenance = {
  verdict: "not_genuine"
  serial: string
}

export type Provenance = GenuineProvenance | NotGenuineProvenance
