import type pg from "pg"
import { NETWORKS_KEPT, type StoredSummary } from "../cache/scan-counts.js"
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
  /** Network -> its latest scan of the stamp, epoch ms (stamp_scan_summary.networks). */
  networks: Record<string, number> | null
}

const summaryFromRow = (row: SummaryRow | undefined): StoredSummary => {
  const seen = Object.entries(row?.networks ?? {})
    .map(([network, at]): [string, number] => [network, Number(at)])
    .sort((a, b) => b[1] - a[1])
  return {
    count: row?.scan_count ?? 0,
    firstScannedAt: row?.first_scanned_at ?? null,
    lastScannedAt: row?.last_scanned_at ?? null,
    flagged: Boolean(row?.flagged_at),
    networks: seen.length,
    seen,
  }
}

export interface StampForScan {
  stamp: StampRecord
  summary: StoredSummary
}

/**
 * Stamps and their scan summaries (with the networks that scanned them) in one indexed read, for
 * every serial the resolver missed in its cache during one turn of the event loop. A named
 * statement: PostgreSQL plans it once per connection.
 */
export async function findStampsForScan(
  db: pg.Pool,
  serials: readonly string[],
): Promise<Map<string, StampForScan>> {
  const { rows } = await db.query({
    name: "find-stamps-for-scan",
    text: `SELECT s.serial, s.batch_id, s.uri, s.state, s.issued_at,
                  ss.scan_count, ss.first_scanned_at, ss.last_scanned_at, ss.flagged_at,
                  ss.networks
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

export async function findScanSummary(db: pg.Pool, serial: string): Promise<StoredSummary> {
  const { rows } = await db.query<SummaryRow>({
    name: "find-scan-summary",
    text: `SELECT scan_count, first_scanned_at, last_scanned_at, flagged_at, networks
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
  /** Whether it counts toward the public SCANS (not a repeat from its network, see countsAsScan). */
  counted: boolean
}

/**
 * Writes scans with one statement, and adds them to their stamps' summaries and networks in the
 * same statement. Scan ids make a retried write harmless: rows already written are skipped and
 * not counted twice. Summary rows are locked in key order, so two instances writing at once
 * cannot deadlock.
 *
 * A summary's `networks` keeps, per network, its last *counted* scan (a network's first scan of
 * the stamp, or its first after a quiet spell of the repeat window): repeats change nothing there,
 * so a stamp scanned again and again from one place costs no merge of its networks. A restarted
 * instance therefore measures the repeat window from that counted scan, where the running one
 * measured it from the latest scan; the distinct networks (the suspicious rule) are the same.
 *
 * The same statement writes the `scans.recorded` indicator events of what it wrote: one per
 * batch and quarter (Vietnam's time) among the written scans, with
 * - `count`: the written scans that count toward SCANS (`counted`: not a repeat of its network
 *   within the window), as `/stats` counts them;
 * - `first_scans`: a stamp's first scan is its earliest scan in the write that took its summary
 *   from no scans to some: the summary upsert returns the new count, and when that equals this
 *   write's count for the stamp, no scan of it was written before (checked under the summary
 *   row's lock, so two instances writing scans of one stamp at once count one first scan);
 * - `counterfeit`: stamps whose first counterfeit signal (a `suspicious` or `voided` scan) is in
 *   this write, found the same way with the summary's `signal_count`; a stamp flagged earlier,
 *   by another write or a location post (`stamps.flagged`), is not counted again.
 * Events whose counts are all zero (a flood of repeats) are not written. Scans of forged or
 * unknown serials never reach the scan log: they have no stamp, hence no batch or seller to be
 * attributed to, and appear in no event. Returns the number of events written.
 */
export async function insertScans(db: pg.Pool, scans: readonly ScanRow[]): Promise<number> {
  const { rowCount } = await db.query({
    name: "insert-scans",
    text: `WITH input AS (
       SELECT * FROM unnest($1::uuid[], $2::text[], $3::uuid[], $4::timestamptz[], $5::int[],
                            $6::text[], $7::text[], $8::text[], $9::text[], $10::boolean[])
         AS r (id, serial, batch_id, scanned_at, number, verdict, user_agent_family, language,
               ip_prefix, counted)
     ), written AS (
       INSERT INTO scan (id, serial, batch_id, scanned_at, number, verdict, user_agent_family,
                         language, ip_prefix, counted)
       SELECT * FROM input
       ON CONFLICT (id) DO NOTHING
       RETURNING serial, batch_id, scanned_at, verdict, ip_prefix, counted
     ), per_stamp AS (
       SELECT serial, (array_agg(batch_id))[1] AS batch_id, count(*)::int AS n,
              min(scanned_at) AS first_at, max(scanned_at) AS last_at,
              (count(*) FILTER (WHERE verdict IN ('suspicious', 'voided')))::int AS signals,
              min(scanned_at) FILTER (WHERE verdict IN ('suspicious', 'voided')) AS first_signal_at
       FROM written GROUP BY serial
     ), per_network AS (
       SELECT serial, ip_prefix, max(scanned_at) AS at FROM written
       WHERE ip_prefix IS NOT NULL AND counted GROUP BY serial, ip_prefix
     ), stamp_networks AS (
       SELECT serial, count(*) AS n,
              jsonb_object_agg(ip_prefix, (extract(epoch FROM at) * 1000)::bigint) AS networks
       FROM per_network GROUP BY serial
     ), summary AS (
       INSERT INTO stamp_scan_summary AS ss
         (serial, scan_count, first_scanned_at, last_scanned_at, signal_count, signalled_at,
          networks)
       SELECT p.serial, p.n, p.first_at, p.last_at, p.signals, p.first_signal_at,
              CASE WHEN sn.n > ${NETWORKS_KEPT}
                THEN merge_scan_networks('{}'::jsonb, sn.networks, ${NETWORKS_KEPT})
                ELSE COALESCE(sn.networks, '{}'::jsonb) END
       FROM per_stamp p LEFT JOIN stamp_networks sn ON sn.serial = p.serial
       ORDER BY p.serial
       ON CONFLICT (serial) DO UPDATE SET
         scan_count = ss.scan_count + EXCLUDED.scan_count,
         first_scanned_at = LEAST(ss.first_scanned_at, EXCLUDED.first_scanned_at),
         last_scanned_at = GREATEST(ss.last_scanned_at, EXCLUDED.last_scanned_at),
         signal_count = ss.signal_count + EXCLUDED.signal_count,
         signalled_at = COALESCE(ss.signalled_at, EXCLUDED.signalled_at),
         networks = merge_scan_networks(ss.networks, EXCLUDED.networks, ${NETWORKS_KEPT})
       RETURNING ss.serial, ss.scan_count, ss.signal_count
     ), facts (batch_id, at, scans, first_scans, counterfeit) AS (
       SELECT batch_id, scanned_at, CASE WHEN counted THEN 1 ELSE 0 END, 0, 0
       FROM written
       UNION ALL
       SELECT p.batch_id, p.first_at, 0, 1, 0
       FROM per_stamp p JOIN summary s ON s.serial = p.serial
       WHERE s.scan_count = p.n
       UNION ALL
       SELECT p.batch_id, p.first_signal_at, 0, 0, 1
       FROM per_stamp p JOIN summary s ON s.serial = p.serial
       WHERE p.signals > 0 AND s.signal_count = p.signals
     ), grouped AS (
       SELECT batch_id, sum(scans)::int AS scans, sum(first_scans)::int AS first_scans,
              sum(counterfeit)::int AS counterfeit, max(at) AS occurred_at
       FROM facts
       GROUP BY batch_id, date_trunc('quarter', at AT TIME ZONE 'Asia/Ho_Chi_Minh')
       HAVING sum(scans) + sum(first_scans) + sum(counterfeit) > 0
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
      scans.map((s) => s.counted),
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
  /** The network of the located scan (from the scan log), null when unknown or not yet written. */
  ip_prefix: string | null
}

/**
 * Stores a scan's location unless it has one, and returns the stamp's other located scans within
 * `windowMinutes` of it, with their scans' networks (for the travel check); null when the scan
 * already had a location.
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
    `SELECT l.lat, l.lng, l.accuracy_m, l.scanned_at, sc.ip_prefix
     FROM scan_location l LEFT JOIN scan sc ON sc.id = l.scan_id
     WHERE l.serial = $1 AND l.scan_id <> $2
       AND l.scanned_at BETWEEN $3::timestamptz - make_interval(mins => $4)
                            AND $3::timestamptz + make_interval(mins => $4)`,
    [location.serial, location.scanId, location.scannedAt, windowMinutes],
  )
  return rows
}

/** The network a written scan came from; null when unknown or not written yet. */
export async function findScanNetwork(db: pg.PoolClient, scanId: string): Promise<string | null> {
  const { rows } = await db.query<{ ip_prefix: string | null }>(
    "SELECT ip_prefix FROM scan WHERE id = $1",
    [scanId],
  )
  return rows[0]?.ip_prefix ?? null
}

/**
 * Marks the location as a counterfeit signal and flags its stamp as suspicious from now on. When
 * this is the stamp's first counterfeit signal, it also writes the `stamps.flagged` indicator
 * event (in the caller's transaction), so COUNTERFEIT counts the stamp once.
 */
export async function flagImpossibleTravel(db: pg.PoolClient, location: ScanLocation) {
  await db.query("UPDATE scan_location SET impossible_travel = true WHERE scan_id = $1", [
    location.scanId,
  ])
  await db.query(
    `WITH summary AS (
       INSERT INTO stamp_scan_summary AS ss (serial, flagged_at, signal_count, signalled_at)
       VALUES ($1, now(), 1, $2)
       ON CONFLICT (serial) DO UPDATE SET
         flagged_at = COALESCE(ss.flagged_at, EXCLUDED.flagged_at),
         signal_count = ss.signal_count + 1,
         signalled_at = COALESCE(ss.signalled_at, EXCLUDED.signalled_at)
       RETURNING ss.signal_count
     )
     INSERT INTO outbox_event (type, payload, occurred_at)
     SELECT 'stamps.flagged',
            jsonb_build_object('seller_id', b.seller_id, 'product_id', b.product_id,
                               'batch_id', b.id, 'count', 1),
            $2
     FROM summary, stamp s JOIN batch b ON b.id = s.batch_id
     WHERE summary.signal_count = 1 AND s.serial = $1`,
    [location.serial, location.scannedAt],
  )
}
