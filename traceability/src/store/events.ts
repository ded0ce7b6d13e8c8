import { randomUUID } from "node:crypto"
import type pg from "pg"
import type { Batch } from "../domain/batch.js"
import type { BatchEvent, NewEvent, Recorder } from "../domain/event.js"
import {
  type ChainedEvent,
  canonicalJson,
  eventHash,
  GENESIS_HASH,
  type HashedEvent,
} from "../domain/hash-chain.js"

export const EVENT_COLUMNS =
  "id, batch_id, seq, type, occurred_at, occurred_offset, place_name, place_lat, place_lng, actor_name, photos, note, details, recorded_at, recorded_by_type, recorded_by_id, on_behalf_of, prev_hash, hash"

// biome-ignore lint/suspicious/noExplicitAny: a row of EVENT_COLUMNS, read field by field below
export type EventRow = Record<string, any>

export function eventFromRow(row: EventRow): BatchEvent {
  const hasPlace = row.place_name !== null || row.place_lat !== null
  return {
    id: row.id,
    batchId: row.batch_id,
    seq: row.seq,
    type: row.type,
    occurredAt: new Date(row.occurred_at),
    occurredOffset: row.occurred_offset,
    place: hasPlace ? { name: row.place_name, lat: row.place_lat, lng: row.place_lng } : null,
    actorName: row.actor_name,
    photos: row.photos,
    note: row.note,
    details: row.details,
    recordedAt: new Date(row.recorded_at),
    recordedBy: {
      actorType: row.recorded_by_type,
      actorId: row.recorded_by_id,
      onBehalfOf: row.on_behalf_of,
    },
    prevHash: row.prev_hash,
    hash: row.hash,
  }
}

/** The content the chain protects, exactly as stored. */
export function hashedEvent(event: Omit<BatchEvent, "prevHash" | "hash">): HashedEvent {
  return {
    id: event.id,
    batch_id: event.batchId,
    seq: event.seq,
    type: event.type,
    occurred_at: event.occurredAt.toISOString(),
    occurred_offset: event.occurredOffset,
    place_name: event.place?.name ?? null,
    place_lat: event.place?.lat ?? null,
    place_lng: event.place?.lng ?? null,
    actor_name: event.actorName,
    photos: event.photos,
    note: event.note,
    details: event.details as HashedEvent["details"],
    recorded_at: event.recordedAt.toISOString(),
    recorded_by_type: event.recordedBy.actorType,
    recorded_by_id: event.recordedBy.actorId,
    on_behalf_of: event.recordedBy.onBehalfOf,
  }
}

/**
 * Appends an event to a batch whose row the caller holds FOR UPDATE (that lock is what keeps
 * two concurrent appends from taking the same seq and forking the chain), and moves the
 * batch's chain head to it.
 */
export async function appendEvent(
  db: pg.PoolClient,
  lockedBatch: Batch,
  input: NewEvent,
  recorder: Recorder,
  idempotencyKey: string | null = null,
): Promise<BatchEvent> {
  const unhashed = {
    ...input,
    id: randomUUID(),
    batchId: lockedBatch.id,
    seq: lockedBatch.eventCount + 1,
    // Millisecond precision on both times: what is hashed must be exactly what reads back.
    occurredAt: new Date(input.occurredAt.getTime()),
    recordedAt: new Date(),
    recordedBy: recorder,
  }
  const prevHash = lockedBatch.eventHeadHash ?? GENESIS_HASH
  const content = hashedEvent(unhashed)
  const hash = eventHash(content, prevHash)
  const { rows } = await db.query(
    `INSERT INTO batch_event (${EVENT_COLUMNS}, idempotency_key)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20)
     RETURNING ${EVENT_COLUMNS}`,
    [
      content.id,
      content.batch_id,
      content.seq,
      content.type,
      content.occurred_at,
      content.occurred_offset,
      content.place_name,
      content.place_lat,
      content.place_lng,
      content.actor_name,
      JSON.stringify(content.photos),
      content.note,
      JSON.stringify(content.details),
      content.recorded_at,
      content.recorded_by_type,
      content.recorded_by_id,
      content.on_behalf_of,
      prevHash,
      hash,
      idempotencyKey,
    ],
  )
  await db.query(
    "UPDATE batch SET event_count = $2, event_head_hash = $3, updated_at = now() WHERE id = $1",
    [lockedBatch.id, content.seq, hash],
  )
  return eventFromRow(rows[0]!)
}

/** The batch's event recorded under this Idempotency-Key, if any. */
export async function findEventByKey(
  db: pg.PoolClient,
  batchId: string,
  idempotencyKey: string,
): Promise<BatchEvent | null> {
  const { rows } = await db.query(
    `SELECT ${EVENT_COLUMNS} FROM batch_event WHERE batch_id = $1 AND idempotency_key = $2`,
    [batchId, idempotencyKey],
  )
  return rows[0] ? eventFromRow(rows[0]) : null
}

/**
 * Whether a stored event says what a new request says: everything the recorder wrote (type,
 * time with its offset, place, who, photos, note, details), not when or by whom it arrived.
 */
export function sameContent(stored: BatchEvent, input: NewEvent): boolean {
  const written = (event: NewEvent) =>
    canonicalJson({
      type: event.type,
      occurred_at: event.occurredAt.toISOString(),
      occurred_offset: event.occurredOffset,
      place: event.place ? { ...event.place } : null,
      actor_name: event.actorName,
      photos: event.photos,
      note: event.note,
      details: event.details as HashedEvent["details"],
    })
  return written(stored) === written(input)
}

/** A batch's events in chain order. */
export async function listEvents(
  db: pg.Pool | pg.PoolClient,
  batchId: string,
): Promise<BatchEvent[]> {
  const { rows } = await db.query(
    `SELECT ${EVENT_COLUMNS} FROM batch_event WHERE batch_id = $1 ORDER BY seq`,
    [batchId],
  )
  return rows.map(eventFromRow)
}

/** The stored events as the chain verifier reads them. */
export function chainOf(events: BatchEvent[]): ChainedEvent[] {
  return events.map((event) => ({
    event: hashedEvent(event),
    prevHash: event.prevHash,
    hash: event.hash,
  }))
}
