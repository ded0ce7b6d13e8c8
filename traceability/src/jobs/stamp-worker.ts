import { randomUUID } from "node:crypto"
import { hostname } from "node:os"
import type pg from "pg"
import { claimJob, finishJob, type IssuerKeys, issueChunk, releaseJob } from "./stamp-issuer.js"

export interface StampWorkerOptions {
  /** Stamps per transaction. */
  chunkSize: number
  /** How long a claimed job stays with this worker without a heartbeat (one per chunk). */
  leaseMs: number
  /** How often to look for jobs nobody holds: new ones from other instances, stale ones. */
  pollMs: number
  /** A job taken over this many times without finishing is failed rather than tried forever. */
  maxAttempts: number
}

export const DEFAULT_WORKER_OPTIONS: StampWorkerOptions = {
  chunkSize: 1000,
  leaseMs: 30_000,
  pollMs: 5_000,
  maxAttempts: 10,
}

export interface WorkerLog {
  info: (fields: object, message: string) => void
  error: (fields: object, message: string) => void
}

/**
 * Issues the stamps of background jobs, one job at a time, inside the service (or alone, see
 * stamp-worker-main.ts). Any number of workers may run against one database: claims use SKIP
 * LOCKED and leases, and every chunk checks that the lease is still its own.
 */
export class StampWorker {
  readonly owner = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`
  private readonly options: StampWorkerOptions
  private timer: NodeJS.Timeout | null = null
  private running: Promise<void> | null = null
  private again = false
  private stopping = false

  constructor(
    private readonly pool: pg.Pool,
    private readonly keys: IssuerKeys,
    private readonly log: WorkerLog,
    options: Partial<StampWorkerOptions> = {},
  ) {
    this.options = { ...DEFAULT_WORKER_OPTIONS, ...options }
  }

  /** Resumes whatever a crashed or stopped worker left, then keeps looking every pollMs. */
  start(): void {
    this.stopping = false
    this.kick()
    this.timer = setInterval(() => this.kick(), this.options.pollMs)
    this.timer.unref()
  }

  /** Looks for work now (a job was just created); a call while busy runs another round after. */
  kick(): void {
    if (this.stopping) return
    if (this.running) {
      this.again = true
      return
    }
    this.running = this.runUntilIdle()
      .then(() => undefined)
      .catch((error: Error) => this.log.error({ err: error }, "stamp worker round failed"))
      .finally(() => {
        this.running = null
        if (this.again) {
          this.again = false
          this.kick()
        }
      })
  }

  /** Stops after the chunk in progress and gives its job back for another worker to resume. */
  async stop(): Promise<void> {
    this.stopping = true
    if (this.timer) clearInterval(this.timer)
    this.timer = null
    await this.running
  }

  /** Claims and runs jobs until none is left to claim; returns how many it finished. */
  async runUntilIdle(): Promise<number> {
    let finished = 0
    while (!this.stopping) {
      const claimed = await claimJob(this.pool, this.owner, this.options.leaseMs)
      if (!claimed) break
      if (claimed.attempts > this.options.maxAttempts) {
        await finishJob(this.pool, claimed.id, "failed", "Gave up after repeated failures")
        this.log.error({ jobId: claimed.id, attempts: claimed.attempts }, "stamp job given up")
        continue
      }
      if (await this.runJob(claimed.id)) finished++
    }
    return finished
  }

  /** Runs one claimed job; true when it reached a final state here. */
  private async runJob(jobId: string): Promise<boolean> {
    const started = Date.now()
    this.log.info({ jobId, owner: this.owner }, "stamp job claimed")
    try {
      while (true) {
        if (this.stopping) {
          await releaseJob(this.pool, jobId, this.owner)
          return false
        }
        const outcome = await issueChunk(this.pool, jobId, this.owner, this.keys, this.options)
        if (outcome === "more") continue
        if (outcome === "lost") {
          this.log.info({ jobId }, "stamp job lease lost to another worker")
          return false
        }
        this.log.info({ jobId, outcome, ms: Date.now() - started }, "stamp job finished")
        return true
      }
    } catch (error) {
      // The lease stays: the job is tried again once it runs out, up to maxAttempts claims.
      this.log.error({ err: error, jobId }, "stamp job chunk failed")
      return false
    }
  }
}
