/**
 * A batch's stamps as the traceability service lists them to their seller (GET
 * /batches/:id/stamps) and the seller's portal shows them: each stamp's state and what its scans
 * say, a summary of the batch, and the cursor of the next page.
 */
import { z } from "zod"

export const STAMP_STATES = ["issued", "voided"] as const

export const listedStampSchema = z.object({
  seq: z.number().int(),
  serial: z.string(),
  uri: z.string(),
  state: z.enum(STAMP_STATES),
  issued_at: z.string(),
  voided_at: z.string().nullable(),
  void_reason: z.string().nullable(),
  scan_count: z.number().int(),
  last_scanned_at: z.string().nullable(),
  /** Scans of this stamp with a suspicious or voided verdict, plus impossible journeys. */
  counterfeit_signals: z.number().int(),
})
export type ListedStamp = z.infer<typeof listedStampSchema>

export const stampSummarySchema = z.object({
  issued: z.number().int(),
  voided: z.number().int(),
  /** Stamps scanned at least once. */
  scanned: z.number().int(),
  scans: z.number().int(),
  counterfeit_signals: z.number().int(),
})
export type StampSummary = z.infer<typeof stampSummarySchema>

export const stampListSchema = z.object({
  summary: stampSummarySchema,
  stamps: z.array(listedStampSchema),
  /** `after_seq` of the next page; null on the last. */
  next_after_seq: z.number().int().nullable(),
})
export type StampList = z.infer<typeof stampListSchema>
