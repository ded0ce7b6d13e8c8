import type pg from "pg"
import { insertScans, type ScanRow } from "./scans.js"

export interface ScanLogOptions {
  /** Write buffered scans at least this often. */
  intervalMs: number
  /** ... and as soon as this many are waiting; also the most rows one statement writes. */
  maxRows: number
  /** While the database is unreachable, keep at most this many scans; older ones are dropped. */
  maxBuffered?: number
  /** Called with the serials of scans once they are written (or dropped). */
  onWritten?: (serials: string[]) => void
  log?: { warn: (obj: object, msg: string) => void; error: (obj: object, msg: string) => void }
}

/**
 * The scan log, written in batches: scans wait in memory and go to PostgreSQL in one multi-row
 * statement every `intervalMs` or every `maxRows` scans, whichever comes first. A clean shutdown
 * writes what is left (close); a crash loses at most the scans of one interval.
 *
 * Each write also records the indicator events of its scans (`scans.recorded`, one per batch and
 * quarter, see insertScans) in the same statement: the aggregation is the database's, once per
 * write, never work per scan. Only scans of known stamps are ever added here; forged and unknown
 * serials have no batch and are attributed to no seller.
 */
export class ScanLog {
  private buffer: ScanRow[] = []
  private writing: Promise<void> | null = null
  private readonly timer: NodeJS.Timeout
  private readonly maxBuffered: number

  constructor(
    private readonly pool: pg.Pool,
    private readonly options: ScanLogOptions,
  ) {
    this.maxBuffered = options.maxBuffered ?? 100_000
    this.timer = setInterval(() => void this.flush(), options.intervalMs)
    // The timer alone must not keep the process alive; close() writes the rest.
    this.timer.unref()
  }

  get pending(): number {
    return this.buffer.length
  }

  add(scan: ScanRow): void {
    this.buffer.push(scan)
    if (this.buffer.length > this.maxBuffered) this.dropOverflow()
    if (this.buffer.length >= this.options.maxRows && !this.writing) void this.flush()
  }

  /** Writes everything buffered now, one statement per `maxRows`; never throws. */
  flush(): Promise<void> {
    if (this.writing)
      return this.writing.then(() => (this.buffer.length ? this.flush() : undefined))
    if (this.buffer.length === 0) return Promise.resolve()
    this.writing = this.writeAll().finally(() => {
      this.writing = null
    })
    return this.writing
  }

  private async writeAll(): Promise<void> {
    while (this.buffer.length > 0) {
      const rows = this.buffer.splice(0, this.options.maxRows)
      try {
        await insertScans(this.pool, rows)
        this.options.onWritten?.(rows.map((row) => row.serial))
      } catch (error) {
        // Keep them for the next attempt, oldest first, within the bound.
        this.buffer = rows.concat(this.buffer)
        this.dropOverflow()
        this.options.log?.error(
          { err: error, pending: this.buffer.length },
          "scan log: write failed, will retry",
        )
        return
      }
    }
  }

  private dropOverflow(): void {
    const excess = this.buffer.length - this.maxBuffered
    if (excess <= 0) return
    const dropped = this.buffer.splice(0, excess)
    this.options.onWritten?.(dropped.map((row) => row.serial))
    this.options.log?.warn({ dropped: excess }, "scan log: buffer full, oldest scans dropped")
  }

  /** Stops the timer and writes what is left. */
  async close(): Promise<void> {
    clearInterval(this.timer)
    await this.flush()
    if (this.buffer.length > 0) {
      this.options.log?.error({ lost: this.buffer.length }, "scan log: scans not written at close")
    }
  }
}
