import type { Redis } from "ioredis"

/**
 * How often each stamp was scanned, kept where a verdict can read it without a query per scan:
 * in this process (one instance), or in Redis (several instances share the counts). Either way
 * a stamp's count is seeded once from the database (stamp_scan_summary) on first touch.
 */

export interface ScanSummary {
  count: number
  firstScannedAt: Date | null
  lastScannedAt: Date | null
  /** Two located scans were impossibly far apart. */
  flagged: boolean
}

/** Reads the stamp's stored summary; called only when the counts do not know the stamp yet. */
export type LoadSummary = () => Promise<ScanSummary>

export interface ScanCounts {
  /** Counts one scan and returns the summary including it. */
  count(serial: string, at: Date, load: LoadSummary): Promise<ScanSummary>
  /** Counts one scan at once when the stamp's count is in memory, else does nothing. */
  countIfKnown(serial: string, at: Date): ScanSummary | undefined
  /** The summary without counting a scan. */
  peek(serial: string, load: LoadSummary): Promise<ScanSummary>
  flag(serial: string): Promise<void>
  /** Tells the counts that these scans are now in the database. */
  written(serials: readonly string[]): void
  close(): Promise<void>
}

export const EMPTY_SUMMARY: ScanSummary = {
  count: 0,
  firstScannedAt: null,
  lastScannedAt: null,
  flagged: false,
}

interface Entry extends ScanSummary {
  /** Scans counted here but not yet written: the entry must outlive them (see evict). */
  unwritten: number
}

/** Counts for a single instance. */
export class MemoryScanCounts implements ScanCounts {
  private readonly entries = new Map<string, Entry>()
  private readonly loading = new Map<string, Promise<Entry>>()

  constructor(private readonly maxEntries = 200_000) {}

  private async entry(serial: string, load: LoadSummary): Promise<Entry> {
    const known = this.entries.get(serial)
    if (known) {
      // Most recently used last, so eviction starts with the coldest stamps.
      this.entries.delete(serial)
      this.entries.set(serial, known)
      return known
    }
    // Concurrent first scans of one stamp share one read, or both would seed and one count is lost.
    let pending = this.loading.get(serial)
    if (!pending) {
      pending = load().then((summary) => {
        const entry = { ...summary, unwritten: 0 }
        this.entries.set(serial, entry)
        this.loading.delete(serial)
        this.evict(serial)
        return entry
      })
      pending.catch(() => this.loading.delete(serial))
      this.loading.set(serial, pending)
    }
    return pending
  }

  /**
   * Forgets the coldest stamps whose scans are all written. A stamp with unwritten scans stays:
   * re-seeding it from the database would miss them.
   */
  private evict(loaded: string): void {
    if (this.entries.size <= this.maxEntries) return
    for (const [serial, entry] of this.entries) {
      if (this.entries.size <= this.maxEntries) break
      // The stamp just loaded is about to be counted: its scan is not in the log yet.
      if (entry.unwritten === 0 && serial !== loaded) this.entries.delete(serial)
    }
  }

  async count(serial: string, at: Date, load: LoadSummary): Promise<ScanSummary> {
    return this.add(await this.entry(serial, load), at)
  }

  countIfKnown(serial: string, at: Date): ScanSummary | undefined {
    const entry = this.entries.get(serial)
    if (!entry) return undefined
    this.entries.delete(serial)
    this.entries.set(serial, entry)
    return this.add(entry, at)
  }

  private add(entry: Entry, at: Date): ScanSummary {
    entry.count += 1
    entry.unwritten += 1
    entry.firstScannedAt ??= at
    entry.lastScannedAt = at
    return {
      count: entry.count,
      firstScannedAt: entry.firstScannedAt,
      lastScannedAt: at,
      flagged: entry.flagged,
    }
  }

  async peek(serial: string, load: LoadSummary): Promise<ScanSummary> {
    const { unwritten: _, ...summary } = await this.entry(serial, load)
    return summary
  }

  async flag(serial: string): Promise<void> {
    const entry = this.entries.get(serial)
    if (entry) entry.flagged = true
  }

  written(serials: readonly string[]): void {
    for (const serial of serials) {
      const entry = this.entries.get(serial)
      if (entry) entry.unwritten -= 1
    }
  }

  async close(): Promise<void> {}
}

// KEYS[1]: the stamp's hash. ARGV: now (ms), ttl (s), then a seed (count, first, last, flagged)
// or nothing. Without a seed and without the key it answers nil: the caller loads and retries.
const COUNT_SCRIPT = `
if redis.call('EXISTS', KEYS[1]) == 0 then
  if #ARGV < 6 then return nil end
  redis.call('HSET', KEYS[1], 'c', ARGV[3], 'f', ARGV[4], 'l', ARGV[5], 'x', ARGV[6])
end
local c = redis.call('HINCRBY', KEYS[1], 'c', 1)
if redis.call('HGET', KEYS[1], 'f') == '' then redis.call('HSET', KEYS[1], 'f', ARGV[1]) end
redis.call('HSET', KEYS[1], 'l', ARGV[1])
redis.call('EXPIRE', KEYS[1], ARGV[2])
return {c, redis.call('HGET', KEYS[1], 'f'), redis.call('HGET', KEYS[1], 'x')}
`

const PEEK_SCRIPT = `
if redis.call('EXISTS', KEYS[1]) == 0 then return nil end
return redis.call('HMGET', KEYS[1], 'c', 'f', 'l', 'x')
`

// Only an existing hash: a missing one is seeded from the database, which has the flag.
const FLAG_SCRIPT = `
if redis.call('EXISTS', KEYS[1]) == 1 then redis.call('HSET', KEYS[1], 'x', '1') end
return 1
`

type CountReply = [number, string, string]

interface ScanScripts {
  traceScanCount(key: string, ...args: (string | number)[]): Promise<unknown>
  traceScanPeek(key: string): Promise<unknown>
  traceScanFlag(key: string): Promise<unknown>
}

const time = (ms: string | null | undefined) => (ms ? new Date(Number(ms)) : null)
const ms = (date: Date | null) => (date ? String(date.getTime()) : "")

/**
 * Counts shared by every instance through Redis, one script call per scan. A stamp's hash
 * expires after `ttlSeconds` without scans; by then its scans are long written, so the next
 * scan re-seeds it from the database exactly.
 */
export class RedisScanCounts implements ScanCounts {
  private readonly scripts: ScanScripts
  private readonly ttlSeconds: number
  private readonly prefix: string

  private readonly onError: (error: unknown) => void

  constructor(
    redis: Redis,
    {
      ttlSeconds = 7 * 24 * 3600,
      prefix = "trace:scans:",
      onError = () => {},
    }: { ttlSeconds?: number; prefix?: string; onError?: (error: unknown) => void } = {},
  ) {
    this.ttlSeconds = ttlSeconds
    this.prefix = prefix
    this.onError = onError
    // defineCommand sends EVALSHA, falling back to EVAL once per connection.
    redis.defineCommand("traceScanCount", { numberOfKeys: 1, lua: COUNT_SCRIPT })
    redis.defineCommand("traceScanPeek", { numberOfKeys: 1, lua: PEEK_SCRIPT })
    redis.defineCommand("traceScanFlag", { numberOfKeys: 1, lua: FLAG_SCRIPT })
    this.scripts = redis as unknown as ScanScripts
  }

  /**
   * With Redis unreachable, scans still resolve: the count comes from the database's summary
   * (behind by at most one write interval, and not shared), which is better than no answer.
   */
  async count(serial: string, at: Date, load: LoadSummary): Promise<ScanSummary> {
    try {
      return await this.countShared(serial, at, load)
    } catch (error) {
      this.onError(error)
      const stored = await load()
      return {
        count: stored.count + 1,
        firstScannedAt: stored.firstScannedAt ?? at,
        lastScannedAt: at,
        flagged: stored.flagged,
      }
    }
  }

  private async countShared(serial: string, at: Date, load: LoadSummary): Promise<ScanSummary> {
    const key = this.prefix + serial
    const now = String(at.getTime())
    let reply = (await this.scripts.traceScanCount(key, now, this.ttlSeconds)) as CountReply | null
    if (reply === null) {
      const seed = await load()
      reply = (await this.scripts.traceScanCount(
        key,
        now,
        this.ttlSeconds,
        seed.count,
        ms(seed.firstScannedAt),
        ms(seed.lastScannedAt),
        seed.flagged ? "1" : "0",
      )) as CountReply
    }
    const [count, first, flagged] = reply
    return { count, firstScannedAt: time(first), lastScannedAt: at, flagged: flagged === "1" }
  }

  async peek(serial: string, load: LoadSummary): Promise<ScanSummary> {
    let reply: [string, string, string, string] | null
    try {
      reply = (await this.scripts.traceScanPeek(this.prefix + serial)) as typeof reply
    } catch (error) {
      this.onError(error)
      return load()
    }
    if (reply === null) return load()
    const [count, first, last, flagged] = reply
    return {
      count: Number(count),
      firstScannedAt: time(first),
      lastScannedAt: time(last),
      flagged: flagged === "1",
    }
  }

  async flag(serial: string): Promise<void> {
    // The database has the flag too; a hash that missed it is re-seeded from there in time.
    await this.scripts.traceScanFlag(this.prefix + serial).catch(this.onError)
  }

  /** Never: the count lives in Redis, one round trip away. */
  countIfKnown(): undefined {
    return undefined
  }

  written(): void {}

  async close(): Promise<void> {}
}
