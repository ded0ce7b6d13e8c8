import { isoWithOffset } from "@coop/contracts/event-time"
import type pg from "pg"
import type { BatchState, SellerKind } from "../domain/batch.js"
import { BATCH_COLUMNS, batchFromRow } from "./batches.js"

/**
 * What a buyer who scans a stamp sees of a batch: at least what Circular 02/2024/TT-BKHCN lets a
 * consumer see (product name and image, producer name and address, production time, lot, expiry),
 * plus certificates and the events timeline. Ready to serialise as JSON (snake_case, ISO strings).
 * Internal facts (who recorded what, token ids) stay out.
 */
export interface BatchProvenance {
  batch: {
    id: string
    lot_code: string
    quantity: number
    unit: string
    state: BatchState
    created_at: string
    sealed_at: string | null
    recalled_at: string | null
    recall_reason: string | null
    /** The production time a consumer is shown: the harvest day, else the production day. */
    production_date: string | null
    started_on: string | null
    harvested_on: string | null
    produced_on: string | null
    packed_on: string | null
    expires_on: string | null
    area: { village: string | null; plot: string | null; lat: number | null; lng: number | null }
  }
  product: {
    id: string
    title: string
    handle: string
    thumbnail: string | null
    gtin: string | null
  }
  producer: {
    id: string
    handle: string
    name: string
    kind: SellerKind | null
    address: string | null
    phone: string | null
    village_name: string | null
    commune_code: string
    commune_name: string
    province_code: string
    province_name: string
    /**
     * The seller's state as the backend last pushed or answered it; null when never told. A
     * suspended (or never approved) seller's stamps resolve `seller_suspended`.
     */
    state: "pending" | "approved" | "suspended" | null
  }
  certifications: {
    vietgap: { number: string; valid_from: string; valid_until: string } | null
    organic: { certifier: string; number: string } | null
    ocop_stars: 3 | 4 | 5 | null
    /** The commune registry's certificate behind the stars, with its expiry. */
    ocop: { stars: 3 | 4 | 5; certificate_number: string | null; expires_on: string | null } | null
  }
  events: ProvenanceEvent[]
  /** The hash chain's length and head; GET /batches/{id}/verify recomputes it. */
  chain: { events: number; head_hash: string | null }
}

export interface ProvenanceEvent {
  id: string
  seq: number
  type: string
  /** Local time with the offset it was recorded with: 2025-10-01T08:00:00.000+07:00. */
  occurred_at: string
  place: { name: string | null; lat: number | null; lng: number | null } | null
  /** Who did it, as the recorder wrote it. */
  actor: string | null
  photos: string[]
  note: string | null
  /** The fields of the event's type (dose, lab result, quantity, ...). */
  details: Record<string, unknown>
}

/** One query: the batch row with its events aggregated in chain order. Null for an unknown id. */
export async function loadBatchProvenance(
  db: pg.Pool | pg.PoolClient,
  batchId: string,
): Promise<BatchProvenance | null> {
  const { rows } = await db.query(
    `SELECT ${BATCH_COLUMNS},
       COALESCE((
         SELECT json_agg(json_build_object(
           'id', e.id, 'seq', e.seq, 'type', e.type, 'occurred_at', e.occurred_at,
           'occurred_offset', e.occurred_offset, 'place_name', e.place_name,
           'place_lat', e.place_lat, 'place_lng', e.place_lng, 'actor_name', e.actor_name,
           'photos', e.photos, 'note', e.note, 'details', e.details) ORDER BY e.seq)
         FROM batch_event e WHERE e.batch_id = batch.id
       ), '[]'::json) AS events,
       (SELECT s.state FROM seller_state s WHERE s.seller_id = batch.seller_id) AS seller_state,
       NOT EXISTS (SELECT 1 FROM gtin_claim c
                   WHERE c.gtin = batch.gtin AND c.seller_id <> batch.seller_id) AS gtin_owned
     FROM batch WHERE id = $1`,
    [batchId],
  )
  const row = rows[0]
  if (!row) return null
  const b = batchFromRow(row)
  const iso = (date: Date | null) => (date ? date.toISOString() : null)
  const { vietgap, organic, ocopStars, ocopCertificateNumber, ocopExpiresOn } = b.certifications
  return {
    batch: {
      id: b.id,
      lot_code: b.lotCode,
      quantity: b.quantity,
      unit: b.unit,
      state: b.state,
      created_at: b.createdAt.toISOString(),
      sealed_at: iso(b.sealedAt),
      recalled_at: iso(b.recalledAt),
      recall_reason: b.recallReason,
      production_date: b.dates.harvestedOn ?? b.dates.producedOn,
      started_on: b.dates.startedOn,
      harvested_on: b.dates.harvestedOn,
      produced_on: b.dates.producedOn,
      packed_on: b.dates.packedOn,
      expires_on: b.dates.expiresOn,
      area: b.area,
    },
    product: {
      id: b.productId,
      title: b.productTitle,
      handle: b.productHandle,
      thumbnail: b.productThumbnail,
      // A GTIN another seller holds (gtin_claim) is not this batch's to answer for: its
      // Digital Links then resolve not_genuine, and its lots do not appear under that GTIN.
      gtin: row.gtin_owned ? b.gtin : null,
    },
    producer: {
      id: b.sellerId,
      handle: b.seller.handle,
      name: b.seller.name,
      kind: b.seller.kind,
      address: b.seller.address,
      phone: b.seller.phone,
      village_name: b.seller.villageName,
      commune_code: b.seller.communeCode,
      commune_name: b.seller.communeName,
      province_code: b.seller.provinceCode,
      province_name: b.seller.provinceName,
      state: row.seller_state ?? null,
    },
    certifications: {
      vietgap: vietgap
        ? { number: vietgap.number, valid_from: vietgap.validFrom, valid_until: vietgap.validUntil }
        : null,
      organic,
      ocop_stars: ocopStars,
      ocop: ocopStars
        ? { stars: ocopStars, certificate_number: ocopCertificateNumber, expires_on: ocopExpiresOn }
        : null,
    },
    // biome-ignore lint/suspicious/noExplicitAny: json_agg rows, shaped by the SELECT above
    events: (row.events as any[]).map((e) => ({
      id: e.id,
      seq: e.seq,
      type: e.type,
      occurred_at: isoWithOffset(new Date(e.occurred_at), e.occurred_offset),
      place:
        e.place_name === null && e.place_lat === null
          ? null
          : { name: e.place_name, lat: e.place_lat, lng: e.place_lng },
      actor: e.actor_name,
      photos: e.photos,
      note: e.note,
      details: e.details,
    })),
    chain: { events: b.eventCount, head_hash: b.eventHeadHash },
  }
}
