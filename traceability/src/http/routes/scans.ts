import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify"
import { verifyScanToken } from "../../domain/scan-token.js"
import { verifySerial } from "../../domain/serial.js"
import { findImpossibleTravel } from "../../domain/verdict.js"
import { msg } from "../../messages.js"
import type { ScanService } from "../../scans/scan-service.js"
import { inTransaction } from "../../store/db.js"
import { findScanNetwork, flagImpossibleTravel, insertScanLocation } from "../../store/scans.js"
import type { RouteContext } from "../context.js"
import { badRequest, errorSchema, HttpError } from "../errors.js"
import { quietLogLevel, stampJson } from "./resolver.js"
import { notGenuineSchema, stampProvenanceSchema } from "./resolver-schemas.js"

/** A location is only taken this soon after its scan: later, it says nothing about the scan. */
export const LOCATION_WINDOW_MINUTES = 30

const NOT_GENUINE = Buffer.from(JSON.stringify({ verdict: "not_genuine" }))

const locationBody = {
  type: "object",
  properties: {
    lat: { type: "number", minimum: -90, maximum: 90 },
    lng: { type: "number", minimum: -180, maximum: 180 },
    accuracy: { type: "number", minimum: 0, maximum: 1_000_000, description: "metres" },
  },
  required: ["lat", "lng"],
  additionalProperties: false,
} as const

interface LocationBody {
  lat: number
  lng: number
  accuracy?: number
}

function cors(reply: FastifyReply) {
  return reply.header("access-control-allow-origin", "*").header("cache-control", "no-store")
}

/**
 * The storefront's side of a scan: reading the stamp again without counting a second scan, and
 * attaching the location a buyer agreed to share.
 */
export function scanRoutes(
  app: FastifyInstance,
  { config, pool }: RouteContext,
  service: ScanService,
): void {
  app.get<{ Params: { serial: string }; Querystring: { scan?: string } }>(
    "/stamps/:serial/provenance",
    {
      logLevel: quietLogLevel(config.logLevel),
      schema: {
        tags: ["resolver"],
        summary: "A stamp's provenance and verdict, without counting a scan",
        description:
          "For the storefront's scan page after the resolver's redirect: `scan` is the scan id the redirect carried; the verdict is that scan's, updated by what is known since. Rate-limited like the resolver (list the storefront's server in RATE_LIMIT_ALLOW).",
        params: {
          type: "object",
          properties: { serial: { type: "string", maxLength: 40 } },
          required: ["serial"],
        },
        querystring: {
          type: "object",
          properties: { scan: { type: "string", maxLength: 200 } },
        },
        response: { 200: stampProvenanceSchema, 400: errorSchema, 404: notGenuineSchema },
      },
    },
    async (request, reply) => {
      cors(reply)
      const { serial } = request.params
      if (!verifySerial(serial, config.stampSigningSecret)) {
        return reply.status(404).type("application/json").send(NOT_GENUINE)
      }
      let scan = null
      if (request.query.scan !== undefined) {
        const claims = verifyScanToken(request.query.scan, service.tokenKey)
        if (!claims || claims.serial !== serial) {
          throw badRequest("scan", msg.scanNotOfStamp())
        }
        scan = { token: request.query.scan, claims }
      }
      const answer = await service.peek(serial, null, scan)
      if (!answer) return reply.status(404).type("application/json").send(NOT_GENUINE)
      return reply.type("application/json; charset=utf-8").send(stampJson(answer))
    },
  )

  const locationSchema = {
    tags: ["resolver"],
    summary: "Attach the location a buyer agreed to share to their scan",
    description: `The path holds the scan id the resolver gave (it is signed: no other authorisation). Accepted once per scan, within ${LOCATION_WINDOW_MINUTES} minutes of it. Two located scans of one stamp from different networks, too far apart too quickly, make the stamp suspicious.`,
    params: {
      type: "object",
      properties: { scan_id: { type: "string", maxLength: 200 } },
      required: ["scan_id"],
    },
    body: locationBody,
    response: {
      201: {
        type: "object",
        properties: {
          verdict: { type: "string" },
          impossible_travel: { type: "boolean" },
        },
        required: ["verdict", "impossible_travel"],
      },
      "4xx": errorSchema,
    },
  }

  app.post<{ Params: { scan_id: string }; Body: LocationBody }>(
    "/scans/:scan_id/location",
    {
      onRequest: async (_request: FastifyRequest, reply: FastifyReply) => {
        cors(reply)
      },
      schema: locationSchema,
    },
    async (request, reply) => {
      const token = request.params.scan_id
      const claims = verifyScanToken(token, service.tokenKey)
      if (!claims) throw new HttpError(404, "not_found", msg.scanNotFound())
      const age = Date.now() - claims.scannedAt.getTime()
      if (age > LOCATION_WINDOW_MINUTES * 60_000) {
        throw new HttpError(409, "too_late", msg.locationTooLate(LOCATION_WINDOW_MINUTES))
      }
      const { lat, lng, accuracy } = request.body
      const location = {
        scanId: claims.scanId,
        serial: claims.serial,
        scannedAt: claims.scannedAt,
        lat,
        lng,
        accuracyM: accuracy ?? null,
      }
      const { travelKm, travelMinutes } = config.resolver
      // The scan's own network (not the poster's: the storefront's server posts for the buyer)
      // comes from the scan log; write this instance's pending scans so it is there.
      await service.flush()
      const impossible = await inTransaction(pool, async (client) => {
        const network = await findScanNetwork(client, claims.scanId)
        const others = await insertScanLocation(client, location, travelMinutes)
        if (others === null) {
          throw new HttpError(409, "conflict", msg.scanHasLocation())
        }
        const conflict = findImpossibleTravel(
          { lat, lng, accuracyM: location.accuracyM, network, at: claims.scannedAt },
          others.map((o) => ({
            lat: o.lat,
            lng: o.lng,
            accuracyM: o.accuracy_m,
            network: o.ip_prefix,
            at: o.scanned_at,
          })),
          { maxDistanceKm: travelKm, withinMinutes: travelMinutes },
        )
        if (conflict) await flagImpossibleTravel(client, location)
        return conflict !== null
      })
      if (impossible) {
        await service.flagStamp(claims.serial)
        request.log.warn({ serial: claims.serial }, "scan: located scans impossibly far apart")
      }
      const answer = await service.peek(claims.serial, null, { token, claims })
      return reply.status(201).send({
        verdict: answer?.verdict ?? "not_genuine",
        impossible_travel: impossible,
      })
    },
  )

  app.options(
    "/scans/:scan_id/location",
    {
      schema: {
        tags: ["resolver"],
        summary: "CORS preflight",
        response: { 204: { type: "null" } },
      },
    },
    (_request, reply) =>
      reply
        .status(204)
        .headers({
          "access-control-allow-origin": "*",
          "access-control-allow-methods": "POST, OPTIONS",
          "access-control-allow-headers": "Content-Type",
          "access-control-max-age": "86400",
        })
        .send(),
  )
}
