import type { EventType } from "@coop/contracts/events"
import type pg from "pg"
import type { LotRef } from "../domain/epcis-capture.js"
import type { BatchEvent } from "../domain/event.js"
import { EVENT_COLUMNS, eventFromRow } from "./events.js"

/** Whose events a query may see: the rules of reading a batch (http/batch-access.ts). */
export type EventScope =
  | { kind: "all" }
  | { kind: "seller"; sellerId: string }
  | { kind: "commune"; code: string }
  | { kind: "province"; code: string }
  /** Anonymous: only the lots named, like the public per-batch export. */
  | { kind: "public" }
  | { kind: "none" }

export interface EventFilter {
  geEventTime: Date | null
  ltEventTime: Date | null
  geRecordTime: Date | null
  ltRecordTime: Date | null
  /** Recorded types allowed, or null for any. */
  types: EventType[] | null
  /** Each list must match (AND); within one, any lot (OR). null: no lot condition. */
  lotLists: LotRef[][]
  /** MATCH_epc / MATCH_anyEPC given: this service's events list no instance EPCs. */
  matchesNothing: boolean
  after: { recordedAt: string; id: string } | null
  limit: number
}

export interface QueriedEvent {
  event: BatchEvent
  batch: {
    id: string
    gtin: string | null
    lotCode: string
    harvestedOn: string | null
    producedOn: string | null
    expiresOn: string | null
    area: { village: string | null; plot: string | null; lat: number | null; lng: number | null }
  }
}

const day = (value: Date | string | null) =>
  value === null
    ? null
    : typeof value === "string"
      ? value.slice(0, 10)
      : `${value.getFullYear()}-${String(value.getMonth() + 1).padStart(2, "0")}-${String(value.getDate()).padStart(2, "0")}`

/** Events matching the filter, in record order (recorded_at, id), at most `limit`. */
export async function queryEvents(
  db: pg.Pool,
  scope: EventScope,
  filter: EventFilter,
): Promise<QueriedEvent[]> {
  if (scope.kind === "none" || filter.matchesNothing) return []
  if (filter.types && filter.types.length === 0) return []
  const values: unknown[] = []
  const param = (value: unknown) => {
    values.push(value)
    return `$${values.length}`
  }
  const where: string[] = []
  if (scope.kind === "seller") where.push(`b.seller_id = ${param(scope.sellerId)}`)
  if (scope.kind === "commune") where.push(`b.seller_commune_code = ${param(scope.code)}`)
  if (scope.kind === "province") where.push(`b.seller_province_code = ${param(scope.code)}`)
  if (filter.geEventTime) where.push(`e.occurred_at >= ${param(filter.geEventTime)}`)
  if (filter.ltEventTime) where.push(`e.occurred_at < ${param(filter.ltEventTime)}`)
  if (filter.geRecordTime) where.push(`e.recorded_at >= ${param(filter.geRecordTime)}`)
  if (filter.ltRecordTime) where.push(`e.recorded_at < ${param(filter.ltRecordTime)}`)
  if (filter.types) where.push(`e.type = ANY(${param(filter.types)}::text[])`)
  for (const lots of filter.lotLists) {
    if (lots.length === 0) return []
    const any = lots.map((lot) =>
      lot.kind === "batch"
        ? `b.id = ${param(lot.id)}::uuid`
        : // A GTIN another seller holds is never served under it (as in the resolver).
          `(b.gtin = ${param(lot.gtin)} AND b.lot_code = ${param(lot.lot)}
            AND NOT EXISTS (SELECT 1 FROM gtin_claim c WHERE c.gtin = b.gtin AND c.seller_id <> b.seller_id))`,
    )
    where.push(`(${any.join(" OR ")})`)
  }
  if (scope.kind === "public" && filter.lotLists.length === 0) return []
  if (filter.after) {
    where.push(
      `(e.recorded_at, e.id) > (${param(filter.after.recordedAt)}::timestamptz, ${param(filter.after.id)}::uuid)`,
    )
  }
  const columns = EVENT_COLUMNS.split(", ")
    .map((c) => `e.${c}`)
    .join(", ")
  const { rows } = await db.query(
    `SELECT ${columns}, b.gtin AS b_gtin, b.lot_code AS b_lot_code, b.harvested_on::text AS b_harvested_on,
       b.produced_on::text AS b_produced_on, b.expires_on::text AS b_expires_on,
       b.area_village AS b_area_village, b.area_plot AS b_area_plot, b.area_lat AS b_area_lat,
       b.area_lng AS b_area_lng
     FROM batch_event e JOIN batch b ON b.id = e.batch_id
     ${where.length ? `WHERE ${where.join(" AND ")}` : ""}
     ORDER BY e.recorded_at, e.id
     LIMIT ${param(filter.limit)}`,
    values,
  )
  return rows.map((row) => ({
    event: eventFromRow(row),
    batch: {
      id: row.batch_id,
      gtin: row.b_gtin,
      lotCode: row.b_lot_code,
      harvestedOn: day(row.b_harvested_on),
      producedOn: day(row.b_produced_on),
      expiresOn: day(row.b_expires_on),
      area: {
        village: row.b_area_village,
        plot: row.b_area_plot,
        lat: row.b_area_lat,
        lng: row.b_area_lng,
      },
    },
  }))
}

/** The batch a lot URI names, or null. */
export async function findLotBatchId(db: pg.Pool, lot: LotRef): Promise<string | null> {
  const { rows } =
    lot.kind === "batch"
      ? await db.query("SELECT id FROM batch WHERE id = $1::uuid", [lot.id])
      : await db.query(
          `SELECT b.id FROM batch b WHERE b.gtin = $1 AND b.lot_code = $2
             AND NOT EXISTS (SELECT 1 FROM gtin_claim c WHERE c.gtin = b.gtin AND c.seller_id <> b.seller_id)
           ORDER BY b.created_at LIMIT 1`,
          [lot.gtin, lot.lot],
        )
  return rows[0]?.id ?? null
}

export type CaptureStatus = "running" | "succeeded" | "failed"

export interface CaptureJob {
  id: string
  owner: string
  idempotencyKey: string | null
  documentHash: string
  status: CaptureStatus
  eventCount: number
  errors: { path: string; en: string; vi: string }[]
  createdAt: Date
  finishedAt: Date | null
}

const JOB_COLUMNS =
  "id, owner, idempotency_key, document_hash, status, event_count, errors, created_at, finished_at"

/**
 * A capture runs inside its request, its events in one transaction that also marks the job
 * succeeded. A job still "running" this long after it started lost its process midway: its
 * transaction was rolled back, so it is reported failed, with nothing written.
 */
export const CAPTURE_STALE_MS = 10 * 60_000

const INTERRUPTED = {
  path: "",
  en: "The capture was interrupted before it finished and nothing was written; send the document again with a new Idempotency-Key",
  vi: "Việc ghi nhận bị gián đoạn trước khi xong và chưa có gì được ghi; hãy gửi lại tài liệu với một Idempotency-Key mới",
}

// biome-ignore lint/suspicious/noExplicitAny: a row of JOB_COLUMNS
export function jobFromRow(row: Record<string, any>, now = Date.now()): CaptureJob {
  const createdAt = new Date(row.created_at)
  const stale = row.status === "running" && now - createdAt.getTime() > CAPTURE_STALE_MS
  return {
    id: row.id,
    owner: row.owner,
    idempotencyKey: row.idempotency_key,
    documentHash: row.document_hash,
    status: stale ? "failed" : row.status,
    eventCount: row.event_count,
    errors: stale ? [INTERRUPTED] : row.errors,
    createdAt,
    finishedAt: row.finished_at ? new Date(row.finished_at) : null,
  }
}

export async function findCaptureJob(
  db: pg.Pool | pg.PoolClient,
  by: { id: string } | { owner: string; idempotencyKey: string },
): Promise<CaptureJob | null> {
  const { rows } =
    "id" in by
      ? await db.query(`SELECT ${JOB_COLUMNS} FROM epcis_capture WHERE id = $1`, [by.id])
      : await db.query(
          `SELECT ${JOB_COLUMNS} FROM epcis_capture WHERE owner = $1 AND idempotency_key = $2`,
          [by.owner, by.idempotencyKey],
        )
  return rows[0] ? jobFromRow(rows[0]) : null
}

/** A new running job; null when the owner's Idempotency-Key is already taken. */
export async function insertCaptureJob(
  db: pg.Pool,
  job: { id: string; owner: string; idempotencyKey: string | null; documentHash: string },
): Promise<CaptureJob | null> {
  const { rows } = await db.query(
    `INSERT INTO epcis_capture (id, owner, idempotency_key, document_hash, status)
     VALUES ($1, $2, $3, $4, 'running')
     ON CONFLICT (owner, idempotency_key) DO NOTHING
     RETURNING ${JOB_COLUMNS}`,
    [job.id, job.owner, job.idempotencyKey, job.documentHash],
  )
  return rows[0] ? jobFromRow(rows[0]) : null
}

export async function finishCaptureJob(
  db: pg.Pool | pg.PoolClient,
  id: string,
  outcome: { status: "succeeded" | "failed"; eventCount: number; errors: CaptureJob["errors"] },
): Promise<void> {
  await db.query(
    "UPDATE epcis_capture SET status = $2, event_count = $3, errors = $4, finished_at = now() WHERE id = $1",
    [id, outcome.status, outcome.eventCount, JSON.stringify(outcome.errors)],
  )
}

const OWN_EVENT_ID = /^urn:uuid:([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i

/**
 * Whether the batch already holds this EPCIS event: captured before by the batch's seller, or
 * one of the batch's own events as its export names them (`urn:uuid:{event id}`), so capturing
 * an export back adds nothing.
 */
export async function alreadyHeld(
  db: pg.PoolClient,
  batch: { id: string; sellerId: string },
  eventId: string,
): Promise<boolean> {
  const own = OWN_EVENT_ID.exec(eventId)
  const { rows } = await db.query(
    `SELECT EXISTS (SELECT 1 FROM epcis_captured_event WHERE seller_id = $1 AND epcis_event_id = $2)
       OR EXISTS (SELECT 1 FROM batch_event WHERE batch_id = $3 AND id = $4::uuid) AS held`,
    [batch.sellerId, eventId, batch.id, own ? own[1]!.toLowerCase() : null],
  )
  return rows[0].held
}

export async function recordCapturedEvent(
  db: pg.PoolClient,
  row: { sellerId: string; epcisEventId: string; batchEventId: string; captureId: string },
): Promise<void> {
  await db.query(
    `INSERT INTO epcis_captured_event (seller_id, epcis_event_id, batch_event_id, capture_id)
     VALUES ($1, $2, $3, $4)`,
    [row.sellerId, row.epcisEventId, row.batchEventId, row.captureId],
  )
}
