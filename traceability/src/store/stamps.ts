import type pg from "pg"
import { BATCH_COLUMNS, type Batch, batchFromRow } from "./batches.js"

export type StampState = "issued" | "voided"

export interface Stamp {
  serial: string
  batchId: string
  uri: string
  state: StampState
  issuedAt: Date
}

export interface IssuedStamp {
  serial: string
  uri: string
}

/** Stamps issued earlier for this batch under this Idempotency-Key, in serial order. */
export async function findStampsByIdempotencyKey(
  db: pg.PoolClient,
  batchId: string,
  idempotencyKey: string,
): Promise<IssuedStamp[]> {
  const { rows } = await db.query<IssuedStamp>(
    "SELECT serial, uri FROM stamp WHERE batch_id = $1 AND idempotency_key = $2 ORDER BY serial",
    [batchId, idempotencyKey],
  )
  return rows
}

/** Inserts all stamps with one statement, whatever their number. */
export async function insertStamps(
  db: pg.PoolClient,
  batchId: string,
  stamps: IssuedStamp[],
  idempotencyKey: string | null,
): Promise<void> {
  await db.query(
    `INSERT INTO stamp (serial, batch_id, uri, idempotency_key)
     SELECT serial, $3, uri, $4 FROM unnest($1::text[], $2::text[]) AS s (serial, uri)`,
    [stamps.map((s) => s.serial), stamps.map((s) => s.uri), batchId, idempotencyKey],
  )
}

/** A stamp with its batch, in one indexed lookup: the scan resolver's only query. */
export async function findStampWithBatch(
  db: pg.Pool,
  serial: string,
): Promise<{ stamp: Stamp; batch: Batch } | null> {
  const batchColumns = BATCH_COLUMNS.split(", ")
    .map((column) => `b.${column}`)
    .join(", ")
  const { rows } = await db.query(
    `SELECT s.serial, s.uri, s.state AS stamp_state, s.issued_at, ${batchColumns}
     FROM stamp s JOIN batch b ON b.id = s.batch_id
     WHERE s.serial = $1`,
    [serial],
  )
  const row = rows[0]
  if (!row) return null
  return {
    stamp: {
      serial: row.serial,
      batchId: row.id,
      uri: row.uri,
      state: row.stamp_state,
      issuedAt: row.issued_at,
    },
    batch: batchFromRow(row),
  }
}

/** Just the URI of a stamp, for drawing its QR code. */
export async function findStampUri(db: pg.Pool, serial: string): Promise<string | null> {
  const { rows } = await db.query<{ uri: string }>("SELECT uri FROM stamp WHERE serial = $1", [
    serial,
  ])
  return rows[0]?.uri ?? null
}
