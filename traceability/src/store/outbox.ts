import type pg from "pg"

/**
 * The outbox of indicator events for the Medusa backend (migration 005). Rows are written by the
 * statements that change what they count (stamps.ts, scans.ts), in the same transaction, and
 * delivered by src/jobs/outbox-deliverer.ts. The backend applies each event id once.
 */

export type OutboxEventType = "stamps.issued" | "stamps.voided" | "scans.recorded"

/**
 * SQL that writes one `stamps.issued` or `stamps.voided` event for a batch, for use as (part of)
 * a statement of the transaction that issued or voided the stamps: `count` is an SQL expression
 * of the number of stamps (no event when it is 0). The seller and product come from the batch
 * row; `occurred_at` is the transaction's time, which is also the stamps' `issued_at` or
 * `voided_at`.
 */
export function batchCountEventSql(
  type: "stamps.issued" | "stamps.voided",
  batchId: string,
  count: string,
): string {
  return `INSERT INTO outbox_event (type, payload, occurred_at)
     SELECT '${type}',
            jsonb_build_object('seller_id', b.seller_id, 'product_id', b.product_id,
                               'batch_id', b.id, 'count', c.n),
            now()
     FROM batch b, (SELECT (${count})::int AS n) c
     WHERE b.id = ${batchId} AND c.n > 0`
}

/** A claimed row, as the deliverer sends it. */
export interface OutboxRow {
  id: string
  type: OutboxEventType
  payload: Record<string, unknown>
  occurredAt: Date
  createdAt: Date
  attempts: number
}

/**
 * Claims up to `limit` due, undelivered rows, oldest first, and hides them from other deliverers
 * for `leaseMs` (longer than a POST may take) by moving their `next_attempt_at`. SKIP LOCKED lets
 * several deliverers claim at once without waiting for each other or taking the same rows; the
 * lease keeps a row claimed by a deliverer that died mid-POST away until it runs out, then the row
 * is due again: nothing is lost, and at worst it is sent twice.
 */
export async function claimOutbox(
  db: pg.Pool,
  limit: number,
  leaseMs: number,
): Promise<OutboxRow[]> {
  const { rows } = await db.query(
    `WITH due AS (
       SELECT id FROM outbox_event
       WHERE delivered_at IS NULL AND next_attempt_at <= now()
       ORDER BY created_at
       LIMIT $1
       FOR UPDATE SKIP LOCKED
     ), claimed AS (
       UPDATE outbox_event o SET next_attempt_at = now() + $2 * interval '1 millisecond'
       FROM due WHERE o.id = due.id
       RETURNING o.id, o.type, o.payload, o.occurred_at, o.created_at, o.attempts
     )
     SELECT * FROM claimed ORDER BY created_at, id`,
    [limit, leaseMs],
  )
  return rows.map((row) => ({
    id: row.id,
    type: row.type,
    payload: row.payload,
    occurredAt: row.occurred_at,
    createdAt: row.created_at,
    attempts: row.attempts,
  }))
}

/** The receiver took these rows (a 2xx answer). */
export async function markDelivered(db: pg.Pool, ids: readonly string[]): Promise<void> {
  await db.query(
    `UPDATE outbox_event SET delivered_at = now(), attempts = attempts + 1, last_error = NULL
     WHERE id = ANY($1::uuid[]) AND delivered_at IS NULL`,
    [ids],
  )
}

/**
 * A POST of these rows failed: they are due again after an exponential backoff (`baseMs`, twice
 * that after the second failure, ... at most `maxMs`), with the error kept for operators.
 */
export async function markFailed(
  db: pg.Pool,
  ids: readonly string[],
  error: string,
  { baseMs, maxMs }: { baseMs: number; maxMs: number },
): Promise<void> {
  await db.query(
    `UPDATE outbox_event SET attempts = attempts + 1, last_error = $2,
       next_attempt_at = now()
         + LEAST($4::float8, $3::float8 * power(2, LEAST(attempts, 30))) * interval '1 millisecond'
     WHERE id = ANY($1::uuid[]) AND delivered_at IS NULL`,
    [ids, error.slice(0, 1000), baseMs, maxMs],
  )
}

/** Deletes at most `limit` rows delivered more than `olderThanMs` ago; returns how many. */
export async function purgeDelivered(
  db: pg.Pool,
  olderThanMs: number,
  limit: number,
): Promise<number> {
  const { rowCount } = await db.query(
    `DELETE FROM outbox_event WHERE id IN (
       SELECT id FROM outbox_event
       WHERE delivered_at < now() - $1 * interval '1 millisecond'
       ORDER BY delivered_at
       LIMIT $2
       FOR UPDATE SKIP LOCKED)`,
    [olderThanMs, limit],
  )
  return rowCount ?? 0
}
