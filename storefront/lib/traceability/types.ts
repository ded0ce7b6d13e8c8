// The storefront's own shapes for a scanned stamp. Pages and components only see these, never
// the traceability service's API shapes.

/**
 * What the service says about a real stamp (one it issued): genuine on its first scan, genuine
 * and scanned before, suspicious (scanned too often, or in places too far apart), voided (the
 * cooperative cancelled it, say with a lost roll), or seller_suspended (the commune suspended the
 * seller, or never approved it: ask the commune before buying).
 */
export type StampVerdict =
  | "genuine_first_scan"
  | "genuine_repeat"
  | "suspicious"
  | "voided"
  | "seller_suspended"

export type Quantity = { amount: number; unit: string }

/** A calendar day as the cooperative wrote it ("2026-10-05"), with no time of day. */
export type Day = string

export type Batch = {
  id: string
  lotCode: string
  quantity: number
  unit: string
  state: "open" | "sealed" | "recalled"
  recallReason: string | null
  harvestedOn: Day | null
  producedOn: Day | null
  packedOn: Day | null
  expiresOn: Day | null
  area: { village: string | null; plot: string | null }
}

/** The seller as the batch recorded it when it was created. */
export type Seller = {
  id: string
  name: string
  kind: "cooperative" | "household" | null
  address: string | null
  phone: string | null
  village: string | null
  commune: string
  province: string
}

export type Certifications = {
  vietgap: { number: string; validFrom: Day; validUntil: Day } | null
  organic: { certifier: string; number: string } | null
  ocopStars: 3 | 4 | 5 | null
  /** The commune registry's certificate behind the stars (copied at every write of the batch). */
  ocopCertificate: { number: string | null; expiresOn: Day | null } | null
}

export type InputKind = "fertiliser" | "pesticide" | "herbicide" | "fungicide" | "other"

export type InspectionTest = {
  name: string
  value: string | number
  unit: string | null
  limit: string | number | null
  pass: boolean | null
}

/**
 * The facts of each event type. Every field is optional here: an event whose details are missing
 * or malformed still shows its type, date and place.
 */
export type EventFacts =
  | {
      type: "planting"
      crop?: string
      variety?: string
      areaM2?: number
      seedSource?: string
    }
  | {
      type: "input_applied"
      product?: string
      inputKind?: InputKind
      dose?: Quantity
      preHarvestIntervalDays?: number
      target?: string
    }
  | { type: "harvest"; quantity?: Quantity }
  | { type: "processing"; process?: string; inputQuantity?: Quantity; outputQuantity?: Quantity }
  | { type: "packing"; package?: string; units?: number; quantity?: Quantity }
  | {
      type: "inspection"
      inspector?: string
      result?: "pass" | "fail"
      reportNumber?: string
      reportUrl?: string
      tests?: InspectionTest[]
    }
  | { type: "shipping"; destination?: string; carrier?: string; quantity?: Quantity }
  | {
      type: "receiving"
      receiver?: string
      source?: string
      quantity?: Quantity
      condition?: string
    }
  | { type: "note" }
  /** A type this storefront does not know yet: shown by its date and note only. */
  | { type: "other" }

export type EventType = EventFacts["type"]

export type TraceEvent = {
  id: string
  /** When it happened (the recorder's offset is kept in `occurredAtText`). */
  occurredAt: Date
  occurredAtText: string
  place: string | null
  actor: string | null
  note: string | null
  photos: string[]
  facts: EventFacts
}

export type StampProvenance = {
  verdict: StampVerdict
  stamp: {
    serial: string
    /** What the QR code holds. */
    uri: string
    state: "issued" | "voided"
    issuedAt: Date
  }
  batch: Batch
  product: {
    /** The Medusa product id. */
    id: string
    title: string
    handle: string
    gtin: string | null
  }
  seller: Seller
  certifications: Certifications
  /** The batch's events in the order they were recorded. */
  events: TraceEvent[]
  /** The stamp's scans so far (the scan that led here included). */
  scans: { count: number; firstScannedAt: Date | null }
  /** The scan that led here, when the page was reached through the resolver's redirect. */
  scan: { id: string; number: number; scannedAt: Date } | null
}

/** The service vouches for nothing: a forged, unknown or misplaced serial. */
export type NotGenuineProvenance = {
  verdict: "not_genuine"
  serial: string
}

export type Provenance = StampProvenance | NotGenuineProvenance

/** What became of a location a buyer shared (see shareScanLocation). */
export type LocationOutcome =
  /** Stored; `suspicious` when it showed the same stamp impossibly far away at the same time. */
  | { status: "recorded"; suspicious: boolean }
  /** More than 30 minutes after the scan, or this scan already has a location. */
  | { status: "too_late" }
  | { status: "already_shared" }
  /** The service could not take it (down, refused the scan id or the coordinates). */
  | { status: "failed" }
