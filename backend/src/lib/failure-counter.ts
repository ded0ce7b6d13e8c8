import Redis from "ioredis"

/** A count in a fixed window: how many, and how long until the window closes. */
export interface WindowCount {
  count: number
  /** Milliseconds until the count starts again from zero. */
  resetsInMs: number
}

/**
 * Counts events per key in fixed windows (login failures per account and per address). One
 * behaviour, two stores: process memory for a single instance, Redis when instances share it.
 */
export interface FailureCounter {
  /** Adds one; the window starts with the key's first event. */
  increment(key: string, windowMs: number): Promise<WindowCount>
  /** Takes one back (an attempt that turned out not to be a failure); never below zero. */
  decrement(key: string): Promise<void>
  reset(key: string): Promise<void>
  close(): Promise<void>
}

export class MemoryFailureCounter implements FailureCounter {
  private readonly counts = new Map<string, { count: number; resetAt: number }>()
  private writes = 0

  async increment(key: string, windowMs: number): Promise<WindowCount> {
    const now = Date.now()
    // Expired keys are dropped now and then, so an attacker's many keys do not pile up.
    if (++this.writes % 1000 === 0) {
      for (const [k, v] of this.counts) if (v.resetAt <= now) this.counts.delete(k)
    }
    let entry = this.counts.get(key)
    if (!entry || entry.resetAt <= now) {
      entry = { count: 0, resetAt: now + windowMs }
      this.counts.set(key, entry)
    }
    entry.count++
    return { count: entry.count, resetsInMs: entry.resetAt - now }
  }

  async decrement(key: string) {
    const entry = this.counts.get(key)
    if (entry && entry.count > 0) entry.count--
  }

  async reset(key: string) {
    this.counts.delete(key)
  }

  async close() {
    this.counts.clear()
  }
}

// INCR and the window's expiry in one step, so no key is ever left without an expiry.
const INCREMENT = `
local count = redis.call('INCR', KEYS[1])
if count == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
return {count, redis.call('PTTL', KEYS[1])}`

const DECREMENT = `
local count = tonumber(redis.call('GET', KEYS[1]) or '0')
if count > 0 then redis.call('DECR', KEYS[1]) end
return 0`

export class RedisFailureCounter implements FailureCounter {
  private readonly redis: Redis

  constructor(
    url: string,
    private readonly prefix = "coop:login-failures:",
  ) {
    // A login must not wait on a Redis that is away: one try, then the caller decides.
    this.redis = new Redis(url, { maxRetriesPerRequest: 1, enableOfflineQueue: true })
  }

  async increment(key: string, windowMs: number): Promise<WindowCount> {
    const [count, ttl] = (await this.redis.eval(INCREMENT, 1, this.prefix + key, windowMs)) as [
      number,
      number,
    ]
    return { count, resetsInMs: ttl > 0 ? ttl : windowMs }
  }

  async decrement(key: string) {
    await this.redis.eval(DECREMENT, 1, this.prefix + key)
  }

  async reset(key: string) {
    await this.redis.del(this.prefix + key)
  }

  async close() {
    await this.redis.quit()
  }
}
