import { describe, expect, it } from "vitest"
import { MemoryRateLimiter } from "./rate-limit.js"

describe("MemoryRateLimiter", () => {
  it("allows `limit` requests per IP per minute, then says when to retry", () => {
    let now = Date.UTC(2026, 6, 1, 8, 0, 15) // 15 s into a minute
    const limiter = new MemoryRateLimiter(3, () => now)
    expect([1, 2, 3].map(() => limiter.hit("203.0.113.7").allowed)).toEqual([true, true, true])
    expect(limiter.hit("203.0.113.7")).toEqual({ allowed: false, retryAfter: 45 })
    // Another IP has its own count.
    expect(limiter.hit("198.51.100.1").allowed).toBe(true)
    now += 44_000
    expect(limiter.hit("203.0.113.7")).toEqual({ allowed: false, retryAfter: 1 })
    // A new minute starts every count afresh.
    now += 1_000
    expect(limiter.hit("203.0.113.7")).toEqual({ allowed: true, retryAfter: 60 })
  })
})
