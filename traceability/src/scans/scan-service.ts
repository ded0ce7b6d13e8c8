import { randomUUID } from "node:crypto"
import { Redis } from "ioredis"
import type pg from "pg"
import { type CachedBatch, ProvenanceCache } from "../cache/provenance-cache.js"
import {
  type CountedScan,
  type LoadSummary,
  MemoryScanCounts,
  RedisScanCounts,
  type ScanCounts,
  type ScanSummary,
} from "../cache/scan-counts.js"
import type { Config } from "../config.js"
import { type ScanClaims, scanTokenKey, signScanToken } from "../domain/scan-token.js"
import { type Verdict, verdictFor } from "../domain/verdict.js"
import { ScanLog } from "../store/scan-log.js"
import { findScanSummary, type StampRecord } from "../store/scans.js"

/** The coarse facts a scan keeps about the phone (see domain/client-facts.ts). */
export interface ClientFacts {
  userAgentFamily: string
  language: string | null
  ipPrefix: string | null
}

/** A genuine serial's stamp with what a buyer is told about it. */
export interface StampAnswer {
  stamp: StampRecord
  batch: CachedBatch
  verdict: Exclude<Verdict, "not_genuine">
  summary: ScanSummary
  /** This scan: set when the resolution was counted, or named by a scan token. */
  scan: { token: string; number: number; scannedAt: Date } | null
}

export interface Expected {
  gtin: string
  /** Null for /01/{gtin}/21/{serial}. */
  lot: string | null
}

/**
 * A UUIDv7-style id (48-bit milliseconds, then randomness): scans arrive in time order, so their
 * primary key grows at its right edge instead of touching random index pages.
 */
export function timeOrderedUuid(at: Date): string {
  const time = at.getTime().toString(16).padStart(12, "0")
  const random = randomUUID() // xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx
  return `${time.slice(0, 8)}-${time.slice(8)}-7${random.slice(15)}`
}

type Logger = {
  warn: (obj: object, msg: string) => void
  error: (obj: object, msg: string) => void
}

/**
 * Everything the hot path keeps: the caches, the scan counts, the batched scan log, and Redis
 * when several instances share them. One per service instance; close() writes pending scans.
 */
export class ScanService {
  readonly cache: ProvenanceCache
  readonly tokenKey: Buffer
  private readonly counts: ScanCounts
  private readonly log: ScanLog
  private readonly redis: Redis | null
  private readonly subscriber: Redis | null
  private readonly channel: string

  constructor(
    private readonly pool: pg.Pool,
    private readonly config: Config,
    private readonly logger: Logger,
  ) {
    const { resolver } = config
    const repeatWindowMs = resolver.repeatWindowMinutes * 60_000
    this.cache = new ProvenanceCache(pool, { ttlMs: resolver.cacheTtlMs })
    this.tokenKey = scanTokenKey(config.stampSigningSecret)
    this.channel = `${resolver.redisKeyPrefix}batch-changed`
    if (config.redisUrl) {
      // Fail fast while Redis is away (no offline queue): scans then count from the database.
      this.redis = new Redis(config.redisUrl, {
        maxRetriesPerRequest: 1,
        enableOfflineQueue: false,
      })
      this.redis.on("error", (error) => logger.warn({ err: error }, "redis"))
      this.counts = new RedisScanCounts(this.redis, {
        prefix: `${resolver.redisKeyPrefix}scans:`,
        repeatWindowMs,
        onError: (error) => logger.warn({ err: error }, "redis: scan counts from the database"),
      })
      // Writes on other instances drop this instance's cached copies too.
      this.subscriber = this.redis.duplicate({ enableOfflineQueue: true })
      this.subscriber.on("error", (error) => logger.warn({ err: error }, "redis subscriber"))
      this.subscriber.on("message", (_channel, batchId) => this.cache.invalidateBatch(batchId))
      void this.subscriber.subscribe(this.channel).catch((error) => {
        logger.error({ err: error }, "redis: cannot subscribe to batch changes")
      })
    } else {
      this.redis = null
      this.subscriber = null
      this.counts = new MemoryScanCounts(200_000, repeatWindowMs)
    }
    this.log = new ScanLog(pool, {
      intervalMs: resolver.flushIntervalMs,
      maxRows: resolver.flushMaxRows,
      onWritten: (serials) => this.counts.written(serials),
      log: logger,
    })
  }

  /** The Redis connection when REDIS_URL is set (the rate limiter shares it). */
  get sharedRedis(): Redis | null {
    return this.redis
  }

  /** Scans written so far are pending in memory; tests and shutdown flush them. */
  flush(): Promise<void> {
    return this.log.flush()
  }

  private verdict(stamp: StampRecord, batch: CachedBatch, count: number, summary: ScanSummary) {
    return verdictFor(
      {
        signatureValid: true,
        stampState: stamp.state,
        scanCount: count,
        networks: summary.networks,
        travelFlagged: summary.flagged,
        sellerState: batch.provenance.producer.state,
      },
      this.config.resolver,
    ) as StampAnswer["verdict"]
  }

  /** Whether the batch is the one the Digital Link names (a short URI names none). */
  private matches(batch: CachedBatch, expected: Expected | null): boolean {
    if (!expected) return true
    const { product, batch: lot } = batch.provenance
    return (
      product.gtin === expected.gtin && (expected.lot === null || lot.lot_code === expected.lot)
    )
  }

  /** The stamp and its batch when the serial is known and sits under the expected GTIN and lot. */
  private async lookup(serial: string, expected: Expected | null) {
    const found = await this.cache.stamp(serial)
    if (!found) return null
    const batch = await this.cache.batch(found.stamp.batchId)
    if (!batch || !this.matches(batch, expected)) return null
    const load: LoadSummary = found.summary
      ? () => Promise.resolve(found.summary!)
      : () => findScanSummary(this.pool, serial)
    return { stamp: found.stamp, batch, load }
  }

  /**
   * Resolves a genuine-looking serial (its signature already checked) and counts the scan: the
   * verdict needs no query once the stamp is cached, and the scan row goes to the batched log.
   * When stamp, batch and count are all in memory the answer comes back at once, not as a
   * promise: the response is then written in the same turn as the request was read.
   */
  scan(
    serial: string,
    expected: Expected | null,
    client: ClientFacts,
  ): StampAnswer | null | Promise<StampAnswer | null> {
    const stamp = this.cache.cachedStamp(serial)
    const batch = stamp && this.cache.cachedBatch(stamp.batchId)
    if (stamp && batch) {
      if (!this.matches(batch, expected)) return null
      const scannedAt = new Date()
      const summary = this.counts.countIfKnown(serial, scannedAt, client.ipPrefix)
      if (summary) return this.record(stamp, batch, scannedAt, summary, client)
    }
    return this.scanSlowly(serial, expected, client)
  }

  private async scanSlowly(
    serial: string,
    expected: Expected | null,
    client: ClientFacts,
  ): Promise<StampAnswer | null> {
    const found = await this.lookup(serial, expected)
    if (!found) return null
    const scannedAt = new Date()
    const summary = await this.counts.count(serial, scannedAt, client.ipPrefix, found.load)
    return this.record(found.stamp, found.batch, scannedAt, summary, client)
  }

  /** The verdict of a counted scan, its row for the log, and its signed id. */
  private record(
    stamp: StampRecord,
    batch: CachedBatch,
    scannedAt: Date,
    summary: CountedScan,
    client: ClientFacts,
  ): StampAnswer {
    const verdict = this.verdict(stamp, batch, summary.count, summary)
    const id = timeOrderedUuid(scannedAt)
    this.log.add({
      id,
      serial: stamp.serial,
      batchId: stamp.batchId,
      scannedAt,
      number: summary.count,
      verdict,
      userAgentFamily: client.userAgentFamily,
      language: client.language,
      ipPrefix: client.ipPrefix,
      counted: summary.counted,
    })
    const token = signScanToken(
      {
        scanId: id,
        serial: stamp.serial,
        scannedAt,
        firstScannedAt: summary.firstScannedAt ?? scannedAt,
        number: summary.count,
        verdict,
      },
      this.tokenKey,
    )
    return { stamp, batch, verdict, summary, scan: { token, number: summary.count, scannedAt } }
  }

  /**
   * Reads a stamp without counting a scan: HEAD, linksets, and the storefront's page after the
   * redirect. With the scan's token, the verdict is that scan's, updated by what is known since
   * (a voided stamp, a flag from located scans).
   */
  async peek(
    serial: string,
    expected: Expected | null,
    scan: { token: string; claims: ScanClaims } | null,
  ): Promise<StampAnswer | null> {
    const found = await this.lookup(serial, expected)
    if (!found) return null
    const summary = await this.counts.peek(serial, found.load)
    const number = scan ? scan.claims.number : summary.count
    return {
      stamp: found.stamp,
      batch: found.batch,
      summary,
      verdict: this.verdict(found.stamp, found.batch, number, summary),
      scan: scan ? { token: scan.token, number, scannedAt: scan.claims.scannedAt } : null,
    }
  }

  /** Records that located scans of this stamp were impossibly far apart. */
  flagStamp(serial: string): Promise<void> {
    return this.counts.flag(serial)
  }

  /**
   * The backend changed these sellers' states: their batches' cached provenance (which carries
   * the state the verdict reads) is dropped here and on every other instance.
   */
  async sellersChanged(sellerIds: string[]): Promise<void> {
    const { rows } = await this.pool.query<{ id: string }>(
      "SELECT id FROM batch WHERE seller_id = ANY($1::text[])",
      [sellerIds],
    )
    await Promise.all(rows.map((row) => this.batchChanged(row.id)))
  }

  /** Drops cached copies of the batch here and, through Redis, on every other instance. */
  async batchChanged(batchId: string): Promise<void> {
    this.cache.invalidateBatch(batchId)
    // Without Redis the other instances catch up within the cache's TTL; the write stands.
    await this.redis?.publish(this.channel, batchId).catch((error) => {
      this.logger.warn({ err: error, batchId }, "redis: batch change not published")
    })
  }

  /**
   * Waits for Redis (until it is ready, refuses or 5 s pass), so the first scans already share
   * their counts; an unreachable Redis is retried in the background.
   */
  async ready(timeoutMs = 5_000): Promise<void> {
    const waitFor = async (redis: Redis | null) => {
      if (!redis || redis.status === "ready") return
      let timer: NodeJS.Timeout | undefined
      await Promise.race([
        new Promise((resolve) => redis.once("ready", resolve)),
        new Promise((resolve) => redis.once("error", resolve)),
        new Promise((resolve) => {
          timer = setTimeout(resolve, timeoutMs)
        }),
      ])
      clearTimeout(timer)
      // TypeScript narrowed status before the wait; it has changed since.
      if ((redis.status as string) !== "ready") {
        this.logger.warn({}, "redis: not ready, counting from the database")
      }
    }
    await Promise.all([waitFor(this.redis), waitFor(this.subscriber)])
  }

  async close(): Promise<void> {
    await this.log.close()
    await this.counts.close()
    this.subscriber?.disconnect()
    await this.redis?.quit().catch(() => {})
  }
}
