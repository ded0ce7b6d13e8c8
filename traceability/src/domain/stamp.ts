import type { SheetLayout } from "../render/layout.js"

/** Stamps (tem), the jobs that issue them, and voiding them: the entities, no I/O. */

/** Up to this many stamps are issued within the request (201); more become a job (202). */
export const INLINE_MAX = 1000
export const MAX_STAMPS_PER_REQUEST = 100_000

export type StampState = "issued" | "voided"

export interface Stamp {
  serial: string
  batchId: string
  uri: string
  state: StampState
  issuedAt: Date
}

export interface IssuedStamp {
  serial: string
  uri: string
  /** Issue number within the batch, from 1. */
  seq: number
}

export type StampJobState = "pending" | "running" | "done" | "failed"

export interface StampJob {
  id: string
  batchId: string
  idempotencyKey: string
  count: number
  firstSeq: number
  issued: number
  state: StampJobState
  layout: SheetLayout
  createdAt: Date
  createdByType: string
  createdBy: string
  onBehalfOf: string | null
  finishedAt: Date | null
  error: string | null
}

export interface VoidedBy {
  actorType: string
  actorId: string
  onBehalfOf: string | null
  reason: string
}

export interface VoidResult {
  /** Stamps this call voided. */
  voided: number
  /** Stamps in the selection that were voided already (left as they were). */
  alreadyVoided: number
}
