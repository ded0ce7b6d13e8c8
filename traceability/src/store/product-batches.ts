import type pg from "pg"

/**
 * The newest batch of a product that has not been recalled, or null: what the shop's product
 * page shows as the product's origin. Walks batch_product_created_idx newest first and stops at
 * the first batch that is not recalled.
 */
export async function findLatestBatchId(
  db: pg.Pool | pg.PoolClient,
  productId: string,
): Promise<string | null> {
  const { rows } = await db.query<{ id: string }>(
    `SELECT id FROM batch
     WHERE product_id = $1 AND state <> 'recalled'
     ORDER BY created_at DESC, id DESC LIMIT 1`,
    [productId],
  )
  return rows[0]?.id ?? null
}
