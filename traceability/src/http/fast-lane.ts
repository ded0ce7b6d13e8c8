import type { IncomingMessage, ServerResponse } from "node:http"
import { findHostileUrl } from "@coop/contracts/hostile-input"
import { preferredLang } from "@coop/contracts/i18n"
import { ipPrefix, preferredLanguage, userAgentFamily } from "../domain/client-facts.js"
import { type ParsedLink, parseLinkPath } from "../domain/link-path.js"
import { verifySerial } from "../domain/serial.js"
import { msg } from "../messages.js"
import type { ScanService, StampAnswer } from "../scans/scan-service.js"
import type { PublicLimit } from "./rate-limit.js"
import {
  JSON_TYPE,
  LINKSET_TYPE,
  linksetHeader,
  NOT_GENUINE,
  prefersJson,
  stampJson,
} from "./routes/resolver.js"

/**
 * The resolver's fast lane: a scan asking for JSON (`GET` of a stamp's URI, no query string,
 * `Accept` preferring JSON) is answered on the raw `node:http` request, before Fastify builds
 * its request and reply, runs its hooks and routes it. Market bursts of scans are mostly these
 * and forged serials, so they skip the per-request framework work (docs/benchmarks.md).
 *
 * The answers are byte for byte the route's (test/fast-lane.test.ts compares both lanes), the
 * scan is counted and logged by the same ScanService, and the `public` rate limit counts it in
 * the same bucket. Everything else (HEAD, OPTIONS, browsers' redirects, linksets, a query, an
 * escape, a malformed path, a refused client) goes to Fastify untouched: the lane answers only
 * what it can answer exactly as the route would.
 */

/** Whether `ip` is the client as Fastify's trustProxy names it: TRUST_PROXY_HOPS proxies deep. */
export function clientAddress(request: IncomingMessage, hops: number): string | undefined {
  const remote = request.socket.remoteAddress
  if (hops === 0) return remote
  // proxy-addr's walk with a trust of `hop < hops`: the socket, then X-Forwarded-For from the
  // right; the first untrusted hop is the client, else the leftmost address given.
  const header = request.headers["x-forwarded-for"]
  const forwarded = typeof header === "string" ? header.split(",").map((a) => a.trim()) : []
  const chain = [remote, ...forwarded.reverse()]
  return chain[Math.min(hops, chain.length - 1)]
}

/** The route's headers on every resolver answer, as a flat list for writeHead. */
const STAMP_HEADERS = [
  "access-control-allow-origin",
  "*",
  "access-control-expose-headers",
  "Link, Location",
  "vary",
  "Accept",
  "cache-control",
  "no-store",
  "content-type",
  JSON_TYPE,
]

function send(response: ServerResponse, status: number, body: Buffer, link: string | null) {
  const headers = [...STAMP_HEADERS, "content-length", String(body.length)]
  if (link) headers.push("link", link)
  response.writeHead(status, headers)
  response.end(body)
}

export interface FastLaneOptions {
  service: ScanService
  stampSigningSecret: string
  trustProxyHops: number
  /** The `public` rate limit's bucket, or null when limits are off. */
  limit: PublicLimit | null
  log: { error: (obj: object, msg: string) => void }
}

type Handler = (request: IncomingMessage, response: ServerResponse) => void

/**
 * Wraps the raw server's handler (Fastify's): the requests the lane can answer exactly as the
 * route would are answered here, every other one goes to `fastify` untouched.
 */
export function createFastLane(
  { service, stampSigningSecret, trustProxyHops, limit, log }: FastLaneOptions,
  fastify: Handler,
): Handler {
  function failed(request: IncomingMessage, response: ServerResponse, error: unknown) {
    // What the error handler answers for an unexpected error.
    log.error({ err: error }, "request failed")
    const lang = preferredLang(request.headers["accept-language"])
    const body = { error: "internal_error", message: msg.internal()[lang] }
    send(response, 500, Buffer.from(JSON.stringify(body)), null)
  }

  function scan(
    request: IncomingMessage,
    response: ServerResponse,
    link: ParsedLink,
    ip: string | undefined,
  ) {
    const serial = link.serial!
    if (!verifySerial(serial, stampSigningSecret)) return send(response, 404, NOT_GENUINE, null)
    const expected = link.kind === "gtin" ? { gtin: link.gtin, lot: link.lot } : null
    const done = (found: StampAnswer | null) => {
      if (!found) return send(response, 404, NOT_GENUINE, null)
      send(response, 200, stampJson(found), linksetHeader(found.stamp.uri))
    }
    let pending: ReturnType<ScanService["scan"]>
    try {
      pending = service.scan(serial, expected, {
        userAgentFamily: userAgentFamily(request.headers["user-agent"]),
        language: preferredLanguage(request.headers["accept-language"]),
        ipPrefix: ipPrefix(ip),
      })
    } catch (error) {
      return failed(request, response, error)
    }
    // From memory the answer is written in the same turn as the request was read.
    if (!(pending instanceof Promise)) return done(pending)
    pending.then(done, (error: unknown) => failed(request, response, error))
  }

  return (request, response) => {
    const url = request.url
    const accept = request.headers.accept
    if (
      request.method !== "GET" ||
      !url ||
      !(url.startsWith("/01/") || url.startsWith("/s/")) ||
      url.includes("?") ||
      !accept ||
      // What phones and the bench send; anything else is weighed as the route weighs it.
      (accept !== "application/json" && (accept.includes(LINKSET_TYPE) || !prefersJson(accept))) ||
      findHostileUrl(url)
    ) {
      return fastify(request, response)
    }
    const parsed = parseLinkPath(url)
    if (!parsed.ok || !parsed.link.serial) return fastify(request, response)
    const link = parsed.link
    const ip = clientAddress(request, trustProxyHops)
    if (!limit) return scan(request, response, link, ip)
    if (ip === undefined) return fastify(request, response)
    // Over the limit: Fastify's hook counts it once more and refuses it with its own 429.
    limit.take(ip, (allowed) => {
      if (allowed) scan(request, response, link, ip)
      else fastify(request, response)
    })
  }
}
