import type { Redis } from "ioredis"
import { countsAsScan } from "../domain/verdict.js"

/**
 * How often each stamp was scanned, and from which networks, kept where a verdict can read it
 * without a query per scan: in this process (one instance), or in Redis (several instances share
 * the counts). Either way a stamp is seeded once from the database (stamp_scan_summary, with
 * its networks) on first touch.
 */

export interface ScanSummary {
  count: number
  firstScannedAt: Date | null
  lastScannedAt: Date | null
  /** Two located scans were impossibly far apart. */
  flagged: boolean
  /** Distinct networks (IPv4 /24, IPv6 /48) that scanned the stamp, at most NETWORKS_KEPT. */
  networks: number
}

/** A stamp's stored summary with the networks that scanned it, newest first. */
export interface StoredSummary extends ScanSummary {
  /** [network, its last scan in ms]; at most NETWORKS_KEPT. */
  seen: [string, number][]
}

/** A counted scan: the summary including it, and whether it counts toward the public SCANS. */
export interface CountedScan extends ScanSummary {
  counted: boolean
}

/** Reads the stamp's stored summary; called only when the counts do not know the stamp yet. */
export type LoadSummary = () => Promise<StoredSummary>

/**
 * Networks remembered per stamp. The verdict only needs to know there were more than
 * SCAN_SUSPICIOUS_NETWORKS (at most 50); beyond this a stamp's memory stops growing.
 */
export const NETWORKS_KEPT = 64

export interface ScanCounts {
  /** Counts one scan from `network` (null: unknown) and returns the summary including it. */
  count(serial: string, at: Date, network: string | null, load: LoadSummary): Promise<CountedScan>
  /** Counts one scan at once when the stamp's count is in memory, else does nothing. */
  countIfKnown(serial: string, at: Date, network: string | null): CountedScan | undefined
  /** The summary without counting a scan. */
  peek(serial: string, load: LoadSummary): Promise<ScanSummary>
  flag(serial: string): Promise<void>
  /** Tells the counts that these scans are now in the database. */
  written(serials: readonly string[]): void
  close(): Promise<void>
}

export const EMPTY_SUMMARY: StoredSummary = {
  count: 0,
  firstScannedAt: null,
  lastScannedAt: null,
  flagged: false,
  networks: 0,
  seen: [],
}

interface Entry {
  count: number
  firstScannedAt: Date | null
  lastScannedAt: Date | null
  flagged: boolean
  /** Network -> its last scan (ms). */
  seen: Map<string, number>
  /** Scans counted here but not yet written: the entry must outlive them (see evict). */
  unwritten: number
}

const summaryOf = (entry: Entry): ScanSummary => ({
  count: entry.count,
  firstScannedAt: entry.firstScannedAt,
  lastScannedAt: entry.lastScannedAt,
  flagged: entry.flagged,
  networks: entry.seen.size,
})

/** Counts for a single instance. */
export class MemoryScanCounts implements ScanCounts {
  private readonly entries = new Map<string, Entry>()
  private readonly loading = new Map<string, Promise<Entry>>()

  /** `repeatWindowMs`: a network's scans of a stamp this close to its previous one do not count. */
  constructor(
    private readonly maxEntries = 200_000,
    private readonly repeatWindowMs = 0,
  ) {}

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
      pending = load().then((stored) => {
        const entry: Entry = {
          count: stored.count,
          firstScannedAt: stored.firstScannedAt,
          lastScannedAt: stored.lastScannedAt,
          flagged: stored.flagged,
          seen: new Map(stored.seen.slice(0, NETWORKS_KEPT)),
          unwritten: 0,
        }
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

  async count(
    serial: string,
    at: Date,
    network: string | null,
    load: LoadSummary,
  ): Promise<CountedScan> {
    return this.add(await this.entry(serial, load), at, network)
  }

  countIfKnown(serial: string, at: Date, network: string | null): CountedScan | undefined {
    const entry = this.entries.get(serial)
    if (!entry) return undefined
    this.entries.delete(serial)
    this.entries.set(serial, entry)
    return this.add(entry, at, network)
  }

  private add(entry: Entry, at: Date, network: string | null): CountedScan {
    entry.count += 1
    entry.unwritten += 1
    entry.firstScannedAt ??= at
    entry.lastScannedAt = at
    let counted = true
    if (network !== null) {
      const previous = entry.seen.get(network)
      counted = countsAsScan(previous, at.getTime(), this.repeatWindowMs)
      if (previous !== undefined || entry.seen.size < NETWORKS_KEPT) {
        entry.seen.set(network, at.getTime())
      }
    }
    return {
      count: entry.count,
      firstScannedAt: entry.firstScannedAt,
      lastScannedAt: at,
      flagged: entry.flagged,
      networks: entry.seen.size,
      counted,
    }
  }

  async peek(serial: string, load: LoadSummary): Promise<ScanSummary> {
    return summaryOf(await this.entry(serial, load))
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

// KEYS[1]: the stamp's hash, KEYS[2]: its networks (network -> last scan ms). ARGV: now (ms),
// ttl (s), network ('' when unknown), repeat window (ms), networks kept, then a seed (count,
// first, last, flagged, then network and time pairs) or nothing. Without a seed and without the
// key it answers nil: the caller loads and retries. Answers {count, first, flagged, networks,
// counted}.
const COUNT_SCRIPT = `
if redis.call('EXISTS', KEYS[1]) == 0 then
  if #ARGV < 9 then return nil end
  redis.call('HSET', KEYS[1], 'c', ARGV[6], 'f', ARGV[7], 'l', ARGV[8], 'x', ARGV[9])
  redis.call('DEL', KEYS[2])
  for i = 10, #ARGV, 2 do redis.call('HSET', KEYS[2], ARGV[i], ARGV[i + 1]) end
end
local c = redis.call('HINCRBY', KEYS[1], 'c', 1)
if redis.call('HGET', KEYS[1], 'f') == '' then redis.call('HSET', KEYS[1], 'f', ARGV[1]) end
redis.call('HSET', KEYS[1], 'l', ARGV[1])
local counted = 1
if ARGV[3] ~= '' then
  local previous = redis.call('HGET', KEYS[2], ARGV[3])
  if previous and tonumber(ARGV[1]) - tonumber(previous) < tonumber(ARGV[4]) then counted = 0 end
  if previous or redis.call('HLEN', KEYS[2]) < tonumber(ARGV[5]) then
    redis.call('HSET', KEYS[2], ARGV[3], ARGV[1])
  end
end
redis.call('EXPIRE', KEYS[1], ARGV[2])
redis.call('EXPIRE', KEYS[2], ARGV[2])
return {c, redis.call('HGET', KEYS[1], 'f'), redis.call('HGET', KEYS[1], 'x'), redis.call('HLEN', KEYS[2]), counted}
`

const PEEK_SCRIPT = `
if redis.call('EXISTS', KEYS[1]) == 0 then return nil end
local v = redis.call('HMGET', KEYS[1], 'c', 'f', 'l', 'x')
v[5] = redis.call('HLEN', KEYS[2])
return v
`

// Only an existing hash: a missing one is seeded from the database, which has the flag.
const FLAG_SCRIPT = `
if redis.call('EXISTS', KEYS[1]) == 1 then redis.call('HSET', KEYS[1], 'x', '1') end
return 1
`

type CountReply = [number, string, string, number, number]

interface ScanScripts {
  traceScanCount(key: string, networks: string, ...args: (string | number)[]): Promise<unknown>
  traceScanPeek(key: string, networks: string): Promise<unknown>
  traceScanFlag(key: string): Promise<unknown>
}

const time = (ms: string | null | undefined) => (ms ? new Date(Number(ms)) : null)
const ms = (date: Date | null) => (date ? String(date.getTime()) : "")

/**
 * Counts shared by every instance through Redis, one script call per scan. A stamp's hashes
 * expire after `ttlSeconds` without scans; by then its scans are long written, so the next
 * scan re-seeds it from the database exactly.
 */
export class RedisScanCounts implements ScanCounts {
  private readonly scripts: ScanScripts
  private readonly ttlSeconds: number
  private readonly prefix: string
  private readonly repeatWindowMs: number

  private readonly onError: (error: unknown) => void

  constructor(
    redis: Redis,
    {
      ttlSeconds = 7 * 24 * 3600,
      prefix = "trace:scans:",
      repeatWindowMs = 0,
      onError = () => {},
    }: {
      ttlSeconds?: number
      prefix?: string
      repeatWindowMs?: number
      onError?: (error: unknown) => void
    } = {},
  ) {
    this.ttlSeconds = ttlSeconds
    this.prefix = prefix
    this.repeatWindowMs = repeatWindowMs
    this.onError = onError
    // defineCommand sends EVALSHA, falling back to EVAL once per connection.
    redis.defineCommand("traceScanCount", { numberOfKeys: 2, lua: COUNT_SCRIPT })
    redis.defineCommand("traceScanPeek", { numberOfKeys: 2, lua: PEEK_SCRIPT })
    redis.defineCommand("traceScanFlag", { numberOfKeys: 1, lua: FLAG_SCRIPT })
    this.scripts = redis as unknown as ScanScripts
  }

  /**
   * With Redis unreachable, scans still resolve: the count comes from the database's summary
   * (behind by at most one write interval, and not shared), which is better than no answer.
   */
  async count(
    serial: string,
    at: Date,
    network: string | null,
    load: LoadSummary,
  ): Promise<CountedScan> {
    try {
      return await this.countShared(serial, at, network, load)
    } catch (error) {
      this.onError(error)
      const stored = await load()
      const previous = network === null ? undefined : stored.seen.find(([n]) => n === network)
      const known = previous !== undefined || network === null
      return {
        count: stored.count + 1,
        firstScannedAt: stored.firstScannedAt ?? at,
        lastScannedAt: at,
        flagged: stored.flagged,
        networks: Math.min(NETWORKS_KEPT, stored.networks + (known ? 0 : 1)),
        counted: countsAsScan(previous?.[1], at.getTime(), this.repeatWindowMs),
      }
    }
  }

  private async countShared(
    serial: string,
    at: Date,
    network: string | null,
    load: LoadSummary,
  ): Promise<CountedScan> {
    const key = this.prefix + serial
    const networksKey = `${key}:n`
    const args = [
      String(at.getTime()),
      this.ttlSeconds,
      network ?? "",
      this.repeatWindowMs,
      NETWORKS_KEPT,
    ]
    let reply = (await this.scripts.traceScanCount(key, networksKey, ...args)) as CountReply | null
    if (reply === null) {
      const seed = await load()
      reply = (await this.scripts.traceScanCount(
        key,
        networksKey,
        ...args,
        seed.count,
        ms(seed.firstScannedAt),
        ms(seed.lastScannedAt),
        seed.flagged ? "1" : "0",
        ...seed.seen.slice(0, NETWORKS_KEPT).flatMap(([n, t]) => [n, String(t)]),
      )) as CountReply
    }
    const [count, first, flagged, networks, counted] = reply
    return {
      count,
      firstScannedAt: time(first),
      lastScannedAt: at,
      flagged: flagged === "1",
      networks,
      counted: counted === 1,
    }
  }

  async peek(serial: string, load: LoadSummary): Promise<ScanSummary> {
    let reply: [string, string, string, string, number] | null
    const key = this.prefix + serial
    try {
      reply = (await this.scripts.traceScanPeek(key, `${key}:n`)) as typeof reply
    } catch (error) {
      this.onError(error)
      return load()
    }
    if (reply === null) return load()
    const [count, first, last, flagged, networks] = reply
    return {
      count: Number(count),
      firstScannedAt: time(first),
      lastScannedAt: time(last),
      flagged: flagged === "1",
      networks: Number(networks),
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
