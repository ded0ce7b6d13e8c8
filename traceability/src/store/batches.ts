import type pg from "pg"

export type BatchState = "open" | "sealed" | "recalled"

/** What a caller supplies to create a batch. */
export interface NewBatch {
  sellerId: string
  productId: string
  productTitle: string
  gtin: string | null
  lotCode: string
  quantity: number
  unit: string
  createdBy: string
}

/** A stored batch: what was supplied plus what the database assigns. */
export interface Batch extends NewBatch {
  id: string
  state: BatchState
  createdAt: Date
}

interface BatchRow {
  id: string
  seller_id: string
  product_id: string
  product_title: string
  gtin: string | null
  lot_code: string
  quantity: string
  unit: string
  state: BatchState
  created_at: Date
  created_by: string
}

export const BATCH_COLUMNS =
  "id, seller_id, product_id, product_title, gtin, lot_code, quantity, unit, state, created_at, created_by"

export function batchFromRow(row: BatchRow): Batch {
  return {
    id: row.id,
    sellerId: row.seller_id,
    productId: row.product_id,
    productTitle: row.product_title,
    gtin: row.gtin,
    lotCode: row.lot_code,
    // numeric comes back as a string; quantities of produce fit a double comfortably.
    quantity: Number(row.quantity),
    unit: row.unit,
    state: row.state,
    createdAt: row.created_at,
    createdBy: row.created_by,
  }
}

/** Thrown when the seller already has a batch with this lot code for this product. */
export class DuplicateLotError extends Error {}

export async function insertBatch(db: pg.Pool | pg.PoolClient, batch: NewBatch): Promise<Batch> {
  try {
    const { rows } = await db.query<BatchRow>(
      `INSERT INTO batch (seller_id, product_id, product_title, gtin, lot_code, quantity, unit, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       RETURNING ${BATCH_COLUMNS}`,
      [
        batch.sellerId,
        batch.productId,
        batch.productTitle,
        batch.gtin,
        batch.lotCode,
        batch.quantity,
        batch.unit,
        batch.createdBy,
      ],
    )
    return batchFromRow(rows[0]!)
  } catch (error) {
    if ((error as { code?: string }).code === "23505") {
      throw new DuplicateLotError(
        `Product ${batch.productId} already has a batch with lot code ${batch.lotCode}`,
      )
    }
    throw error
  }
}

/** The batch, or null; `forUpdate` locks its row until the transaction ends. */
export async function findBatch(
  db: pg.Pool | pg.PoolClient,
  id: string,
  { forUpdate = false } = {},
): Promise<Batch | null> {
  const { rows } = await db.query<BatchRow>(
    `SELECT ${BATCH_COLUMNS} FROM batch WHERE id = $1${forUpdate ? " FOR UPDATE" : ""}`,
    [id],
  )
  return rows[0] ? batchFromRow(rows[0]) : null
}
