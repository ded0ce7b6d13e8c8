import type pg from "pg"
import { stampUri } from "../domain/digital-link.js"
import { createSerial } from "../domain/serial.js"
import type { IssuedStamp } from "../domain/stamp.js"
import { inTransaction } from "../store/db.js"
import { insertStamps } from "../store/stamps.js"

/** What issuing needs to know: the signing key and the base of every stamp URI. */
export interface IssuerKeys {
  stampSigningSecret: string
  publicUrl: string
}

/** New stamps with the issue numbers firstSeq, firstSeq + 1, ... */
export function newStamps(
  keys: IssuerKeys,
  batch: { lotCode: string; gtin: string | null },
  firstSeq: number,
  count: number,
): IssuedStamp[] {
  const stamps: IssuedStamp[] = new Array(count)
  for (let i = 0; i < count; i++) {
    const serial = createSerial(keys.stampSigningSecret)
    const uri = stampUri({
      baseUrl: keys.publicUrl,
      serial,
      lotCode: batch.lotCode,
      gtin: batch.gtin,
    })
    stamps[i] = { serial, uri, seq: firstSeq + i }
  }
  return stamps
}

/**
 * Takes over the oldest unfinished job whose lease ran out (or never had one), or returns null.
 * SKIP LOCKED lets several instances claim at once without waiting on each other.
 */
export async function claimJob(
  pool: pg.Pool,
  owner: string,
  leaseMs: number,
): Promise<{ id: string; attempts: number } | null> {
  const { rows } = await pool.query<{ id: string; attempts: number }>(
    `UPDATE stamp_job SET lease_owner = $1, lease_until = now() + $2 * interval '1 millisecond',
       attempts = attempts + 1, state = 'running', started_at = coalesce(started_at, now())
     WHERE id = (
       SELECT id FROM stamp_job
       WHERE state IN ('pending', 'running') AND (lease_until IS NULL OR lease_until < now())
       ORDER BY created_at
       LIMIT 1
       FOR UPDATE SKIP LOCKED)
     RETURNING id, attempts`,
    [owner, leaseMs],
  )
  return rows[0] ?? null
}

export type ChunkOutcome = "more" | "done" | "lost" | "failed"

/**
 * Writes the job's next chunk of stamps and moves its progress in the same transaction, so a
 * crash anywhere loses at most an uncommitted chunk, which the next run writes again from the
 * committed progress. Each chunk re-checks the lease (another worker may have taken over a job
 * whose lease ran out) and extends it: the heartbeat. The batch is read FOR SHARE so a recall
 * waits for the chunk, and a recalled batch fails the job.
 */
export async function issueChunk(
  pool: pg.Pool,
  jobId: string,
  owner: string,
  keys: IssuerKeys,
  { chunkSize, leaseMs }: { chunkSize: number; leaseMs: number },
): Promise<ChunkOutcome> {
  return inTransaction(pool, async (client) => {
    const { rows } = await client.query(
      `SELECT j.batch_id, j.count, j.first_seq, j.issued, j.state, j.lease_owner,
              b.lot_code, b.gtin, b.state AS batch_state
       FROM stamp_job j JOIN batch b ON b.id = j.batch_id
       WHERE j.id = $1
       FOR UPDATE OF j FOR SHARE OF b`,
      [jobId],
    )
    const job = rows[0]
    if (!job || job.lease_owner !== owner || !["pending", "running"].includes(job.state)) {
      return "lost"
    }
    if (job.batch_state === "recalled") {
      await finishJob(client, jobId, "failed", "The batch was recalled; no more stamps are issued")
      return "failed"
    }
    const n = Math.min(chunkSize, job.count - job.issued)
    const batch = { lotCode: job.lot_code, gtin: job.gtin }
    await insertStamps(
      client,
      job.batch_id,
      jobId,
      newStamps(keys, batch, job.first_seq + job.issued, n),
    )
    const done = job.issued + n === job.count
    await client.query(
      `UPDATE stamp_job SET issued = issued + $2,
         state = CASE WHEN $3 THEN 'done' ELSE 'running' END,
         finished_at = CASE WHEN $3 THEN now() END,
         lease_owner = CASE WHEN $3 THEN NULL ELSE lease_owner END,
         lease_until = CASE WHEN $3 THEN NULL ELSE now() + $4 * interval '1 millisecond' END
       WHERE id = $1`,
      [jobId, n, done, leaseMs],
    )
    return done ? "done" : "more"
  })
}

/** Ends a job that cannot finish, with the reason its caller will see. */
export async function finishJob(
  db: pg.Pool | pg.PoolClient,
  jobId: string,
  state: "failed",
  error: string,
): Promise<void> {
  await db.query(
    `UPDATE stamp_job SET state = $2, error = $3, finished_at = now(), lease_owner = NULL,
       lease_until = NULL
     WHERE id = $1`,
    [jobId, state, error],
  )
}

/** Gives a job back (on a clean shutdown) so another worker resumes it at once. */
export async function releaseJob(pool: pg.Pool, jobId: string, owner: string): Promise<void> {
  await pool.query(
    "UPDATE stamp_job SET lease_owner = NULL, lease_until = NULL WHERE id = $1 AND lease_owner = $2",
    [jobId, owner],
  )
}
