import type pg from "pg"
import type { SellerState } from "../domain/seller-trust.js"

type Db = pg.Pool | pg.PoolClient

export interface SellerStateFact {
  sellerId: string
  state: SellerState
  /** The backend's state_changed_at; null when the state never changed (still pending). */
  changedAt: Date | null
}

/**
 * Records what the backend says of sellers' states. A fact older than the stored one is ignored,
 * so a late push or a lookup answered before a suspension cannot undo it. Returns the sellers
 * whose stored state changed.
 */
export async function recordSellerStates(db: Db, facts: SellerStateFact[]): Promise<string[]> {
  if (facts.length === 0) return []
  const { rows } = await db.query<{ seller_id: string }>(
    `WITH given AS (
       SELECT * FROM unnest($1::text[], $2::text[], $3::timestamptz[]) AS g(seller_id, state, changed_at)
     ), old AS (
       SELECT s.seller_id, s.state FROM seller_state s JOIN given USING (seller_id)
     ), written AS (
       INSERT INTO seller_state AS s (seller_id, state, changed_at)
       SELECT DISTINCT ON (seller_id) seller_id, state, changed_at FROM given
       ORDER BY seller_id, changed_at DESC NULLS LAST
       ON CONFLICT (seller_id) DO UPDATE
         SET state = excluded.state, changed_at = excluded.changed_at, received_at = now()
         WHERE s.changed_at IS NULL OR excluded.changed_at >= s.changed_at
       RETURNING s.seller_id, s.state
     )
     SELECT w.seller_id FROM written w LEFT JOIN old o USING (seller_id)
     WHERE o.state IS DISTINCT FROM w.state`,
    [
      facts.map((f) => f.sellerId),
      facts.map((f) => f.state),
      facts.map((f) => f.changedAt?.toISOString() ?? null),
    ],
  )
  return rows.map((r) => r.seller_id)
}

/** The GTIN's seller: claimed now by this seller when nobody holds it yet. */
export async function claimGtin(
  db: Db,
  gtin: string,
  sellerId: string,
  writer: { actorType: string; actorId: string },
): Promise<string> {
  const { rows } = await db.query<{ seller_id: string }>(
    `WITH claimed AS (
       INSERT INTO gtin_claim (gtin, seller_id, claimed_by_type, claimed_by)
       VALUES ($1, $2, $3, $4)
       ON CONFLICT (gtin) DO NOTHING
       RETURNING seller_id
     )
     SELECT seller_id FROM claimed
     UNION ALL
     SELECT seller_id FROM gtin_claim WHERE gtin = $1
     LIMIT 1`,
    [gtin, sellerId, writer.actorType, writer.actorId],
  )
  return rows[0]!.seller_id
}

/** An operator's decision: the GTIN belongs to this seller from now on. */
export async function assignGtin(
  db: Db,
  gtin: string,
  sellerId: string,
  writer: { actorType: string; actorId: string },
): Promise<void> {
  await db.query(
    `INSERT INTO gtin_claim (gtin, seller_id, claimed_by_type, claimed_by)
     VALUES ($1, $2, $3, $4)
     ON CONFLICT (gtin) DO UPDATE
       SET seller_id = excluded.seller_id, claimed_at = now(),
           claimed_by_type = excluded.claimed_by_type, claimed_by = excluded.claimed_by`,
    [gtin, sellerId, writer.actorType, writer.actorId],
  )
}

/**
 * Reserves `count` stamps of the seller's quota for the day, in the caller's transaction (a
 * rolled-back issuance gives them back). The row's lock makes concurrent requests of one seller
 * take turns, so together they never pass the limit. Returns how many the day had used before.
 */
export async function reserveStampQuota(
  client: pg.PoolClient,
  sellerId: string,
  day: string,
  count: number,
  limit: number,
): Promise<{ granted: boolean; used: number }> {
  const { rows } = await client.query<{ issued: number }>(
    `INSERT INTO stamp_quota_usage AS u (seller_id, day, issued)
     VALUES ($1, $2, $3)
     ON CONFLICT (seller_id, day) DO UPDATE SET issued = u.issued + excluded.issued
     RETURNING issued`,
    [sellerId, day, count],
  )
  const after = rows[0]!.issued
  return { granted: after <= limit, used: after - count }
}
