import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify"
import type { LogLevel } from "../../config.js"
import { ipPrefix, preferredLanguage, userAgentFamily } from "../../domain/client-facts.js"
import { encodeAiValue } from "../../domain/digital-link.js"
import { type ParsedLink, parseLinkPath } from "../../domain/link-path.js"
import {
  findLink,
  knownLinkType,
  type LinkLevel,
  type LinkType,
  linkLevels,
  toLinkset,
} from "../../domain/linkset.js"
import { scanCookieParts } from "../../domain/scan-cookie.js"
import { verifySerial } from "../../domain/serial.js"
import { msg } from "../../messages.js"
import type { ScanService, StampAnswer } from "../../scans/scan-service.js"
import { LOCATION_WINDOW_MINUTES } from "../../services/scan-locations.js"
import type { RouteContext } from "../context.js"
import { badRequest, errorSchema, HttpError } from "../errors.js"
import {
  linksetSchema,
  lotProvenanceSchema,
  notGenuineSchema,
  productRecordSchema,
  redirectSchema,
  stampProvenanceSchema,
} from "./resolver-schemas.js"

/**
 * The scan resolver: every scan of every bag lands here. GS1 Digital Link
 * `/01/{gtin}[/10/{lot}[/21/{serial}]]` and the short `/s/{serial}`; GET, HEAD and OPTIONS with
 * CORS. The serial's signature is checked before any I/O, so forged serials cost no query.
 * GS1-Conformant Resolver 1.2.0 as docs/gs1.md lists it: the default answer is a 307 to exactly
 * the linkset's default link, so a scan's id reaches the stamp page in a cookie (scan-cookie.ts).
 */

export const NOT_GENUINE = Buffer.from(JSON.stringify({ verdict: "not_genuine" }))
export const JSON_TYPE = "application/json; charset=utf-8"
export const LINKSET_TYPE = "application/linkset+json"

/** JSON only when the client asks for it over HTML; browsers and bare scanners get redirected. */
export function prefersJson(accept: string | undefined): boolean {
  if (!accept) return false
  const quality = (type: string) => {
    let best = 0
    for (const part of accept.split(",")) {
      const [mediaRange = "", ...params] = part.trim().toLowerCase().split(";")
      if (mediaRange.trim() !== type) continue
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="))
      best = Math.max(best, q ? Number(q.slice(2)) || 0 : 1)
    }
    return best
  }
  const json = Math.max(quality("application/json"), quality("application/ld+json"))
  return json > 0 && json >= quality("text/html")
}

/** How the client wants the answer. */
type Wanted =
  | { kind: "linkset" }
  | { kind: "link"; type: LinkType }
  | { kind: "json" }
  | { kind: "default" }

function wanted(request: FastifyRequest, query: URLSearchParams): Wanted {
  const linkType = query.get("linkType")
  if (linkType === "linkset" || linkType === "all") return { kind: "linkset" }
  if (linkType) {
    const type = knownLinkType(linkType)
    if (!type) {
      throw new HttpError(404, "not_found", msg.noLinkType(linkType))
    }
    return { kind: "link", type }
  }
  const accept = request.headers.accept
  if (accept?.includes(LINKSET_TYPE)) return { kind: "linkset" }
  return prefersJson(accept) ? { kind: "json" } : { kind: "default" }
}

/** `target` with the request's query parameters (but linkType) passed on, as GS1 asks. */
function withQuery(target: string, query: URLSearchParams, extra: Record<string, string> = {}) {
  // Most scans carry no query: the link's own href, byte for byte, as the linkset gives it.
  if (query.size === 0 && Object.keys(extra).length === 0) return target
  const url = new URL(target)
  for (const [key, value] of query)
    if (key !== "linkType" && !(key in extra)) url.searchParams.append(key, value)
  for (const [key, value] of Object.entries(extra)) url.searchParams.set(key, value)
  return url.toString()
}

const iso = (date: Date | null) => (date ? date.toISOString() : null)

/** A stamp's answer: the head built per scan, the batch's JSON bytes appended from the cache. */
export function stampJson(answer: StampAnswer): Buffer {
  const { stamp, summary, scan } = answer
  const head = JSON.stringify({
    verdict: answer.verdict,
    scan: scan
      ? { id: scan.token, number: scan.number, scanned_at: scan.scannedAt.toISOString() }
      : null,
    scans: {
      count: summary.count,
      first_scanned_at: iso(summary.firstScannedAt),
      last_scanned_at: iso(summary.lastScannedAt),
    },
    stamp: {
      serial: stamp.serial,
      uri: stamp.uri,
      state: stamp.state,
      issued_at: stamp.issuedAt.toISOString(),
    },
  })
  return Buffer.concat([Buffer.from(head.slice(0, -1)), answer.batch.tail])
}

/** At most warnings on the hot routes, or less when the service is set quieter still. */
export const quietLogLevel = (level: LogLevel): LogLevel =>
  ["error", "fatal", "silent"].includes(level) ? level : "warn"

/** GS1's JSON-LD context for linksets, which turns a linkset's JSON into JSON-LD. */
const JSON_LD_CONTEXT = `<https://ref.gs1.org/standards/resolver/linkset-context>; rel="http://www.w3.org/ns/json-ld#context"; type="application/ld+json"`

/** The Link header of an answer: its linkset, and with a linkset the JSON-LD context too. */
export const linksetHeader = (anchor: string, isLinkset = false) =>
  `<${anchor}?linkType=linkset>; rel="linkset"; type="${LINKSET_TYPE}"${isLinkset ? `, ${JSON_LD_CONTEXT}` : ""}`

/** The canonical URI of a parsed request path, for the Link header of an OPTIONS answer. */
function anchorOf(publicUrl: string, link: ParsedLink): string {
  if (link.kind === "short") return `${publicUrl}/s/${encodeAiValue(link.serial)}`
  let path = `/01/${link.gtin}`
  if (link.cpv) path += `/22/${encodeAiValue(link.cpv)}`
  if (link.lot) path += `/10/${encodeAiValue(link.lot)}`
  if (link.serial) path += `/21/${encodeAiValue(link.serial)}`
  return `${publicUrl}${path}`
}

export function resolverRoutes(
  app: FastifyInstance,
  { config, services }: RouteContext,
  service: ScanService,
): void {
  const { publicUrl, storefrontUrl } = config
  // Null when the resolver and the storefront are on different sites: the id goes in the URL.
  const scanCookie = scanCookieParts(publicUrl, storefrontUrl, LOCATION_WINDOW_MINUTES * 60)

  function answerLinks(
    reply: FastifyReply,
    levels: LinkLevel[],
    want: Wanted,
    query: URLSearchParams,
    scanToken: string | null,
  ) {
    if (want.kind === "linkset") {
      return reply.type(LINKSET_TYPE).send(JSON.stringify(toLinkset(levels)))
    }
    const type = want.kind === "link" ? want.type : "gs1:defaultLink"
    const link = findLink(levels, type)
    if (!link) throw new HttpError(404, "not_found", msg.noLink(type))
    // The stamp's page reads this scan's verdict with the token instead of counting a second
    // scan. The token rides in a cookie on the shared site, so the redirect goes exactly to the
    // default link; only a storefront on another site gets it in the URL (docs/gs1.md).
    const isStampPage = scanToken !== null && link === levels[0]?.links["gs1:defaultLink"]
    if (isStampPage && scanCookie) {
      reply.header("set-cookie", scanCookie.before + scanToken + scanCookie.after)
    }
    const extra: Record<string, string> = isStampPage && !scanCookie ? { scan: scanToken } : {}
    return reply.redirect(withQuery(link.href, query, extra), 307)
  }

  /**
   * A forged or unknown serial: JSON clients, linksets and link types get `404 {verdict}`; a
   * browser (or a bare scanner) is sent to the storefront's stamp page, which shows the warning
   * in the buyer's language instead of a bare JSON body. Nothing is looked up or counted.
   */
  function notGenuine(reply: FastifyReply, serial: string, want: Wanted) {
    if (want.kind !== "default") return reply.status(404).type(JSON_TYPE).send(NOT_GENUINE)
    return reply.redirect(`${storefrontUrl}/vi/trace/${encodeURIComponent(serial)}`, 307)
  }

  async function resolveStamp(
    request: FastifyRequest,
    reply: FastifyReply,
    link: ParsedLink,
    serial: string,
    want: Wanted,
    query: URLSearchParams,
  ) {
    if (!verifySerial(serial, config.stampSigningSecret)) return notGenuine(reply, serial, want)
    const expected = link.kind === "gtin" ? { gtin: link.gtin, lot: link.lot } : null
    // HEAD and linksets describe the stamp; only a resolution someone acts on is a scan.
    const counts = request.method === "GET" && want.kind !== "linkset"
    const pending = counts
      ? service.scan(serial, expected, {
          userAgentFamily: userAgentFamily(request.headers["user-agent"]),
          language: preferredLanguage(request.headers["accept-language"]),
          ipPrefix: ipPrefix(request.ip),
        })
      : service.peek(serial, expected, null)
    // A scan answered from memory is not a promise: answering without a detour through the
    // microtask queue measured about a quarter less CPU per scan (docs/benchmarks.md).
    const answer = pending instanceof Promise ? await pending : pending
    if (!answer) return notGenuine(reply, serial, want)

    reply.header("link", linksetHeader(answer.stamp.uri, want.kind === "linkset"))
    if (want.kind === "json") return reply.type(JSON_TYPE).send(stampJson(answer))
    const { product, batch } = answer.batch.provenance
    const levels = linkLevels({
      publicUrl,
      storefrontUrl,
      gtin: product.gtin,
      lotCode: batch.lot_code,
      serial,
      batchId: batch.id,
      productHandle: product.handle || null,
      productTitle: product.title,
    })
    return answerLinks(reply, levels, want, query, answer.scan?.token ?? null)
  }

  async function resolveProduct(
    reply: FastifyReply,
    link: Extract<ParsedLink, { kind: "gtin" }>,
    want: Wanted,
    query: URLSearchParams,
  ) {
    // A lot walks up to its batch; an unknown lot walks up to the product.
    const { batchId, batch: cached, lots } = await services.provenance.ofGtin(link.gtin, link.lot)
    const { product, producer, batch } = cached.provenance
    const anchor = `${publicUrl}/01/${link.gtin}${batchId ? `/10/${encodeAiValue(batch.lot_code)}` : ""}`
    reply.header("link", linksetHeader(anchor, want.kind === "linkset"))
    if (want.kind === "json") {
      if (batchId) return reply.type(JSON_TYPE).send(`{${cached.members}}`)
      const record = {
        product,
        producer,
        lots: lots.map((lot) => ({
          ...lot,
          uri: `${publicUrl}/01/${link.gtin}/10/${encodeAiValue(lot.lot_code)}`,
        })),
      }
      return reply.type(JSON_TYPE).send(JSON.stringify(record))
    }
    const levels = linkLevels({
      publicUrl,
      storefrontUrl,
      gtin: link.gtin,
      lotCode: batchId ? batch.lot_code : null,
      serial: null,
      batchId,
      productHandle: product.handle || null,
      productTitle: product.title,
    })
    return answerLinks(reply, levels, want, query, null)
  }

  async function resolve(request: FastifyRequest, reply: FastifyReply) {
    reply.headers({
      "access-control-allow-origin": "*",
      "access-control-expose-headers": "Link, Location",
      vary: "Accept",
      // Every resolution may be a counted scan: no shared cache may answer one for us.
      "cache-control": "no-store",
    })
    const queryAt = request.url.indexOf("?")
    const path = queryAt === -1 ? request.url : request.url.slice(0, queryAt)
    const query = new URLSearchParams(queryAt === -1 ? "" : request.url.slice(queryAt + 1))
    const parsed = parseLinkPath(path)
    if (!parsed.ok) throw badRequest(parsed.field, parsed.text)
    const link = parsed.link
    const want = wanted(request, query)
    if (link.serial) return resolveStamp(request, reply, link, link.serial, want, query)
    return resolveProduct(reply, link as Extract<ParsedLink, { kind: "gtin" }>, want, query)
  }

  /** CORS, and (GS1's suite reads it here) the Link to the URI's linkset; nothing looked up. */
  function preflight(request: FastifyRequest, reply: FastifyReply) {
    const queryAt = request.url.indexOf("?")
    const parsed = parseLinkPath(queryAt === -1 ? request.url : request.url.slice(0, queryAt))
    if (parsed.ok) reply.header("link", linksetHeader(anchorOf(publicUrl, parsed.link)))
    return reply
      .status(204)
      .headers({
        allow: "GET, HEAD, OPTIONS",
        "access-control-allow-origin": "*",
        "access-control-allow-methods": "GET, HEAD, OPTIONS",
        "access-control-allow-headers": "Accept, Accept-Language",
        "access-control-expose-headers": "Link, Location",
        "access-control-max-age": "86400",
      })
      .send()
  }

  const accepts = {
    type: "object",
    properties: {
      linkType: {
        type: "string",
        description:
          "`linkset` (or `all`) for the RFC 9264 linkset; a GS1 link type to be redirected to it",
      },
    },
  }
  // A forged or unknown serial is {verdict}, an unknown link type an error.
  const errors = {
    400: errorSchema,
    404: { anyOf: [notGenuineSchema, errorSchema] },
    429: errorSchema,
  }
  /** A record as JSON, or the identifier's links as an RFC 9264 linkset. */
  const recordOrLinkset = (record: object) => ({
    content: {
      "application/json": { schema: record },
      "application/linkset+json": { schema: linksetSchema },
    },
  })
  const stampAnswers = {
    200: recordOrLinkset(stampProvenanceSchema),
    307: redirectSchema,
    ...errors,
  }
  // Every scan would log two lines at info; scans are in the scan log instead.
  const common = { logLevel: quietLogLevel(config.logLevel) }
  const routes: [string, Record<string, unknown>, Record<string, unknown>, string][] = [
    [
      "/s/:serial",
      { serial: { type: "string" } },
      stampAnswers,
      "A stamp of a product without a GTIN",
    ],
    [
      "/01/:gtin/10/:lot/21/:serial",
      { gtin: { type: "string" }, lot: { type: "string" }, serial: { type: "string" } },
      stampAnswers,
      "A stamp (GS1 Digital Link with lot and serial)",
    ],
    [
      "/01/:gtin/21/:serial",
      { gtin: { type: "string" }, serial: { type: "string" } },
      stampAnswers,
      "A stamp named by GTIN and serial",
    ],
    [
      "/01/:gtin/10/:lot",
      { gtin: { type: "string" }, lot: { type: "string" } },
      {
        // An unknown lot walks up to its product's record.
        200: recordOrLinkset({ anyOf: [lotProvenanceSchema, productRecordSchema] }),
        307: redirectSchema,
        ...errors,
        404: errorSchema,
      },
      "A lot: its batch's provenance, no scan verdict",
    ],
    [
      "/01/:gtin",
      { gtin: { type: "string" } },
      {
        200: recordOrLinkset(productRecordSchema),
        307: redirectSchema,
        ...errors,
        404: errorSchema,
      },
      "A product: its newest lots",
    ],
  ]
  for (const [url, params, response, summary] of routes) {
    const schema = {
      tags: ["resolver"],
      summary,
      description:
        "Accept: application/json gives the record, application/linkset+json (or ?linkType=linkset) the linkset (GS1's JSON-LD context in Link); browsers are redirected (307) to the default link, exactly as the linkset gives it (a stamp's scan id rides in the `trace_scan` cookie when the storefront shares the resolver's site); ?linkType=gs1:... (or a full https://gs1.org/voc/ or https://ref.gs1.org/voc/ URI) redirects (307) to that link.",
      params: { type: "object", properties: params },
      querystring: accepts,
      response,
    }
    app.get(url, { ...common, schema }, resolve)
    app.options(
      url,
      {
        ...common,
        schema: {
          tags: ["resolver"],
          summary: "CORS preflight",
          response: { 204: { type: "null" } },
        },
      },
      preflight,
    )
  }
  // Anything else under /01 (qualifiers out of order, unknown AIs): the parser names the error.
  app.get("/01/*", { ...common, schema: { hide: true } }, resolve)
  app.options("/01/*", { ...common, schema: { hide: true } }, preflight)
}
