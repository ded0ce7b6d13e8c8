import { createRequire } from "node:module"
import { BlockList, isIPv4 } from "node:net"
import rateLimit from "@fastify/rate-limit"
import type { FastifyInstance, FastifyRequest, onRequestHookHandler, RouteOptions } from "fastify"
import type { Redis } from "ioredis"
import type { Config } from "../config.js"
import { ipPrefix, rateLimitKey } from "../domain/client-facts.js"
import { msg } from "../messages.js"
import { HttpError } from "./errors.js"

/**
 * Per-client limits on every public route (`@fastify/rate-limit`), counted in this process or,
 * with Redis, across every instance. A client is an IPv4 address or an IPv6 /64 (rateLimitKey),
 * as `request.ip` names it (TRUST_PROXY_HOPS). Two groups, each one bucket per client shared by
 * its routes:
 *
 * - `public` (RESOLVER_RATE_LIMIT a minute): the resolver, the stamp page's reads, location posts,
 *   product provenance, the resolver description, the OpenAPI document, /health. Far above what a
 *   phone scanning bags sends; it stops floods and scrapers.
 * - `render` (RENDER_RATE_LIMIT a minute): routes that compute per request when not cached: QR
 *   images, chain checks and EPCIS exports (hashing every event of a batch).
 *
 * Routes behind a bearer token are not limited here: the storefront's server calls them for every
 * seller from one address. RATE_LIMIT_ALLOW lists addresses never limited (the storefront's
 * server, which reads stamp pages and posts locations for every buyer; monitors).
 */

type Group = "public" | "render"

const RENDER_ROUTES = new Set([
  "/stamps/:serial.png",
  "/stamps/:serial.svg",
  "/batches/:id/verify",
  "/batches/:id/epcis",
  // The EPCIS query interface maps every event it answers, with or without a token.
  "/events",
])

const PUBLIC_ROUTES = new Set([
  "/s/:serial",
  "/stamps/:serial/provenance",
  "/scans/:scan_id/location",
  "/products/:product_id/provenance",
  "/.well-known/gs1resolver",
  "/openapi.json",
  "/health",
])

/** Which limit a route falls under, or null for routes behind a bearer token. */
export function rateLimitGroup(url: string): Group | null {
  if (RENDER_ROUTES.has(url)) return "render"
  if (PUBLIC_ROUTES.has(url) || url === "/01" || url.startsWith("/01/")) return "public"
  return null
}

const WINDOW_MS = 60_000

type StoreResult = { current: number; ttl: number }
type StoreCallback = (error: Error | null, result?: StoreResult) => void
/** @fastify/rate-limit's store interface (its LocalStore and RedisStore). */
interface Store {
  incr(key: string, cb: StoreCallback, timeWindow: number, max: number): void
  read(key: string, cb: StoreCallback, timeWindow: number, max: number): void
  child(params: object): Store
}
const require = createRequire(import.meta.url)
const LocalStore = require("@fastify/rate-limit/store/LocalStore") as new (
  continueExceeding: boolean,
  exponentialBackoff: boolean,
  cache: number,
) => Store
const RedisStore = require("@fastify/rate-limit/store/RedisStore") as new (
  continueExceeding: boolean,
  exponentialBackoff: boolean,
  redis: Redis,
  key: string,
) => Store

/**
 * The `public` limit as the resolver's fast lane takes it (fast-lane.ts): the same bucket per
 * client as the routes' hook, counted by the same store.
 */
export interface PublicLimit {
  /** Counts one request of `ip`; `then(false)` when it is over the limit (or not counted). */
  take(ip: string, then: (allowed: boolean) => void): void
}

/** The 429 body, in the language asked for, with the wait in seconds. */
export function rateLimitedError(retryAfterSeconds: number): HttpError {
  const error = new HttpError(429, "rate_limited", msg.rateLimited(retryAfterSeconds))
  // A browser reading the refusal needs CORS like the answers it replaces.
  error.headers = {
    "access-control-allow-origin": "*",
    "access-control-expose-headers": "Retry-After",
  }
  return error
}

function allowList(addresses: string[]): BlockList | null {
  if (addresses.length === 0) return null
  const list = new BlockList()
  for (const entry of addresses) {
    const [address = "", bits] = entry.split("/")
    const family = isIPv4(address) ? "ipv4" : "ipv6"
    if (bits === undefined) list.addAddress(address, family)
    else list.addSubnet(address, Number(bits), family)
  }
  return list
}

function allowed(list: BlockList, ip: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip)
  const address = mapped ? mapped[1]! : ip
  try {
    return list.check(address, isIPv4(address) ? "ipv4" : "ipv6")
  } catch {
    return false
  }
}

/**
 * Registers the limits before any route, so every public route declared afterwards gets its
 * group's hook. Does nothing when RESOLVER_RATE_LIMIT is 0 (benchmarks, tests of other things).
 */
export async function registerRateLimits(
  app: FastifyInstance,
  config: Config,
  redis: Redis | null,
): Promise<PublicLimit | null> {
  const { rateLimitPerMinute, renderRateLimitPerMinute, rateLimitAllow, redisKeyPrefix } =
    config.resolver
  if (rateLimitPerMinute === 0) return null
  const allow = allowList(rateLimitAllow)
  // The plugin's own stores, made here so the fast lane can count in the `public` group's.
  const groupStores = new Map<Group, Store>()
  class GroupStore implements Store {
    private readonly inner: Store
    constructor(_params: object, inner?: Store) {
      this.inner =
        inner ??
        (redis
          ? new RedisStore(false, false, redis, `${redisKeyPrefix}rate:`)
          : // Keys of one window: bounded, oldest clients forgotten first.
            new LocalStore(false, false, 100_000))
    }
    incr(key: string, cb: StoreCallback, timeWindow: number, max: number) {
      this.inner.incr(key, cb, timeWindow, max)
    }
    read(key: string, cb: StoreCallback, timeWindow: number, max: number) {
      this.inner.read(key, cb, timeWindow, max)
    }
    child(params: object) {
      const child = new GroupStore(params, this.inner.child(params))
      const { group } = params as { group?: Group }
      if (group) groupStores.set(group, child)
      return child
    }
  }
  await app.register(rateLimit, {
    global: false,
    timeWindow: WINDOW_MS,
    store: GroupStore,
    cache: 100_000,
    // Redis unreachable: better to answer scans unlimited than to refuse every buyer.
    skipOnError: true,
    // Headers only on a refusal: every scan passes here, and they would cost each answer.
    addHeadersOnExceeding: {
      "x-ratelimit-limit": false,
      "x-ratelimit-remaining": false,
      "x-ratelimit-reset": false,
    },
    addHeaders: {
      "x-ratelimit-limit": false,
      "x-ratelimit-remaining": false,
      "x-ratelimit-reset": false,
      "retry-after": true,
    },
    errorResponseBuilder: (_request, context) =>
      rateLimitedError(Math.max(1, Math.ceil(context.ttl / 1000))),
    onExceeded: (request) =>
      request.log.warn({ network: ipPrefix(request.ip) }, "rate limit reached"),
  })

  const hooks = new Map<Group, onRequestHookHandler>()
  for (const [group, max] of [
    ["public", rateLimitPerMinute],
    ["render", renderRateLimitPerMinute],
  ] as const) {
    const limit = app.rateLimit({
      max,
      keyGenerator: (request: FastifyRequest) => `${group}:${rateLimitKey(request.ip)}`,
      ...(allow ? { allowList: (request: FastifyRequest) => allowed(allow, request.ip) } : {}),
      // Names the store the plugin makes for this group (GroupStore.child).
      ...{ group },
    })
    // The plugin's own hook, unwrapped: every scan passes it (the refusal carries its CORS
    // headers through the error handler, see rateLimitedError).
    hooks.set(group, limit)
  }

  app.addHook("onRoute", (route: RouteOptions) => {
    const group = rateLimitGroup(route.url ?? "")
    if (!group) return
    const hook = hooks.get(group)!
    // First: a refused request costs nothing else (no token check, no body parsing).
    route.onRequest = [hook, ...(route.onRequest ? [route.onRequest].flat() : [])]
  })

  const store = groupStores.get("public")!
  return {
    take(ip, then) {
      if (allow && allowed(allow, ip)) return then(true)
      store.incr(
        `public:${rateLimitKey(ip)}`,
        // Redis unreachable: answered unlimited, as the plugin does (skipOnError).
        (error, result) =>
          then(error !== null || result === undefined || result.current <= rateLimitPerMinute),
        WINDOW_MS,
        rateLimitPerMinute,
      )
    },
  }
}
