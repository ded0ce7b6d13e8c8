import type { FastifyReply, FastifyRequest } from "fastify"
import type { Redis } from "ioredis"
import { ipPrefix } from "../domain/client-facts.js"

/**
 * Per-IP request limits on the public resolver: fixed one-minute windows, counted in this
 * process or, with Redis, across every instance. The limit is far above what a shop floor
 * scanning bags sends (a phone scans a few stamps a minute); it stops floods and scrapers.
 */

export interface RateDecision {
  allowed: boolean
  /** Seconds until the window resets. */
  retryAfter: number
}

export interface RateLimiter {
  hit(key: string): RateDecision | Promise<RateDecision>
  close(): Promise<void>
}

const WINDOW_MS = 60_000

export class MemoryRateLimiter implements RateLimiter {
  private window = -1
  private counts = new Map<string, number>()

  constructor(
    private readonly limit: number,
    private readonly now: () => number = Date.now,
  ) {}

  hit(key: string): RateDecision {
    const now = this.now()
    const window = Math.floor(now / WINDOW_MS)
    // A new window forgets the old one whole: memory stays bounded by one minute of clients.
    if (window !== this.window) {
      this.window = window
      this.counts = new Map()
    }
    const count = (this.counts.get(key) ?? 0) + 1
    this.counts.set(key, count)
    return {
      allowed: count <= this.limit,
      retryAfter: Math.ceil(((window + 1) * WINDOW_MS - now) / 1000),
    }
  }

  async close(): Promise<void> {}
}

const HIT_SCRIPT = `
local count = redis.call('INCR', KEYS[1])
if count == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
return {count, redis.call('PTTL', KEYS[1])}
`

export class RedisRateLimiter implements RateLimiter {
  private readonly redis: Redis & {
    traceRateHit(key: string, windowMs: number): Promise<[number, number]>
  }

  constructor(
    redis: Redis,
    private readonly limit: number,
    private readonly prefix: string,
    private readonly onError: (error: unknown) => void = () => {},
  ) {
    redis.defineCommand("traceRateHit", { numberOfKeys: 1, lua: HIT_SCRIPT })
    this.redis = redis as typeof this.redis
  }

  async hit(key: string): Promise<RateDecision> {
    try {
      const [count, ttl] = await this.redis.traceRateHit(this.prefix + key, WINDOW_MS)
      return { allowed: count <= this.limit, retryAfter: Math.max(1, Math.ceil(ttl / 1000)) }
    } catch (error) {
      // Redis down: better to answer scans unlimited than to refuse every buyer.
      this.onError(error)
      return { allowed: true, retryAfter: 0 }
    }
  }

  async close(): Promise<void> {}
}

/** An onRequest hook that answers 429 with Retry-After once the caller's IP is over the limit. */
export function rateLimitHook(limiter: RateLimiter) {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    const decision = await limiter.hit(request.ip)
    if (decision.allowed) return
    request.log.warn({ network: ipPrefix(request.ip) }, "rate limit reached")
    return reply
      .status(429)
      .header("retry-after", String(decision.retryAfter))
      .header("access-control-allow-origin", "*")
      .header("access-control-expose-headers", "Retry-After")
      .send({
        error: "rate_limited",
        message: `Quá nhiều yêu cầu từ địa chỉ này; thử lại sau ${decision.retryAfter} giây. (Too many requests; retry in ${decision.retryAfter} s.)`,
      })
  }
}
