import { isIPv6 } from "node:net"
import type { FailureCounter } from "./failure-counter"

const positive = (name: string, fallback: number) => {
  const value = Number(process.env[name])
  return Number.isFinite(value) && value > 0 ? Math.floor(value) : fallback
}

/**
 * Read on every attempt, so an operator's change needs no restart. Defaults: 10 failed passwords
 * per account and 100 per address in 15 minutes.
 */
export function loginThrottleConfig() {
  return {
    perAccount: positive("LOGIN_MAX_FAILURES_PER_ACCOUNT", 10),
    perAddress: positive("LOGIN_MAX_FAILURES_PER_ADDRESS", 100),
    windowMs: positive("LOGIN_FAILURE_WINDOW_SECONDS", 15 * 60) * 1000,
  }
}

/**
 * The network an attempt comes from: an IPv4 address, or an IPv6 /64 (one subscriber's prefix;
 * counting single IPv6 addresses would let one household try 2^64 times).
 */
export function addressKey(ip: string): string {
  const plain = ip.startsWith("::ffff:") && ip.includes(".") ? ip.slice(7) : ip
  if (!isIPv6(plain)) return plain
  const [head = "", tail = ""] = plain.split("::")
  const left = head ? head.split(":") : []
  const right = tail ? tail.split(":") : []
  const groups = plain.includes("::")
    ? [...left, ...Array(8 - left.length - right.length).fill("0"), ...right]
    : left
  return `${groups
    .slice(0, 4)
    .map((g) => Number.parseInt(g || "0", 16).toString(16))
    .join(":")}::/64`
}

export type LoginAttempt =
  | { allowed: true; settle: (succeeded: boolean | null) => Promise<void> }
  | { allowed: false; retryAfterMs: number; by: "account" | "address" }

/**
 * Counts failed passwords per account (e-mail, across every actor type, since one e-mail's login
 * serves them all) and per address. An attempt is counted before it is let through, so parallel
 * guesses cannot slip past the limit; it is taken back once it turns out not to be a failure, and
 * a success clears the account's count.
 */
export class LoginThrottle {
  constructor(private readonly counter: FailureCounter) {}

  async attempt(email: string | null, ip: string): Promise<LoginAttempt> {
    const { perAccount, perAddress, windowMs } = loginThrottleConfig()
    const keys: { key: string; limit: number; by: "account" | "address" }[] = [
      { key: `address:${addressKey(ip)}`, limit: perAddress, by: "address" },
    ]
    if (email)
      keys.unshift({
        key: `account:${email.trim().toLowerCase()}`,
        limit: perAccount,
        by: "account",
      })

    const counts = await Promise.all(keys.map(({ key }) => this.counter.increment(key, windowMs)))
    const over = keys.findIndex((k, i) => counts[i]!.count > k.limit)
    if (over >= 0) {
      // A refused attempt tried no password: it does not count towards the next window.
      await Promise.all(keys.map(({ key }) => this.counter.decrement(key)))
      return { allowed: false, retryAfterMs: counts[over]!.resetsInMs, by: keys[over]!.by }
    }
    return {
      allowed: true,
      settle: async (succeeded) => {
        if (succeeded === false) return
        await Promise.all(
          keys.map(({ key, by }) =>
            succeeded && by === "account" ? this.counter.reset(key) : this.counter.decrement(key),
          ),
        )
      },
    }
  }
}
