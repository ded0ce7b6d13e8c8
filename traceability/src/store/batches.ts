import type pg from "pg"
import type { Batch, BatchDetails, BatchState, NewBatch } from "../domain/batch.js"
import { msg, type Text } from "../messages.js"

export const BATCH_COLUMNS = [
  "id",
  "seller_id",
  "product_id",
  "product_title",
  "product_handle",
  "product_thumbnail",
  "gtin",
  "lot_code",
  "quantity",
  "unit",
  "state",
  "created_at",
  "created_by",
  "created_by_type",
  "on_behalf_of",
  "updated_at",
  "sealed_at",
  "recalled_at",
  "recall_reason",
  "seller_handle",
  "seller_name",
  "seller_kind",
  "seller_address",
  "seller_phone",
  "seller_commune_code",
  "seller_commune_name",
  "seller_province_code",
  "seller_province_name",
  "seller_village_name",
  "area_village",
  "area_plot",
  "area_lat",
  "area_lng",
  "started_on",
  "harvested_on",
  "produced_on",
  "packed_on",
  "expires_on",
  "vietgap_number",
  "vietgap_valid_from",
  "vietgap_valid_until",
  "organic_certifier",
  "organic_number",
  "ocop_stars",
  "ocop_certificate_number",
  "ocop_expires_on",
  "event_count",
  "event_head_hash",
].join(", ")

// biome-ignore lint/suspicious/noExplicitAny: a row of BATCH_COLUMNS, read field by field below
export type BatchRow = Record<string, any>

/**
 * node-postgres turns `date` into a Date at local midnight; a date is a calendar day, so read it
 * back in local time (or take the text when a query casts it).
 */
export function calendarDate(value: Date | string | null): string | null {
  if (value === null) return null
  if (typeof value === "string") return value.slice(0, 10)
  const pad = (n: number) => String(n).padStart(2, "0")
  return `${value.getFullYear()}-${pad(value.getMonth() + 1)}-${pad(value.getDate())}`
}

export function batchFromRow(row: BatchRow): Batch {
  const date = calendarDate
  return {
    id: row.id,
    sellerId: row.seller_id,
    productId: row.product_id,
    productTitle: row.product_title,
    productHandle: row.product_handle,
    productThumbnail: row.product_thumbnail,
    gtin: row.gtin,
    lotCode: row.lot_code,
    // numeric comes back as a string; quantities of produce fit a double comfortably.
    quantity: Number(row.quantity),
    unit: row.unit,
    state: row.state,
    createdAt: row.created_at,
    createdBy: row.created_by,
    createdByType: row.created_by_type,
    onBehalfOf: row.on_behalf_of,
    updatedAt: row.updated_at,
    sealedAt: row.sealed_at,
    recalledAt: row.recalled_at,
    recallReason: row.recall_reason,
    seller: {
      handle: row.seller_handle,
      name: row.seller_name,
      kind: row.seller_kind,
      address: row.seller_address,
      phone: row.seller_phone,
      communeCode: row.seller_commune_code,
      communeName: row.seller_commune_name,
      provinceCode: row.seller_province_code,
      provinceName: row.seller_province_name,
      villageName: row.seller_village_name,
    },
    area: {
      village: row.area_village,
      plot: row.area_plot,
      lat: row.area_lat,
      lng: row.area_lng,
    },
    dates: {
      startedOn: date(row.started_on),
      harvestedOn: date(row.harvested_on),
      producedOn: date(row.produced_on),
      packedOn: date(row.packed_on),
      expiresOn: date(row.expires_on),
    },
    certifications: {
      vietgap:
        row.vietgap_number === null
          ? null
          : {
              number: row.vietgap_number,
              validFrom: date(row.vietgap_valid_from)!,
              validUntil: date(row.vietgap_valid_until)!,
            },
      organic:
        row.organic_certifier === null
          ? null
          : { certifier: row.organic_certifier, number: row.organic_number },
      ocopStars: row.ocop_stars,
      ocopCertificateNumber: row.ocop_certificate_number,
      ocopExpiresOn: date(row.ocop_expires_on),
    },
    eventCount: row.event_count,
    eventHeadHash: row.event_head_hash,
  }
}

/** The detail columns in a fixed order, for INSERT and UPDATE alike. */
function detailValues(details: BatchDetails): [string, unknown][] {
  const { area, dates, certifications: c } = details
  return [
    ["quantity", details.quantity],
    ["unit", details.unit],
    ["area_village", area.village],
    ["area_plot", area.plot],
    ["area_lat", area.lat],
    ["area_lng", area.lng],
    ["started_on", dates.startedOn],
    ["harvested_on", dates.harvestedOn],
    ["produced_on", dates.producedOn],
    ["packed_on", dates.packedOn],
    ["expires_on", dates.expiresOn],
    ["vietgap_number", c.vietgap?.number ?? null],
    ["vietgap_valid_from", c.vietgap?.validFrom ?? null],
    ["vietgap_valid_until", c.vietgap?.validUntil ?? null],
    ["organic_certifier", c.organic?.certifier ?? null],
    ["organic_number", c.organic?.number ?? null],
    ["ocop_stars", c.ocopStars],
    ["ocop_certificate_number", c.ocopCertificateNumber],
    ["ocop_expires_on", c.ocopExpiresOn],
  ]
}

/** Thrown when the seller already has a batch with this lot code for this product. */
export class DuplicateLotError extends Error {
  constructor(readonly text: Text) {
    super(text.en)
  }
}

export async function insertBatch(db: pg.Pool | pg.PoolClient, batch: NewBatch): Promise<Batch> {
  const s = batch.seller
  const columns: [string, unknown][] = [
    ["seller_id", batch.sellerId],
    ["product_id", batch.productId],
    ["product_title", batch.productTitle],
    ["product_handle", batch.productHandle],
    ["product_thumbnail", batch.productThumbnail],
    ["gtin", batch.gtin],
    ["lot_code", batch.lotCode],
    ["created_by", batch.createdBy],
    ["created_by_type", batch.createdByType],
    ["on_behalf_of", batch.onBehalfOf],
    ["seller_handle", s.handle],
    ["seller_name", s.name],
    ["seller_kind", s.kind],
    ["seller_address", s.address],
    ["seller_phone", s.phone],
    ["seller_commune_code", s.communeCode],
    ["seller_commune_name", s.communeName],
    ["seller_province_code", s.provinceCode],
    ["seller_province_name", s.provinceName],
    ["seller_village_name", s.villageName],
    ...detailValues(batch),
  ]
  try {
    const { rows } = await db.query(
      `INSERT INTO batch (${columns.map(([name]) => name).join(", ")})
       VALUES (${columns.map((_, i) => `$${i + 1}`).join(", ")})
       RETURNING ${BATCH_COLUMNS}`,
      columns.map(([, value]) => value),
    )
    return batchFromRow(rows[0]!)
  } catch (error) {
    if ((error as { code?: string }).code === "23505") {
      throw new DuplicateLotError(msg.duplicateLot(batch.productId, batch.lotCode))
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
  const { rows } = await db.query(
    `SELECT ${BATCH_COLUMNS} FROM batch WHERE id = $1${forUpdate ? " FOR UPDATE" : ""}`,
    [id],
  )
  return rows[0] ? batchFromRow(rows[0]) : null
}

/** Writes new details (and state) of a batch locked by the caller. */
export async function updateBatch(
  db: pg.PoolClient,
  id: string,
  details: BatchDetails,
  state: { state: BatchState; recallReason: string | null },
): Promise<Batch> {
  const columns = detailValues(details)
  const n = columns.length
  const { rows } = await db.query(
    `UPDATE batch SET ${columns.map(([name], i) => `${name} = $${i + 2}`).join(", ")},
       state = $${n + 2},
       sealed_at = CASE WHEN $${n + 2} = 'sealed' AND sealed_at IS NULL THEN now() ELSE sealed_at END,
       recalled_at = CASE WHEN $${n + 2} = 'recalled' AND recalled_at IS NULL THEN now() ELSE recalled_at END,
       recall_reason = $${n + 3},
       updated_at = now()
     WHERE id = $1
     RETURNING ${BATCH_COLUMNS}`,
    [id, ...columns.map(([, value]) => value), state.state, state.recallReason],
  )
  return batchFromRow(rows[0]!)
}

export interface BatchPage {
  batches: Batch[]
  total: number
}

/**
 * Batches of a seller, or of a commune or province (officers), newest first (indexes
 * batch_seller_created_idx, batch_commune_created_idx, batch_province_created_idx).
 */
export async function listBatches(
  db: pg.Pool,
  filter: {
    sellerId: string | null
    state?: BatchState
    productId?: string
    communeCode?: string | null
    provinceCode?: string | null
  },
  page: { limit: number; offset: number },
): Promise<BatchPage> {
  const where = `($1::text IS NULL OR seller_id = $1) AND ($2::text IS NULL OR state = $2)
     AND ($3::text IS NULL OR product_id = $3)
     AND ($4::text IS NULL OR seller_commune_code = $4)
     AND ($5::text IS NULL OR seller_province_code = $5)`
  const values = [
    filter.sellerId,
    filter.state ?? null,
    filter.productId ?? null,
    filter.communeCode ?? null,
    filter.provinceCode ?? null,
  ]
  const { rows } = await db.query(
    `SELECT ${BATCH_COLUMNS}, count(*) OVER ()::int AS total_count
     FROM batch
     WHERE ${where}
     ORDER BY created_at DESC, id
     LIMIT $6 OFFSET $7`,
    [...values, page.limit, page.offset],
  )
  if (rows.length === 0 && page.offset > 0) {
    // Past the last page the window count is gone; count separately so `total` stays right.
    const counted = await db.query(`SELECT count(*)::int AS n FROM batch WHERE ${where}`, values)
    return { batches: [], total: counted.rows[0].n }
  }
  return { batches: rows.map(batchFromRow), total: rows[0]?.total_count ?? 0 }
}

/** Ids of the batches of a GTIN (index batch_gtin_lot_idx). */
export async function batchIdsOfGtin(db: pg.Pool | pg.PoolClient, gtin: string): Promise<string[]> {
  const { rows } = await db.query<{ id: string }>("SELECT id FROM batch WHERE gtin = $1", [gtin])
  return rows.map((row) => row.id)
}
