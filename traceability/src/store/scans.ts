import type pg from "pg"
import type { ScanSummary } from "../cache/scan-counts.js"
import type { Verdict } from "../domain/verdict.js"

/** What the resolver needs of a stamp; the rest of the provenance comes from its batch. */
export interface StampRecord {
  serial: string
  batchId: string
  uri: string
  state: "issued" | "voided"
  issuedAt: Date
}

interface SummaryRow {
  scan_count: number | null
  first_scanned_at: Date | null
  last_scanned_at: Date | null
  flagged_at: Date | null
}

const summaryFromRow = (row: SummaryRow | undefined): ScanSummary => ({
  count: row?.scan_count ?? 0,
  firstScannedAt: row?.first_scanned_at ?? null,
  lastScannedAt: row?.last_scanned_at ?? null,
  flagged: Boolean(row?.flagged_at),
})

export interface StampForScan {
  stamp: StampRecord
  summary: ScanSummary
}

/**
 * Stamps and their scan summaries in one indexed read, for every serial the resolver missed in
 * its cache during one turn of the event loop. A named statement: PostgreSQL plans it once per
 * connection.
 */
export async function findStampsForScan(
  db: pg.Pool,
  serials: readonly string[],
): Promise<Map<string, StampForScan>> {
  const { rows } = await db.query({
    name: "find-stamps-for-scan",
    text: `SELECT s.serial, s.batch_id, s.uri, s.state, s.issued_at,
                  ss.scan_count, ss.first_scanned_at, ss.last_scanned_at, ss.flagged_at
           FROM stamp s LEFT JOIN stamp_scan_summary ss ON ss.serial = s.serial
           WHERE s.serial = ANY($1::text[])`,
    values: [serials],
  })
  const found = new Map<string, StampForScan>()
  for (const row of rows) {
    found.set(row.serial, {
      stamp: {
        serial: row.serial,
        batchId: row.batch_id,
        uri: row.uri,
        state: row.state,
        issuedAt: row.issued_at,
      },
      summary: summaryFromRow(row),
    })
  }
  return found
}

export async function findScanSummary(db: pg.Pool, serial: string): Promise<ScanSummary> {
  const { rows } = await db.query<SummaryRow>({
    name: "find-scan-summary",
    text: `SELECT scan_count, first_scanned_at, last_scanned_at, flagged_at
           FROM stamp_scan_summary WHERE serial = $1`,
    values: [serial],
  })
  return summaryFromRow(rows[0])
}

/**
 * The batch a Digital Link lot names. A batch whose GTIN another seller holds (gtin_claim) is
 * never served under it; a GTIN nobody claimed yet (rows written behind the API) still resolves.
 */
export async function findBatchIdByLot(
  db: pg.Pool,
  gtin: string,
  lotCode: string,
): Promise<string | null> {
  const { rows } = await db.query<{ id: string }>(
    `SELECT b.id FROM batch b
     WHERE b.gtin = $1 AND b.lot_code = $2
       AND NOT EXISTS (SELECT 1 FROM gtin_claim c WHERE c.gtin = b.gtin AND c.seller_id <> b.seller_id)
     ORDER BY b.created_at LIMIT 1`,
    [gtin, lotCode],
  )
  return rows[0]?.id ?? null
}

export interface ProductLot {
  id: string
  lot_code: string
  state: string
  production_date: string | null
  expires_on: string | null
}

/**
 * The newest batches of a GTIN, newest first, leaving out those of sellers other than the one
 * holding it: what the product level of the resolver shows.
 */
export async function findLotsByGtin(db: pg.Pool, gtin: string, limit = 20): Promise<ProductLot[]> {
  const { rows } = await db.query<ProductLot>(
    `SELECT b.id, b.lot_code, b.state,
            to_char(COALESCE(b.harvested_on, b.produced_on), 'YYYY-MM-DD') AS production_date,
            to_char(b.expires_on, 'YYYY-MM-DD') AS expires_on
     FROM batch b
     WHERE b.gtin = $1
       AND NOT EXISTS (SELECT 1 FROM gtin_claim c WHERE c.gtin = b.gtin AND c.seller_id <> b.seller_id)
     ORDER BY b.created_at DESC LIMIT $2`,
    [gtin, limit],
  )
  return rows
}

/** One scan as the scan log writes it. */
export interface ScanRow {
  id: string
  serial: string
  batchId: string
  scannedAt: Date
  number: number
  verdict: Exclude<Verdict, "not_genuine">
  userAgentFamily: string
  language: string | null
  ipPrefix: string | null
}

/**
 * Writes scans with one statement, and adds them to their stamps' summaries in the same
 * statement. Scan ids make a retried write harmless: rows already written are skipped and not
 * counted twice. Summary rows are locked in serial order, so two instances writing at once
 * cannot deadlock.
 *
 * The same statement writes the `scans.recorded` indicator events of what it wrote: one per
 * batch and quarter (Vietnam's time) among the written scans, counting scans, first scans and
 * counterfeit signals, computed from the rows this statement wrote (so a retried write adds no
 * event either). A stamp's first scan is its earliest scan in the write that took its summary
 * from no scans to some: the summary upsert returns the new count, and when that equals this
 * write's count for the stamp, no scan of it was written before (checked under the summary row's
 * lock, so two instances writing scans of one stamp at once count one first scan between them).
 * Counterfeit signals are scans with a `suspicious` or `voided` verdict, as in stats.ts (located
 * scans that prove an impossible journey are recorded later, by the location post, and are not
 * part of these events). Scans of forged or unknown serials never reach the scan log: they have
 * no stamp, hence no batch or seller to be attributed to, and appear in no event. Returns the
 * number of events written.
 */
export async function insertScans(db: pg.Pool, scans: readonly ScanRow[]): Promise<number> {
  const { rowCount } = await db.query({
    name: "insert-scans",
    text: `WITH input AS (
       SELECT * FROM unnest($1::uuid[], $2::text[], $3::uuid[], $4::timestamptz[], $5::int[],
                            $6::text[], $7::text[], $8::text[], $9::text[])
         AS r (id, serial, batch_id, scanned_at, number, verdict, user_agent_family, language,
               ip_prefix)
     ), written AS (
       INSERT INTO scan (id, serial, batch_id, scanned_at, number, verdict, user_agent_family,
                         language, ip_prefix)
       SELECT * FROM input
       ON CONFLICT (id) DO NOTHING
       RETURNING serial, batch_id, scanned_at, verdict
     ), per_stamp AS (
       SELECT serial, (array_agg(batch_id))[1] AS batch_id, count(*)::int AS n,
              min(scanned_at) AS first_at, max(scanned_at) AS last_at
       FROM written GROUP BY serial
     ), summary AS (
       INSERT INTO stamp_scan_summary AS ss (serial, scan_count, first_scanned_at, last_scanned_at)
       SELECT serial, n, first_at, last_at
       FROM per_stamp ORDER BY serial
       ON CONFLICT (serial) DO UPDATE SET
         scan_count = ss.scan_count + EXCLUDED.scan_count,
         first_scanned_at = LEAST(ss.first_scanned_at, EXCLUDED.first_scanned_at),
         last_scanned_at = GREATEST(ss.last_scanned_at, EXCLUDED.last_scanned_at)
       RETURNING ss.serial, ss.scan_count
     ), facts (batch_id, at, scans, first_scans, counterfeit) AS (
       SELECT batch_id, scanned_at, 1, 0, CASE WHEN verdict IN ('suspicious', 'voided') THEN 1 ELSE 0 END
       FROM written
       UNION ALL
       SELECT p.batch_id, p.first_at, 0, 1, 0
       FROM per_stamp p JOIN summary s ON s.serial = p.serial
       WHERE s.scan_count = p.n
     ), grouped AS (
       SELECT batch_id, sum(scans)::int AS scans, sum(first_scans)::int AS first_scans,
              sum(counterfeit)::int AS counterfeit, max(at) AS occurred_at
       FROM facts
       GROUP BY batch_id, date_trunc('quarter', at AT TIME ZONE 'Asia/Ho_Chi_Minh')
     )
     INSERT INTO outbox_event (type, payload, occurred_at)
     SELECT 'scans.recorded',
            jsonb_build_object('seller_id', b.seller_id, 'product_id', b.product_id,
                               'batch_id', b.id, 'count', g.scans,
                               'first_scans', g.first_scans, 'counterfeit', g.counterfeit),
            g.occurred_at
     FROM grouped g JOIN batch b ON b.id = g.batch_id
     ORDER BY g.occurred_at`,
    values: [
      scans.map((s) => s.id),
      scans.map((s) => s.serial),
      scans.map((s) => s.batchId),
      scans.map((s) => s.scannedAt),
      scans.map((s) => s.number),
      scans.map((s) => s.verdict),
      scans.map((s) => s.userAgentFamily),
      scans.map((s) => s.language),
      scans.map((s) => s.ipPrefix),
    ],
  })
  return rowCount ?? 0
}

export interface ScanLocation {
  scanId: string
  serial: string
  scannedAt: Date
  lat: number
  lng: number
  accuracyM: number | null
}

export interface LocatedScanRow {
  lat: number
  lng: number
  accuracy_m: number | null
  scanned_at: Date
}

/**
 * Stores a scan's location unless it has one, and returns the stamp's other located scans within
 * `windowMinutes` of it (for the travel check); null when the scan already had a location.
 */
export async function insertScanLocation(
  db: pg.PoolClient,
  location: ScanLocation,
  windowMinutes: number,
): Promise<LocatedScanRow[] | null> {
  const inserted = await db.query(
    `INSERT INTO scan_location (scan_id, serial, scanned_at, lat, lng, accuracy_m)
     VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (scan_id) DO NOTHING`,
    [
      location.scanId,
      location.serial,
      location.scannedAt,
      location.lat,
      location.lng,
      location.accuracyM,
    ],
  )
  if (inserted.rowCount === 0) return null
  const { rows } = await db.query<LocatedScanRow>(
    `SELECT lat, lng, accuracy_m, scanned_at FROM scan_location
     WHERE serial = $1 AND scan_id <> $2
       AND scanned_at BETWEEN $3::timestamptz - make_interval(mins => $4)
                          AND $3::timestamptz + make_interval(mins => $4)`,
    [location.serial, location.scanId, location.scannedAt, windowMinutes],
  )
  return rows
}

/** Marks the location as a counterfeit signal and flags its stamp as suspicious from now on. */
export async function flagImpossibleTravel(db: pg.PoolClient, location: ScanLocation) {
  await db.query("UPDATE scan_location SET impossible_travel = true WHERE scan_id = $1", [
    location.scanId,
  ])
  await db.query(
    `INSERT INTO stamp_scan_summary AS ss (serial, flagged_at) VALUES ($1, now())
     ON CONFLICT (serial) DO UPDATE SET flagged_at = COALESCE(ss.flagged_at, EXCLUDED.flagged_at)`,
    [location.serial],
  )
}
