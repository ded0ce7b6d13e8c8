import type { ListedStamp, StampSummary } from "@coop/contracts/stamps"
import type pg from "pg"

/** A stamp as its seller sees it on the portal: its state and what its scans say. */
export type StampListRow = ListedStamp

/**
 * One page of a batch's stamps in issue order after `afterSeq` (keyset paging on
 * stamp_batch_seq_key), each with its scan summary and counterfeit signals. `signalsOnly` keeps
 * the stamps that have any: what a seller looks for first.
 */
export async function stampListPage(
  db: pg.Pool,
  batchId: string,
  { afterSeq, limit, signalsOnly }: { afterSeq: number; limit: number; signalsOnly: boolean },
): Promise<StampListRow[]> {
  const { rows } = await db.query(
    `SELECT s.seq, s.serial, s.uri, s.state, s.issued_at, s.voided_at, s.void_reason,
            coalesce(ss.scan_count, 0) AS scan_count, ss.last_scanned_at,
            sig.n AS counterfeit_signals
     FROM stamp s
     LEFT JOIN stamp_scan_summary ss ON ss.serial = s.serial
     CROSS JOIN LATERAL (
       SELECT CASE WHEN ss.serial IS NULL THEN 0 ELSE
         (SELECT count(*) FROM scan sc
           WHERE sc.serial = s.serial AND sc.verdict IN ('suspicious', 'voided'))::int
         + (SELECT count(*) FROM scan_location l
           WHERE l.serial = s.serial AND l.impossible_travel)::int
       END AS n
     ) sig
     WHERE s.batch_id = $1 AND s.seq > $2
       -- Only a scanned stamp can carry a signal, so the filter touches scanned stamps only.
       AND (NOT $4::boolean OR (ss.serial IS NOT NULL AND sig.n > 0))
     ORDER BY s.seq
     LIMIT $3`,
    [batchId, afterSeq, limit, signalsOnly],
  )
  return rows.map((row) => ({
    ...row,
    issued_at: row.issued_at.toISOString(),
    voided_at: row.voided_at?.toISOString() ?? null,
    last_scanned_at: row.last_scanned_at?.toISOString() ?? null,
  }))
}

/** The batch's totals: stamps by state, stamps scanned, scans and counterfeit signals. */
export async function stampSummary(db: pg.Pool, batchId: string): Promise<StampSummary> {
  const { rows } = await db.query(
    `SELECT
       (SELECT count(*) FROM stamp WHERE batch_id = $1 AND state = 'issued')::int AS issued,
       (SELECT count(*) FROM stamp WHERE batch_id = $1 AND state = 'voided')::int AS voided,
       (SELECT count(DISTINCT serial) FROM scan WHERE batch_id = $1)::int AS scanned,
       (SELECT count(*) FROM scan WHERE batch_id = $1)::int AS scans,
       (SELECT count(*) FROM scan WHERE batch_id = $1 AND verdict IN ('suspicious', 'voided'))::int
       + (SELECT count(*) FROM scan_location l JOIN stamp s ON s.serial = l.serial
           WHERE s.batch_id = $1 AND l.impossible_travel)::int AS counterfeit_signals`,
    [batchId],
  )
  return rows[0]
}
