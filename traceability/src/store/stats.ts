import type pg from "pg"

export interface StatsFilter {
  /** Quarter bounds; null for every quarter. */
  start: Date | null
  end: Date | null
  communeCode: string | null
  provinceCode: string | null
  sellerId: string | null
}

export interface SellerStats {
  quarter: string
  seller_id: string
  seller_name: string
  commune_code: string
  commune_name: string
  province_code: string
  batches: number
  stamps_issued: number
  scans: number
  stamps_scanned: number
  counterfeit_signals: number
}

/**
 * Counts per quarter (Vietnam time) and seller: batches created, stamps issued, scans (those
 * that count: not a repeat from one network within the window), stamps scanned at least once,
 * and counterfeit signals: stamps whose first signal (a scan with a suspicious or voided verdict,
 * or located scans that proved a label copied) fell in the quarter, each stamp once, as the
 * indicator events count them. Sellers are placed by their batches' snapshot of the seller's
 * commune and province.
 */
export async function sellerStats(db: pg.Pool, filter: StatsFilter): Promise<SellerStats[]> {
  const { rows } = await db.query(
    `WITH b AS (
       SELECT id, seller_id, seller_name, seller_commune_code, seller_commune_name,
              seller_province_code, created_at
       FROM batch
       WHERE ($1::text IS NULL OR seller_commune_code = $1)
         AND ($2::text IS NULL OR seller_province_code = $2)
         AND ($3::text IS NULL OR seller_id = $3)
     ), facts (quarter, batch_id, batches, stamps, scans, scanned, signals) AS (
       SELECT to_char(created_at AT TIME ZONE 'Asia/Ho_Chi_Minh', 'YYYY-"Q"Q'), id, 1, 0, 0, 0, 0
       FROM b
       WHERE ($4::timestamptz IS NULL OR created_at >= $4) AND ($5::timestamptz IS NULL OR created_at < $5)
       UNION ALL
       SELECT to_char(s.issued_at AT TIME ZONE 'Asia/Ho_Chi_Minh', 'YYYY-"Q"Q'), s.batch_id,
              0, count(*), 0, 0, 0
       FROM stamp s JOIN b ON b.id = s.batch_id
       WHERE ($4::timestamptz IS NULL OR s.issued_at >= $4) AND ($5::timestamptz IS NULL OR s.issued_at < $5)
       GROUP BY 1, 2
       UNION ALL
       SELECT to_char(sc.scanned_at AT TIME ZONE 'Asia/Ho_Chi_Minh', 'YYYY-"Q"Q'), sc.batch_id,
              0, 0, count(*) FILTER (WHERE sc.counted), count(DISTINCT sc.serial), 0
       FROM scan sc JOIN b ON b.id = sc.batch_id
       WHERE ($4::timestamptz IS NULL OR sc.scanned_at >= $4) AND ($5::timestamptz IS NULL OR sc.scanned_at < $5)
       GROUP BY 1, 2
       UNION ALL
       SELECT to_char(ss.signalled_at AT TIME ZONE 'Asia/Ho_Chi_Minh', 'YYYY-"Q"Q'), s.batch_id,
              0, 0, 0, 0, count(*)
       FROM stamp_scan_summary ss JOIN stamp s ON s.serial = ss.serial JOIN b ON b.id = s.batch_id
       WHERE ss.signalled_at IS NOT NULL
         AND ($4::timestamptz IS NULL OR ss.signalled_at >= $4) AND ($5::timestamptz IS NULL OR ss.signalled_at < $5)
       GROUP BY 1, 2
     )
     SELECT f.quarter, b.seller_id,
            (array_agg(b.seller_name ORDER BY b.created_at DESC))[1] AS seller_name,
            b.seller_commune_code AS commune_code,
            (array_agg(b.seller_commune_name ORDER BY b.created_at DESC))[1] AS commune_name,
            b.seller_province_code AS province_code,
            sum(f.batches)::int AS batches, sum(f.stamps)::int AS stamps_issued,
            sum(f.scans)::int AS scans, sum(f.scanned)::int AS stamps_scanned,
            sum(f.signals)::int AS counterfeit_signals
     FROM facts f JOIN b ON b.id = f.batch_id
     GROUP BY f.quarter, b.seller_id, b.seller_commune_code, b.seller_province_code
     ORDER BY f.quarter, b.seller_commune_code, b.seller_id`,
    [filter.communeCode, filter.provinceCode, filter.sellerId, filter.start, filter.end],
  )
  return rows
}

export type CommuneStats = Omit<SellerStats, "seller_id" | "seller_name"> & { sellers: number }

/** The sellers' rows added up per quarter and commune. */
export function communeStats(sellers: readonly SellerStats[]): CommuneStats[] {
  const byKey = new Map<string, CommuneStats>()
  for (const row of sellers) {
    const key = `${row.quarter}/${row.commune_code}`
    const total = byKey.get(key) ?? {
      quarter: row.quarter,
      commune_code: row.commune_code,
      commune_name: row.commune_name,
      province_code: row.province_code,
      sellers: 0,
      batches: 0,
      stamps_issued: 0,
      scans: 0,
      stamps_scanned: 0,
      counterfeit_signals: 0,
    }
    total.sellers += 1
    total.batches += row.batches
    total.stamps_issued += row.stamps_issued
    total.scans += row.scans
    total.stamps_scanned += row.stamps_scanned
    total.counterfeit_signals += row.counterfeit_signals
    byKey.set(key, total)
  }
  return [...byKey.values()]
}

/** A stamp with a counterfeit signal, as a commune officer checks the COUNTERFEIT indicator. */
export interface CounterfeitStamp {
  serial: string
  seller_id: string
  seller_name: string
  commune_code: string
  product_title: string
  lot_code: string
  state: "issued" | "voided"
  /** When its first signal came: the quarter it is counted in. */
  signalled_at: string
  signal_count: number
  flagged_at: string | null
}

/**
 * The stamps whose first counterfeit signal fell in the quarter (every quarter with none), in
 * the area: the serials behind COUNTERFEIT, newest first, at most `limit`. Starts from the
 * signalled stamps (an index on signalled_at), which are few beside all stamps.
 */
export async function counterfeitStamps(
  db: pg.Pool,
  filter: Omit<StatsFilter, "sellerId">,
  limit = 500,
): Promise<CounterfeitStamp[]> {
  const { rows } = await db.query(
    `SELECT s.serial, b.seller_id, b.seller_name, b.seller_commune_code AS commune_code,
            b.product_title, b.lot_code, s.state, ss.signalled_at, ss.signal_count, ss.flagged_at
     FROM stamp_scan_summary ss
     JOIN stamp s ON s.serial = ss.serial
     JOIN batch b ON b.id = s.batch_id
     WHERE ss.signalled_at IS NOT NULL
       AND ($1::text IS NULL OR b.seller_commune_code = $1)
       AND ($2::text IS NULL OR b.seller_province_code = $2)
       AND ($3::timestamptz IS NULL OR ss.signalled_at >= $3)
       AND ($4::timestamptz IS NULL OR ss.signalled_at < $4)
     ORDER BY ss.signalled_at DESC, s.serial
     LIMIT $5`,
    [filter.communeCode, filter.provinceCode, filter.start, filter.end, limit],
  )
  return rows.map((row) => ({
    ...row,
    signalled_at: row.signalled_at.toISOString(),
    flagged_at: row.flagged_at?.toISOString() ?? null,
  }))
}
