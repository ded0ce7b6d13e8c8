import { signPayload } from "@coop/contracts/signature"
import type pg from "pg"
import {
  claimOutbox,
  markDelivered,
  markFailed,
  type OutboxRow,
  purgeDelivered,
} from "../store/outbox.js"

export interface OutboxDelivererOptions {
  /** Where batches are POSTed (INDICATORS_WEBHOOK_URL). */
  url: string
  /** HMAC-SHA256 key of the X-Coop-Signature header (INDICATORS_WEBHOOK_SECRET). */
  secret: string
  /** Events per POST. */
  batchSize: number
  /** How often to look for pending events. */
  intervalMs: number
  /** A POST not answered within this is a failure. */
  timeoutMs: number
  /** How long claimed rows stay hidden from other deliverers; must exceed timeoutMs. */
  leaseMs: number
  /** Backoff after a failed POST: this, doubled per failure of the same rows, at most maxMs. */
  backoffBaseMs: number
  backoffMaxMs: number
  /** Delivered rows are deleted once this old ... */
  retentionMs: number
  /** ... checked this often, at most purgeLimit rows per DELETE. */
  purgeEveryMs: number
  purgeLimit: number
}

export const DEFAULT_DELIVERER_OPTIONS: Omit<OutboxDelivererOptions, "url" | "secret"> = {
  batchSize: 500,
  intervalMs: 1_000,
  timeoutMs: 10_000,
  leaseMs: 30_000,
  backoffBaseMs: 1_000,
  backoffMaxMs: 5 * 60_000,
  retentionMs: 7 * 24 * 60 * 60_000,
  purgeEveryMs: 60_000,
  purgeLimit: 1_000,
}

export interface DelivererLog {
  info: (fields: object, message: string) => void
  warn: (fields: object, message: string) => void
  error: (fields: object, message: string) => void
}

/** The payload's fields in this order (jsonb keeps its own), any others after them. */
const FIELD_ORDER = ["seller_id", "product_id", "batch_id", "count", "first_scans", "counterfeit"]

/** An outbox row as the receiver sees it: id, type, occurred_at, then the payload's fields. */
export function eventJson(row: OutboxRow): Record<string, unknown> {
  const event: Record<string, unknown> = {
    id: row.id,
    type: row.type,
    occurred_at: row.occurredAt.toISOString(),
  }
  for (const key of FIELD_ORDER) if (key in row.payload) event[key] = row.payload[key]
  for (const [key, value] of Object.entries(row.payload)) if (!(key in event)) event[key] = value
  return event
}

export interface Round {
  /** Events claimed and POSTed (0: nothing was due). */
  sent: number
  /** Whether the receiver took them. */
  delivered: boolean
}

/**
 * Delivers the outbox to the Medusa backend, at least once: claims due rows (SKIP LOCKED, so any
 * number of instances may run), POSTs them as one signed batch, and marks them delivered on a
 * 2xx; on anything else they are retried with exponential backoff. A crash at any point leaves
 * rows pending (a claimed row is due again when its lease runs out), so an event may arrive twice
 * but is never lost: the receiver applies each event id once.
 */
export class OutboxDeliverer {
  private readonly options: OutboxDelivererOptions
  private timer: NodeJS.Timeout | null = null
  private running: Promise<void> | null = null
  private stopping = false
  /** Consecutive failed POSTs, and no new round before this time (the receiver is struggling). */
  private failures = 0
  private pausedUntil = 0
  private nextPurgeAt = 0

  constructor(
    private readonly pool: pg.Pool,
    options: Pick<OutboxDelivererOptions, "url" | "secret"> & Partial<OutboxDelivererOptions>,
    private readonly log: DelivererLog,
  ) {
    this.options = { ...DEFAULT_DELIVERER_OPTIONS, ...options }
  }

  /** Delivers what is pending now, then looks again every intervalMs. */
  start(): void {
    this.stopping = false
    this.kick()
    this.timer = setInterval(() => this.kick(), this.options.intervalMs)
    this.timer.unref()
  }

  private kick(): void {
    if (this.stopping || this.running) return
    this.running = this.runUntilIdle()
      .catch((error: Error) => this.log.error({ err: error }, "outbox: round failed"))
      .finally(() => {
        this.running = null
      })
  }

  /** Stops looking; a POST in flight finishes (within timeoutMs) and is marked. */
  async stop(): Promise<void> {
    this.stopping = true
    if (this.timer) clearInterval(this.timer)
    this.timer = null
    await this.running
  }

  /**
   * Sends batch after batch while full batches are due and the receiver takes them, then deletes
   * old delivered rows when that is due.
   */
  async runUntilIdle(): Promise<void> {
    while (!this.stopping && Date.now() >= this.pausedUntil) {
      const round = await this.deliverOnce()
      if (!round.delivered || round.sent < this.options.batchSize) break
    }
    if (!this.stopping && Date.now() >= this.nextPurgeAt) {
      this.nextPurgeAt = Date.now() + this.options.purgeEveryMs
      await this.purge()
    }
  }

  /** One claim and one POST. */
  async deliverOnce(): Promise<Round> {
    const { batchSize, leaseMs, url, secret, timeoutMs } = this.options
    const rows = await claimOutbox(this.pool, batchSize, leaseMs)
    if (rows.length === 0) return { sent: 0, delivered: true }
    const ids = rows.map((row) => row.id)
    const body = JSON.stringify({ events: rows.map(eventJson) })
    let failure: string | null = null
    try {
      const response = await fetch(url, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          "x-coop-signature": signPayload(body, secret),
        },
        body,
        redirect: "manual",
        signal: AbortSignal.timeout(timeoutMs),
      })
      const text = await response.text().catch(() => "")
      if (response.status < 200 || response.status > 299) {
        failure = `HTTP ${response.status}${text ? `: ${text.slice(0, 500)}` : ""}`
      }
    } catch (error) {
      failure = describe(error)
    }

    if (failure === null) {
      await markDelivered(this.pool, ids)
      if (this.failures > 0) {
        this.log.info({ after: this.failures }, "outbox: delivering again")
      }
      this.failures = 0
      this.pausedUntil = 0
      return { sent: rows.length, delivered: true }
    }
    await markFailed(this.pool, ids, failure, {
      baseMs: this.options.backoffBaseMs,
      maxMs: this.options.backoffMaxMs,
    })
    this.failures++
    this.pausedUntil = Date.now() + this.backoff(this.failures)
    this.log.warn(
      { events: rows.length, error: failure, failures: this.failures, url },
      "outbox: delivery failed, will retry",
    )
    return { sent: rows.length, delivered: false }
  }

  private backoff(failures: number): number {
    const { backoffBaseMs, backoffMaxMs } = this.options
    return Math.min(backoffMaxMs, backoffBaseMs * 2 ** Math.min(failures - 1, 30))
  }

  /** Deletes delivered rows past the retention, one bounded DELETE at a time. */
  private async purge(): Promise<void> {
    const { retentionMs, purgeLimit } = this.options
    let deleted = 0
    while (!this.stopping) {
      const n = await purgeDelivered(this.pool, retentionMs, purgeLimit)
      deleted += n
      if (n < purgeLimit) break
    }
    if (deleted > 0) this.log.info({ deleted }, "outbox: old delivered events deleted")
  }
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error)
  if (error.name === "TimeoutError") return "timed out"
  const cause = error.cause instanceof Error ? `: ${error.cause.message}` : ""
  return `${error.message}${cause}`
}
