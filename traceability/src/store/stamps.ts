import type pg from "pg"
import type { Batch } from "../domain/batch.js"
import type {
  IssuedStamp,
  Stamp,
  StampJob,
  StampState,
  VoidedBy,
  VoidResult,
} from "../domain/stamp.js"
import type { SheetLayout } from "../render/layout.js"
import { BATCH_COLUMNS, batchFromRow } from "./batches.js"
import { batchCountEventSql } from "./outbox.js"

const JOB_COLUMNS =
  "id, batch_id, idempotency_key, count, first_seq, issued, state, layout, created_at, created_by_type, created_by, on_behalf_of, finished_at, error"

// biome-ignore lint/suspicious/noExplicitAny: a row of JOB_COLUMNS, read field by field
function jobFromRow(row: Record<string, any>): StampJob {
  return {
    id: row.id,
    batchId: row.batch_id,
    idempotencyKey: row.idempotency_key,
    count: row.count,
    firstSeq: row.first_seq,
    issued: row.issued,
    state: row.state,
    layout: row.layout,
    createdAt: row.created_at,
    createdByType: row.created_by_type,
    createdBy: row.created_by,
    onBehalfOf: row.on_behalf_of,
    finishedAt: row.finished_at,
    error: row.error,
  }
}

type Db = pg.Pool | pg.PoolClient

export async function findJob(db: Db, id: string): Promise<StampJob | null> {
  const { rows } = await db.query(`SELECT ${JOB_COLUMNS} FROM stamp_job WHERE id = $1`, [id])
  return rows[0] ? jobFromRow(rows[0]) : null
}

export async function findJobByKey(
  db: Db,
  batchId: string,
  idempotencyKey: string,
): Promise<StampJob | null> {
  const { rows } = await db.query(
    `SELECT ${JOB_COLUMNS} FROM stamp_job WHERE batch_id = $1 AND idempotency_key = $2`,
    [batchId, idempotencyKey],
  )
  return rows[0] ? jobFromRow(rows[0]) : null
}

export interface NewStampJob {
  batchId: string
  idempotencyKey: string
  count: number
  layout: SheetLayout
  createdByType: string
  createdBy: string
  onBehalfOf: string | null
}

/**
 * Creates a job and reserves its issue numbers. The caller holds the batch row lock, which makes
 * "the next free number" safe to read; stamps issued before jobs existed count too.
 * `complete` marks it done at once, for a caller that writes all its stamps in this transaction.
 */
export async function insertJob(
  client: pg.PoolClient,
  job: NewStampJob,
  { complete }: { complete: boolean },
): Promise<StampJob> {
  const { rows } = await client.query(
    `INSERT INTO stamp_job (batch_id, idempotency_key, count, first_seq, issued, state, layout,
                            created_by_type, created_by, on_behalf_of, started_at, finished_at)
     SELECT $1, $2, $3,
            GREATEST(
              (SELECT max(first_seq + count) FROM stamp_job WHERE batch_id = $1),
              (SELECT max(seq) + 1 FROM stamp WHERE batch_id = $1),
              1),
            CASE WHEN $4 THEN $3 ELSE 0 END, CASE WHEN $4 THEN 'done' ELSE 'pending' END,
            $5, $6, $7, $8,
            CASE WHEN $4 THEN now() END, CASE WHEN $4 THEN now() END
     RETURNING ${JOB_COLUMNS}`,
    [
      job.batchId,
      job.idempotencyKey,
      job.count,
      complete,
      JSON.stringify(job.layout),
      job.createdByType,
      job.createdBy,
      job.onBehalfOf,
    ],
  )
  return jobFromRow(rows[0])
}

/**
 * Inserts stamps with one statement, whatever their number, and in the same statement the
 * `stamps.issued` indicator event that counts them (one per call: a request's stamps, or one
 * committed chunk of a background job).
 */
export async function insertStamps(
  client: pg.PoolClient,
  batchId: string,
  jobId: string,
  stamps: IssuedStamp[],
): Promise<void> {
  await client.query(
    `WITH issued AS (
       INSERT INTO stamp (serial, batch_id, uri, seq, job_id)
       SELECT serial, $4::uuid, uri, seq, $5
       FROM unnest($1::text[], $2::text[], $3::int[]) AS s (serial, uri, seq)
       RETURNING 1
     )
     ${batchCountEventSql("stamps.issued", "$4::uuid", "SELECT count(*) FROM issued")}`,
    [
      stamps.map((s) => s.serial),
      stamps.map((s) => s.uri),
      stamps.map((s) => s.seq),
      batchId,
      jobId,
    ],
  )
}

export interface StampRow extends IssuedStamp {
  state: StampState
}

/**
 * One page of a batch's stamps in issue order, after `afterSeq` and up to `toSeq` (keyset paging
 * on stamp_batch_seq_key: every page costs the same however deep into 100,000 stamps it is).
 */
export async function stampPage(
  db: Db,
  batchId: string,
  {
    afterSeq,
    toSeq,
    limit,
    issuedOnly,
  }: { afterSeq: number; toSeq: number; limit: number; issuedOnly: boolean },
): Promise<StampRow[]> {
  const { rows } = await db.query<StampRow>(
    `SELECT serial, uri, seq, state FROM stamp
     WHERE batch_id = $1 AND seq > $2 AND seq <= $3 ${issuedOnly ? "AND state = 'issued'" : ""}
     ORDER BY seq
     LIMIT $4`,
    [batchId, afterSeq, toSeq, limit],
  )
  return rows
}

/** All stamps of a batch (or of an issue-number range), read page by page in issue order. */
export async function* stampsInOrder(
  db: pg.Pool,
  batchId: string,
  { fromSeq = 1, toSeq = 2_147_483_647, issuedOnly = false, pageSize = 2000 } = {},
): AsyncGenerator<StampRow[]> {
  let afterSeq = fromSeq - 1
  while (true) {
    const page = await stampPage(db, batchId, { afterSeq, toSeq, limit: pageSize, issuedOnly })
    if (page.length === 0) return
    yield page
    if (page.length < pageSize) return
    afterSeq = page[page.length - 1]!.seq
  }
}

/** The stamps of a job, in issue order; only the ones written so far for an unfinished job. */
export async function jobStamps(db: Db, job: StampJob): Promise<IssuedStamp[]> {
  const { rows } = await db.query<IssuedStamp>(
    `SELECT serial, uri, seq FROM stamp
     WHERE batch_id = $1 AND seq BETWEEN $2 AND $3
     ORDER BY seq`,
    [job.batchId, job.firstSeq, job.firstSeq + job.count - 1],
  )
  return rows
}

/** Issue numbers of these serials within the batch; serials of other batches are left out. */
export async function seqsOf(
  db: Db,
  batchId: string,
  serials: string[],
): Promise<Map<string, number>> {
  const { rows } = await db.query<{ serial: string; seq: number }>(
    "SELECT serial, seq FROM stamp WHERE batch_id = $1 AND serial = ANY($2::text[])",
    [batchId, serials],
  )
  return new Map(rows.map((row) => [row.serial, row.seq]))
}

/**
 * Voids the batch's stamps chosen by issue-number range or by serial; stamps voided before keep
 * who voided them first and why. The same statement writes the `stamps.voided` indicator event
 * counting the stamps it voided (none when it voided none).
 */
export async function voidStamps(
  client: pg.PoolClient,
  batchId: string,
  selection: { fromSeq: number; toSeq: number } | { serials: string[] },
  by: VoidedBy,
): Promise<VoidResult> {
  const [where, values] =
    "serials" in selection
      ? ["serial = ANY($2::text[])", [selection.serials]]
      : ["seq BETWEEN $2 AND $3", [selection.fromSeq, selection.toSeq]]
  const next = values.length + 2
  const { rows } = await client.query<{ voided: number; already: number }>(
    `WITH chosen AS (
       SELECT serial, state FROM stamp WHERE batch_id = $1 AND ${where} FOR UPDATE
     ), changed AS (
       UPDATE stamp s SET state = 'voided', voided_at = now(), voided_by_type = $${next},
         voided_by = $${next + 1}, voided_on_behalf_of = $${next + 2}, void_reason = $${next + 3}
       FROM chosen WHERE s.serial = chosen.serial AND chosen.state = 'issued'
       RETURNING 1
     ), event AS (
       ${batchCountEventSql("stamps.voided", "$1", "SELECT count(*) FROM changed")}
     )
     SELECT (SELECT count(*) FROM changed)::int AS voided,
            (SELECT count(*) FROM chosen WHERE state = 'voided')::int AS already`,
    [batchId, ...values, by.actorType, by.actorId, by.onBehalfOf, by.reason],
  )
  return { voided: rows[0]!.voided, alreadyVoided: rows[0]!.already }
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
