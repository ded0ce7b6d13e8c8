import type { BatchPage, BatchRecord } from "@coop/contracts/batches"
import type { Locale } from "@/i18n/routing"
import { type ApiResult, backend, traceability } from "./api"

// The seller portal's reads of the traceability service (batches, events, the chain check,
// stamps and stamp jobs) and of the seller's products, as the signed-in person. Batches and stamp
// lists are typed by @coop/contracts, the shapes the service answers with (its tests check each
// batch answer against the schema); the other shapes are the service's own (traceability/README.md),
// only the fields the pages use typed.

/** A batch as the service answers it: the contract both sides import. */
export type OriginBatch = BatchRecord
export type { BatchPage }

export type ChainCheck = {
  valid: boolean
  events: number
  broken_at: { seq: number; event_id: string; reason: string } | null
}

export type StampJob = {
  id: string
  batch_id: string
  state: "pending" | "running" | "done" | "failed"
  count: number
  issued: number
  first_seq: number
  last_seq: number
  error?: string | null
}

import type { StampList } from "@coop/contracts/stamps"

export type { ListedStamp, StampList, StampSummary } from "@coop/contracts/stamps"

export type SellerProductOption = { id: string; title: string; status: string }

export const BATCHES_PER_PAGE = 20
export const STAMPS_PER_PAGE = 50

/** The service's batch ids are UUIDs; anything else is simply not a batch. */
export const isBatchId = (id: string) =>
  /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)

export function listBatches(locale: Locale, offset: number): Promise<ApiResult<BatchPage>> {
  const query = new URLSearchParams({ limit: String(BATCHES_PER_PAGE), offset: String(offset) })
  return traceability<BatchPage>(`/batches?${query}`, { locale })
}

export function getBatch(locale: Locale, id: string): Promise<ApiResult<OriginBatch>> {
  return traceability<OriginBatch>(`/batches/${encodeURIComponent(id)}`, { locale })
}

export function getEvents(locale: Locale, id: string): Promise<ApiResult<{ events: unknown[] }>> {
  return traceability(`/batches/${encodeURIComponent(id)}/events`, { locale })
}

export function verifyChain(locale: Locale, id: string): Promise<ApiResult<ChainCheck>> {
  return traceability<ChainCheck>(`/batches/${encodeURIComponent(id)}/verify`, { locale })
}

export function listStamps(
  locale: Locale,
  id: string,
  { afterSeq, signalsOnly }: { afterSeq: number; signalsOnly: boolean },
): Promise<ApiResult<StampList>> {
  const query = new URLSearchParams({
    after_seq: String(afterSeq),
    limit: String(STAMPS_PER_PAGE),
    signals: String(signalsOnly),
  })
  return traceability<StampList>(`/batches/${encodeURIComponent(id)}/stamps?${query}`, { locale })
}

export function getStampJob(locale: Locale, jobId: string): Promise<ApiResult<StampJob>> {
  return traceability<StampJob>(`/stamp-jobs/${encodeURIComponent(jobId)}`, { locale })
}

/** The seller's products for the batch form's picker (newest first; the first 100). */
export async function sellerProductOptions(
  locale: Locale,
): Promise<ApiResult<SellerProductOption[]>> {
  const result = await backend<{ products: SellerProductOption[] }>("/seller/products?limit=100", {
    locale,
  })
  if (!result.ok) return result
  return {
    ok: true,
    status: result.status,
    data: result.data.products.map((p) => ({ id: p.id, title: p.title, status: p.status })),
  }
}
