import type { ListedStamp, StampSummary } from "@coop/contracts/stamps"
import type { Actor } from "../domain/actor.js"
import type { Batch } from "../domain/batch.js"
import { conflict, DomainError, invalidInput, notFound } from "../domain/errors.js"
import { nextVietnamMidnight, quotaRefusal, vietnamDay } from "../domain/seller-trust.js"
import { INLINE_MAX, type IssuedStamp, type StampJob } from "../domain/stamp.js"
import { newStamps } from "../jobs/stamp-issuer.js"
import { msg } from "../messages.js"
import { layoutProblem, type SheetLayout } from "../render/layout.js"
import { findBatch } from "../store/batches.js"
import { inTransaction } from "../store/db.js"
import { reserveStampQuota } from "../store/seller-trust.js"
import { stampListPage, stampSummary } from "../store/stamp-list.js"
import {
  findJob,
  findJobByKey,
  findStampUri,
  insertJob,
  insertStamps,
  jobStamps,
  type StampRow,
  stampsInOrder,
} from "../store/stamps.js"
import { findWritableBatch, lockBatchForWrite, mayWriteBatch, writerOf } from "./batch-access.js"
import type { Caller, ServiceDeps } from "./context.js"
import { approvedBatchWrite } from "./product-access.js"

/** What the service needs of the background worker: a nudge when a job was created. */
export interface JobKicker {
  kick(): void
}

export interface IssueStamps {
  count: number
  layout: SheetLayout
  idempotencyKey: string
}

/** A job the request made or found: its stamps when they were issued within the request. */
export interface IssueResult {
  job: StampJob
  stamps: IssuedStamp[] | null
  replayed: boolean
}

/** Two layouts ask for the same sheet (key order in stored JSON does not matter). */
const sameLayout = (a: SheetLayout, b: SheetLayout) =>
  (Object.keys(b) as (keyof SheetLayout)[]).every((key) => a[key] === b[key])

/** Over the seller's daily quota, with when it starts again (Vietnam's midnight). */
function quotaExceeded(limit: number, used: number, requested: number, now: Date): DomainError {
  const resetsAt = nextVietnamMidnight(now)
  const error = new DomainError(
    "quota_exceeded",
    "stamp_quota_exceeded",
    quotaRefusal(limit, used, requested, resetsAt),
    "count",
  )
  error.resetsAt = resetsAt
  error.retryAfterSeconds = Math.ceil((resetsAt.getTime() - now.getTime()) / 1000)
  return error
}

/**
 * Stamps (tem): issuing them for a batch (an approved seller's, within its daily quota, never
 * for a recalled batch; idempotent by key), their jobs, lists and print outputs, which only
 * those who may print the batch's stamps see. Anyone else is told the batch or job does not
 * exist.
 */
export class StampService {
  constructor(
    private readonly deps: ServiceDeps,
    private readonly jobs: JobKicker,
  ) {}

  async issue(caller: Caller, batchId: string, request: IssueStamps): Promise<IssueResult> {
    const { count, layout, idempotencyKey: key } = request
    const problem = layoutProblem(layout)
    if (problem) throw invalidInput(problem.field, problem.text)
    // Only an approved seller's stamps, for a product it still lists (or drafts).
    await approvedBatchWrite(this.deps, caller, batchId)
    const { config, pool } = this.deps
    const result = await inTransaction(pool, async (client): Promise<IssueResult> => {
      // The batch row lock serialises issuance per batch: retries racing with the same key
      // cannot both see "no job yet", and the issue numbers a job reserves stay its own.
      const batch = await lockBatchForWrite(client, batchId, caller.actor)
      const earlier = await findJobByKey(client, batchId, key)
      if (earlier) {
        if (earlier.count !== count || !sameLayout(earlier.layout, layout)) {
          throw conflict(msg.keyReused(key, earlier.count), "idempotency_key_reused")
        }
        const stamps = earlier.count <= INLINE_MAX ? await jobStamps(client, earlier) : null
        return { job: earlier, stamps, replayed: true }
      }
      if (batch.state === "recalled")
        throw conflict(msg.recalledNoStamps(batchId), "batch_recalled")
      const quota = config.trust.stampDailyQuota
      if (quota > 0) {
        const now = new Date()
        const { granted, used } = await reserveStampQuota(
          client,
          batch.sellerId,
          vietnamDay(now),
          count,
          quota,
        )
        if (!granted) throw quotaExceeded(quota, used, count, now)
      }
      const writer = writerOf(caller.actor)
      const newJob = {
        batchId,
        idempotencyKey: key,
        count,
        layout,
        createdByType: writer.actorType,
        createdBy: writer.actorId,
        onBehalfOf: writer.onBehalfOf,
      }
      if (count > INLINE_MAX) {
        return {
          job: await insertJob(client, newJob, { complete: false }),
          stamps: null,
          replayed: false,
        }
      }
      const job = await insertJob(client, newJob, { complete: true })
      const stamps = newStamps(config, batch, job.firstSeq, count)
      await insertStamps(client, batchId, job.id, stamps)
      return { job, stamps, replayed: false }
    })
    if (!result.replayed && !result.stamps) this.jobs.kick()
    return result
  }

  /** A job and its batch when the actor may print the batch's stamps. */
  async job(actor: Actor, id: string): Promise<{ job: StampJob; batch: Batch }> {
    const { pool } = this.deps
    const job = await findJob(pool, id)
    const batch = job ? await findBatch(pool, job.batchId) : null
    if (!job || !batch || !mayWriteBatch(actor, batch)) throw notFound(msg.stampJobNotFound(id))
    return { job, batch }
  }

  /** As job(), and only once the job has issued all its stamps (outputs of a part would mislead). */
  async doneJob(actor: Actor, id: string): Promise<{ job: StampJob; batch: Batch }> {
    const found = await this.job(actor, id)
    const { job } = found
    if (job.state !== "done") {
      throw conflict(msg.jobNotDone(job.id, job.state, job.issued, job.count), "job_not_done")
    }
    return found
  }

  /** The batch when the actor may print its stamps. */
  printableBatch(actor: Actor, batchId: string): Promise<Batch> {
    return findWritableBatch(this.deps.pool, batchId, actor)
  }

  /** The stamps of a printable batch (or a range of them), page by page in issue order. */
  stampsInOrder(
    batch: Batch,
    range: { fromSeq?: number; toSeq?: number; issuedOnly?: boolean } = {},
  ): AsyncGenerator<StampRow[]> {
    return stampsInOrder(this.deps.pool, batch.id, range)
  }

  /** The seller's view of a batch's stamps: totals, and a page in issue order. */
  async list(
    actor: Actor,
    batchId: string,
    page: { afterSeq: number; limit: number; signalsOnly: boolean },
  ): Promise<{ summary: StampSummary; stamps: ListedStamp[] }> {
    const batch = await this.printableBatch(actor, batchId)
    const [summary, stamps] = await Promise.all([
      stampSummary(this.deps.pool, batch.id),
      stampListPage(this.deps.pool, batch.id, page),
    ])
    return { summary, stamps }
  }

  /** A stamp's URI, for drawing its QR code; public, as the label is. */
  uriOf(serial: string): Promise<string | null> {
    return findStampUri(this.deps.pool, serial)
  }
}
