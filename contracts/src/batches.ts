/**
 * A production batch (lô) as the traceability service answers it to the people who may read it
 * (POST /batches, GET /batches/:id, the pages of GET /batches, PATCH, seal, recall) and the
 * seller's portal shows it: the product and seller as the backend described them when the batch
 * was created, the details the seller keeps while it is open, the registry's OCOP certificate,
 * the head of its event chain. Times are ISO 8601 instants, dates YYYY-MM-DD.
 */
import { z } from "zod"

export const BATCH_STATES = ["open", "sealed", "recalled"] as const
export type BatchState = (typeof BATCH_STATES)[number]

export const SELLER_KINDS = ["cooperative", "household"] as const

const nullableString = z.string().nullable()

/** The seller as the backend described it when the batch was created. */
export const batchSellerSchema = z.object({
  handle: z.string(),
  name: z.string(),
  /** null only for batches created before sellers were copied onto them. */
  kind: z.enum(SELLER_KINDS).nullable(),
  address: nullableString,
  phone: nullableString,
  commune_code: z.string(),
  commune_name: z.string(),
  province_code: z.string(),
  province_name: z.string(),
  village_name: nullableString,
})

export const batchRecordSchema = z.object({
  id: z.string(),
  seller_id: z.string(),
  product_id: z.string(),
  product_title: z.string(),
  product_handle: z.string(),
  product_thumbnail: nullableString,
  gtin: nullableString,
  lot_code: z.string(),
  quantity: z.number(),
  unit: z.string(),
  state: z.enum(BATCH_STATES),
  seller: batchSellerSchema,
  area: z.object({
    village: nullableString,
    plot: nullableString,
    lat: z.number().nullable(),
    lng: z.number().nullable(),
  }),
  dates: z.object({
    started_on: nullableString,
    harvested_on: nullableString,
    produced_on: nullableString,
    packed_on: nullableString,
    expires_on: nullableString,
  }),
  certifications: z.object({
    vietgap: z
      .object({ number: z.string(), valid_from: z.string(), valid_until: z.string() })
      .nullable(),
    organic: z.object({ certifier: z.string(), number: z.string() }).nullable(),
    ocop_stars: z.number().int().nullable(),
    /** The commune OCOP registry's certificate, copied at every write; null without stars. */
    ocop: z
      .object({
        stars: z.number().int(),
        certificate_number: nullableString,
        expires_on: nullableString,
      })
      .nullable(),
  }),
  /** The event chain: how many events, and the last one's hash (null before the first). */
  events: z.object({ count: z.number().int(), head_hash: nullableString }),
  created_at: z.string(),
  /** The creator's actor id and type; for a helper, the seller it acted for. */
  created_by: z.string(),
  created_by_type: z.string(),
  on_behalf_of: nullableString,
  updated_at: z.string(),
  sealed_at: nullableString,
  recalled_at: nullableString,
  recall_reason: nullableString,
})
export type BatchRecord = z.infer<typeof batchRecordSchema>

/** A page of GET /batches: newest first, `count` in all. */
export const batchPageSchema = z.object({
  batches: z.array(batchRecordSchema),
  count: z.number().int(),
  limit: z.number().int(),
  offset: z.number().int(),
})
export type BatchPage = z.infer<typeof batchPageSchema>
