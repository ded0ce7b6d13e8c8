import { msg, type Text } from "../messages.js"

/**
 * A production batch (lô) and its parts: the entity the store reads and writes and the services
 * decide about. Pure types and rules, no I/O.
 */

export type BatchState = "open" | "sealed" | "recalled"
export type SellerKind = "cooperative" | "household"

/** The seller as the backend described it when the batch was created. */
export interface SellerSnapshot {
  handle: string
  name: string
  /** null only for batches created before snapshots existed (migration 002). */
  kind: SellerKind | null
  address: string | null
  phone: string | null
  communeCode: string
  communeName: string
  provinceCode: string
  provinceName: string
  villageName: string | null
}

export interface ProductionArea {
  village: string | null
  plot: string | null
  lat: number | null
  lng: number | null
}

/** Calendar dates as YYYY-MM-DD, in order: started, harvested or produced, packed, expires. */
export interface BatchDates {
  startedOn: string | null
  harvestedOn: string | null
  producedOn: string | null
  packedOn: string | null
  expiresOn: string | null
}

export interface Certifications {
  vietgap: { number: string; validFrom: string; validUntil: string } | null
  organic: { certifier: string; number: string } | null
  /** The commune OCOP registry's certificate, copied at every write (never from a client). */
  ocopStars: 3 | 4 | 5 | null
  ocopCertificateNumber: string | null
  /** YYYY-MM-DD, the certificate's last valid day. */
  ocopExpiresOn: string | null
}

/** The parts of a batch its seller may still change while it is open. */
export interface BatchDetails {
  quantity: number
  unit: string
  area: ProductionArea
  dates: BatchDates
  certifications: Certifications
}

/** What a caller supplies to create a batch. */
export interface NewBatch extends BatchDetails {
  sellerId: string
  productId: string
  productTitle: string
  productHandle: string
  productThumbnail: string | null
  gtin: string | null
  seller: SellerSnapshot
  lotCode: string
  /** The token's actor id, its actor type, and for a helper the seller it acted for. */
  createdBy: string
  createdByType: string
  onBehalfOf: string | null
}

/** A stored batch: what was supplied plus what the database assigns. */
export interface Batch extends NewBatch {
  id: string
  state: BatchState
  createdAt: Date
  updatedAt: Date
  sealedAt: Date | null
  recalledAt: Date | null
  recallReason: string | null
  eventCount: number
  /** Hash of the last event, or null before the first one. */
  eventHeadHash: string | null
}

export const EMPTY_DETAILS: BatchDetails = {
  quantity: 0,
  unit: "",
  area: { village: null, plot: null, lat: null, lng: null },
  dates: { startedOn: null, harvestedOn: null, producedOn: null, packedOn: null, expiresOn: null },
  certifications: {
    vietgap: null,
    organic: null,
    ocopStars: null,
    ocopCertificateNumber: null,
    ocopExpiresOn: null,
  },
}

/** The state a batch may move to from its current one; recalled is final. */
export function transitionProblem(
  from: BatchState,
  to: BatchState,
): ((batchId: string) => Text) | null {
  if (from === to) return null
  if (from === "recalled") return msg.batchRecalledFinal
  if (to === "open") return msg.batchNotReopened
  return null
}

const DATE_ORDER = [
  ["startedOn", "dates.started_on"],
  ["harvestedOn", "dates.harvested_on"],
  ["producedOn", "dates.produced_on"],
  ["packedOn", "dates.packed_on"],
  ["expiresOn", "dates.expires_on"],
] as const

/**
 * The first rule across fields the details break, with the field (as the API names it) to blame;
 * checked on the whole result, so a partial update cannot break them.
 */
export function detailsProblem(details: BatchDetails): { field: string; text: Text } | null {
  const { area, dates, certifications } = details
  if ((area.lat === null) !== (area.lng === null)) {
    const missing = area.lat === null ? "area.lat" : "area.lng"
    return { field: missing, text: msg.coordinatePair(missing) }
  }
  for (const [i, [earlier, earlierField]] of DATE_ORDER.entries()) {
    for (const [later, laterField] of DATE_ORDER.slice(i + 1)) {
      const a = dates[earlier]
      const b = dates[later]
      if (a && b && a > b) {
        return {
          field: laterField,
          text: msg.dateOrder(laterField, String(b), earlierField, String(a)),
        }
      }
    }
  }
  const v = certifications.vietgap
  if (v) {
    if (v.validFrom > v.validUntil) {
      return { field: "certifications.vietgap.valid_until", text: msg.vietgapOrder() }
    }
    // A certificate that lapsed before the crop came in does not cover this lot.
    const made = dates.harvestedOn ?? dates.producedOn
    if (made && v.validUntil < made) {
      return {
        field: "certifications.vietgap.valid_until",
        text: msg.vietgapExpiredBeforeMade(String(v.validUntil), String(made)),
      }
    }
  }
  return null
}
