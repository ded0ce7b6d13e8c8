import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify"
import { LOCATION_WINDOW_MINUTES } from "../../services/scan-locations.js"
import type { RouteContext } from "../context.js"
import { errorSchema } from "../errors.js"
import { quietLogLevel, stampJson } from "./resolver.js"
import { notGenuineSchema, stampProvenanceSchema } from "./resolver-schemas.js"

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
export function scanRoutes(app: FastifyInstance, { config, services }: RouteContext): void {
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
      const answer = await services.provenance.ofStamp(
        request.params.serial,
        request.query.scan ?? null,
      )
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
      const { lat, lng, accuracy } = request.body
      const located = await services.scanLocations.attach(request.params.scan_id, {
        lat,
        lng,
        accuracyM: accuracy ?? null,
      })
      if (located.impossibleTravel) {
        request.log.warn({ serial: located.serial }, "scan: located scans impossibly far apart")
      }
      return reply.status(201).send({
        verdict: located.verdict,
        impossible_travel: located.impossibleTravel,
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
