import type {
  MedusaNextFunction,
  MedusaRequest,
  MedusaResponse,
  MiddlewareRoute,
} from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import {
  type FailureCounter,
  MemoryFailureCounter,
  RedisFailureCounter,
} from "../../lib/failure-counter"
import { LoginThrottle } from "../../lib/login-throttle"
import { fullPath } from "../utils/access"
import { tooManyRequests } from "../utils/errors"

// Medusa's password login for every actor type: /auth/user/emailpass, /auth/seller_member/emailpass…
const PASSWORD_LOGIN = /^\/auth\/[^/]+\/emailpass$/

let throttle: LoginThrottle | undefined
/** Shared by every instance through Redis when REDIS_URL is set, else this process's memory. */
function loginThrottle() {
  if (!throttle) {
    const counter: FailureCounter = process.env.REDIS_URL
      ? new RedisFailureCounter(process.env.REDIS_URL)
      : new MemoryFailureCounter()
    throttle = new LoginThrottle(counter)
  }
  return throttle
}

/**
 * Refuses a password login with 429 once its account or its address has failed too often in the
 * window; whether an attempt failed is read from the status Medusa's own route answers.
 */
async function throttlePasswordLogin(
  req: MedusaRequest,
  res: MedusaResponse,
  next: MedusaNextFunction,
) {
  if (req.method !== "POST" || !PASSWORD_LOGIN.test(fullPath(req))) return next()
  const email = (req.body as { email?: unknown } | undefined)?.email
  let attempt: Awaited<ReturnType<LoginThrottle["attempt"]>>
  try {
    attempt = await loginThrottle().attempt(
      typeof email === "string" ? email : null,
      req.ip ?? req.socket.remoteAddress ?? "unknown",
    )
  } catch (error) {
    // A store that is away must not lock everyone out; the password check still runs.
    req.scope
      .resolve(ContainerRegistrationKeys.LOGGER)
      .warn(`Login throttle unavailable, login not throttled: ${(error as Error).message}`)
    return next()
  }
  if (!attempt.allowed) {
    const minutes = Math.max(1, Math.ceil(attempt.retryAfterMs / 60_000))
    throw tooManyRequests(
      attempt.by === "account"
        ? {
            vi: `Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau ${minutes} phút.`,
            en: `Too many failed sign-ins for this account. Try again in ${minutes} minutes.`,
          }
        : {
            vi: `Có quá nhiều lần đăng nhập sai từ địa chỉ này. Vui lòng thử lại sau ${minutes} phút.`,
            en: `Too many failed sign-ins from this address. Try again in ${minutes} minutes.`,
          },
      attempt.retryAfterMs / 1000,
    )
  }
  res.on("finish", () => {
    const succeeded =
      res.statusCode >= 200 && res.statusCode < 300 ? true : res.statusCode === 401 ? false : null
    attempt.settle(succeeded).catch(() => undefined)
  })
  next()
}

export const authRoutes: MiddlewareRoute[] = [
  { matcher: "/auth", middlewares: [throttlePasswordLogin] },
]
