/**
 * A harvest pre-order window as the backend answers it (GET /seller/preorders, and the open or
 * closed ones on GET /store/preorders?product_id=): dates as the seller wrote them (YYYY-MM-DD).
 */
import { z } from "zod"

export const PREORDER_STATUSES = ["open", "closed", "harvested", "canceled"] as const
export type PreorderStatus = (typeof PREORDER_STATUSES)[number]

export const preorderWindowSchema = z.object({
  id: z.string(),
  product_id: z.string(),
  variant_id: z.string(),
  batch_id: z.string(),
  status: z.enum(PREORDER_STATUSES),
  planned_quantity: z.number().int(),
  /** What buyers may still order: planned less ordered, never below 0. */
  left: z.number().int(),
  per_buyer_cap: z.number().int().nullable(),
  deposit_percent: z.number().int().nullable(),
  /** Days a VietQR buyer has to pay the deposit before the pre-order is cancelled. */
  deposit_due_days: z.number().int(),
  expected_harvest_on: z.string(),
  delivery_from: z.string(),
  delivery_to: z.string().nullable(),
  closes_at: z.string().nullable(),
  harvested_quantity: z.number().int().nullable(),
  cancel_reason: z.string().nullable(),
})
export type PreorderWindow = z.infer<typeof preorderWindowSchema>
