import { randomUUID } from "node:crypto"
import { type FailureCounter, MemoryFailureCounter, RedisFailureCounter } from "../failure-counter"
import { addressKey, LoginThrottle } from "../login-throttle"

const REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379"

// Both stores must behave alike; the Redis one against the real server, each run under its own
// key prefix so parallel runs do not meet.
const stores: [string, () => FailureCounter[]][] = [
  ["memory", () => [new MemoryFailureCounter()]],
  [
    "redis",
    () => {
      const prefix = `coop:test:${randomUUID()}:`
      // Two instances of the backend: what one counts, the other sees.
      return [
        new RedisFailureCounter(REDIS_URL, prefix),
        new RedisFailureCounter(REDIS_URL, prefix),
      ]
    },
  ],
]

describe.each(stores)("failure counter in %s", (_name, make) => {
  let counters: FailureCounter[]
  beforeEach(() => {
    counters = make()
  })
  afterEach(async () => {
    await Promise.all(counters.map((c) => c.close()))
  })
  const first = () => counters[0]!
  const last = () => counters[counters.length - 1]!

  it("counts in a window, takes back, resets, and forgets when the window closes", async () => {
    expect(await first().increment("k", 60_000)).toMatchObject({ count: 1 })
    const second = await last().increment("k", 60_000)
    expect(second.count).toBe(2)
    expect(second.resetsInMs).toBeGreaterThan(55_000)
    expect(second.resetsInMs).toBeLessThanOrEqual(60_000)
    await first().decrement("k")
    expect((await last().increment("k", 60_000)).count).toBe(2)
    await last().reset("k")
    expect((await first().increment("k", 60_000)).count).toBe(1)
    await first().decrement("never-seen")
    expect((await first().increment("never-seen", 60_000)).count).toBe(1)

    await first().increment("short", 50)
    await new Promise((r) => setTimeout(r, 80))
    expect((await last().increment("short", 50)).count).toBe(1)
  })

  it("locks an account after the limit, whatever the password, until the window closes", async () => {
    process.env.LOGIN_MAX_FAILURES_PER_ACCOUNT = "3"
    process.env.LOGIN_FAILURE_WINDOW_SECONDS = "1"
    try {
      const throttles = counters.map((c) => new LoginThrottle(c))
      const at = (i: number) => throttles[i % throttles.length]!
      for (let i = 0; i < 3; i++) {
        const attempt = await at(i).attempt("Nong@Example.vn", "203.0.113.7")
        if (!attempt.allowed) throw new Error(`attempt ${i} refused`)
        await attempt.settle(false)
      }
      // The same account under another spelling, from another address, on another instance.
      const locked = await at(1).attempt(" nong@example.vn", "198.51.100.1")
      expect(locked).toMatchObject({ allowed: false, by: "account" })
      expect((locked as { retryAfterMs: number }).retryAfterMs).toBeLessThanOrEqual(1000)
      await new Promise((r) => setTimeout(r, 1100))
      expect((await at(0).attempt("nong@example.vn", "203.0.113.7")).allowed).toBe(true)
    } finally {
      delete process.env.LOGIN_MAX_FAILURES_PER_ACCOUNT
      delete process.env.LOGIN_FAILURE_WINDOW_SECONDS
    }
  })

  it("a success clears the account's count; an IPv6 /64 is one address", async () => {
    process.env.LOGIN_MAX_FAILURES_PER_ACCOUNT = "2"
    process.env.LOGIN_MAX_FAILURES_PER_ADDRESS = "3"
    try {
      const throttle = new LoginThrottle(first())
      const fail = async (email: string, ip: string) => {
        const a = await throttle.attempt(email, ip)
        if (a.allowed) await a.settle(false)
        return a.allowed
      }
      expect(await fail("a@x.vn", "2001:db8:1:2::1")).toBe(true)
      const ok = await throttle.attempt("a@x.vn", "2001:db8:1:2::1")
      if (!ok.allowed) throw new Error("refused")
      await ok.settle(true)
      expect(await fail("a@x.vn", "2001:db8:1:2::1")).toBe(true)
      expect(await fail("a@x.vn", "2001:db8:1:2::1")).toBe(true)
      // The address has now failed 3 times (the success was taken back): a new account from
      // another address of the same /64 is refused, one from another /64 is not.
      expect(await throttle.attempt("b@x.vn", "2001:db8:1:2:ffff::9")).toMatchObject({
        allowed: false,
        by: "address",
      })
      expect((await throttle.attempt("b@x.vn", "2001:db8:1:3::1")).allowed).toBe(true)
    } finally {
      delete process.env.LOGIN_MAX_FAILURES_PER_ACCOUNT
      delete process.env.LOGIN_MAX_FAILURES_PER_ADDRESS
    }
  })
})

describe("addressKey", () => {
  it("keeps IPv4 whole and cuts IPv6 to its /64", () => {
    expect(addressKey("203.0.113.7")).toBe("203.0.113.7")
    expect(addressKey("::ffff:203.0.113.7")).toBe("203.0.113.7")
    expect(addressKey("2001:db8:1:2:3:4:5:6")).toBe("2001:db8:1:2::/64")
    expect(addressKey("2001:0db8:0001:0002::1")).toBe("2001:db8:1:2::/64")
    expect(addressKey("2001:db8::1")).toBe("2001:db8:0:0::/64")
    expect(addressKey("::1")).toBe("0:0:0:0::/64")
  })
})
