import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify"
import { EPCIS_QUERY_MESSAGES } from "../../domain/epcis-query.js"
import { type CaptureJob, invalidDocument } from "../../services/epcis.js"
import { authenticate, callerOf } from "../auth.js"
import type { RouteContext } from "../context.js"
import { epcisSchemaComplaints } from "../epcis-schema.js"
import { errorSchema } from "../errors.js"
import { withOfficerArea } from "../officer-area.js"

/**
 * The EPCIS 2.0 query and capture interfaces (REST binding): `GET /events` answers an
 * EPCISQueryDocument of the events the caller may read, paged with `nextPageToken`;
 * `POST /capture` takes a partner's EPCISDocument for lots the caller may write, all events in
 * one transaction, and `GET /capture/:id` tells the job's outcome. Who may see and write what,
 * and the capture's rules, are services/epcis.ts's; here the requests are read and answered.
 */

const errors = { "4xx": errorSchema, "5xx": errorSchema }

const queryDocumentSchema = {
  type: "object",
  properties: {
    "@context": {},
    type: { type: "string" },
    schemaVersion: { type: "string" },
    creationDate: { type: "string" },
    epcisBody: { type: "object", additionalProperties: true },
  },
  required: ["@context", "type", "schemaVersion", "creationDate", "epcisBody"],
} as const

const captureJobSchema = {
  type: "object",
  properties: {
    captureID: { type: "string" },
    status: { type: "string", enum: ["running", "succeeded", "failed"] },
    running: { type: "boolean" },
    success: { type: "boolean" },
    captureErrorBehaviour: { type: "string", enum: ["rollback"] },
    createdAt: { type: "string", format: "date-time" },
    finishedAt: { type: ["string", "null"], format: "date-time" },
    eventCount: { type: "integer", description: "events appended (retried eventIDs not counted)" },
    errors: {
      type: "array",
      items: {
        type: "object",
        properties: {
          type: { type: "string" },
          title: { type: "string" },
          status: { type: "integer" },
          instance: { type: "string", description: "JSON pointer into the document" },
        },
      },
    },
  },
  required: ["captureID", "status", "running", "success", "createdAt", "errors"],
} as const

const QUERY_PARAMETERS = [
  ["GE_eventTime", "events at or after this time (RFC 3339 with offset)"],
  ["LT_eventTime", "events before this time"],
  ["GE_recordTime", "events recorded at or after this time"],
  ["LT_recordTime", "events recorded before this time"],
  ["eventType", "ObjectEvent, TransformationEvent, ... (repeat or separate with |)"],
  ["EQ_bizStep", "CBV business steps, bare (shipping) or as URIs"],
  ["MATCH_epc", "instance EPCs in epcList (this service's events list none)"],
  ["MATCH_anyEPC", "instance EPCs anywhere in the event (this service's events list none)"],
  [
    "MATCH_epcClass",
    "lot URIs: {public URL}/01/{gtin}/10/{lot} (any Digital Link host) or {public URL}/batches/{id}",
  ],
  ["MATCH_anyEPCClass", "lot URIs in any quantity list"],
  ["perPage", "events per page, 1-500 (default 30)"],
  ["nextPageToken", 'the token from the previous page\'s Link rel="next"'],
] as const

const EPCIS_HEADERS = { "GS1-EPCIS-Version": "2.0.0", "GS1-CBV-Version": "2.0.0" }

const prefersVietnamese = (request: FastifyRequest) =>
  /^\s*vi\b/i.test(request.headers["accept-language"] ?? "")

export async function epcisRoutes(app: FastifyInstance, context: RouteContext): Promise<void> {
  const { jwtKey, config, services } = context
  const base = config.publicUrl.replace(/\/+$/, "")

  // EPCIS documents are JSON-LD; parsed like JSON.
  app.addContentTypeParser(
    "application/ld+json",
    { parseAs: "string" },
    app.getDefaultJsonParser("error", "error"),
  )

  /** The token's actor (an officer with their area), or null without a token. */
  async function actorOf(request: FastifyRequest) {
    if (!request.headers.authorization) return null
    return withOfficerArea(request, await authenticate(request, jwtKey), context.officers)
  }

  app.get(
    "/events",
    {
      schema: {
        summary: "EPCIS 2.0 query interface (SimpleEventQuery over the REST binding)",
        description:
          'Query parameters: GE_eventTime, LT_eventTime, GE_recordTime, LT_recordTime (RFC 3339), eventType, EQ_bizStep, MATCH_epc, MATCH_anyEPC, MATCH_epcClass, MATCH_anyEPCClass (repeat the parameter or separate values with |), perPage (1-500, default 30), nextPageToken (from the Link rel="next" header). With a bearer token: the events of the batches the token may read. Without: only the lots named (MATCH_epcClass / MATCH_anyEPCClass), like the public per-batch export.',
        // Described, not validated here: parseEventQuery names a bad parameter in vi or en.
        querystring: {
          type: "object",
          properties: Object.fromEntries(
            QUERY_PARAMETERS.map(([name, description]) => [name, { description }]),
          ),
          additionalProperties: true,
        },
        response: { 200: queryDocumentSchema, ...errors },
      },
    },
    async (request, reply) => {
      const params = request.query as Record<string, string | string[]>
      // A malformed parameter is named before the token is looked at.
      const query = services.epcis.parseQuery(params)
      const { document, nextPageToken } = await services.epcis.query(await actorOf(request), query)
      if (nextPageToken) {
        const next = new URL(`${base}/events`)
        for (const [name, value] of Object.entries(params)) {
          if (name === "nextPageToken") continue
          for (const one of Array.isArray(value) ? value : [value]) {
            next.searchParams.append(name, String(one))
          }
        }
        next.searchParams.set("nextPageToken", nextPageToken)
        reply.header("link", `<${next.href}>; rel="next"`)
      }
      reply.headers(EPCIS_HEADERS)
      return reply.type("application/ld+json; charset=utf-8").send(document)
    },
  )

  const withAuth = {
    preValidation: async (request: FastifyRequest) => {
      request.actor = await authenticate(request, jwtKey)
    },
  }

  app.post<{ Headers: { "idempotency-key"?: string } }>(
    "/capture",
    {
      schema: {
        summary:
          "EPCIS 2.0 capture interface: a partner's EPCISDocument for lots the caller may write",
        description:
          "Validated against GS1's EPCIS 2.0 schema, each event mapped to a batch event and appended to its lot's hash chain, all in one transaction (captureErrorBehaviour rollback). Idempotent by eventID (per seller) and by Idempotency-Key. Answers 202 with the job and Location: /capture/{id}.",
        headers: {
          type: "object",
          properties: { "idempotency-key": { type: "string", minLength: 1, maxLength: 255 } },
        },
        body: { type: "object", additionalProperties: true },
        response: { 202: captureJobSchema, ...errors },
      },
      ...withAuth,
    },
    async (request, reply) => {
      const actor = request.actor!
      const document = request.body as Record<string, unknown>
      const complaints = epcisSchemaComplaints(document)
      if (complaints.length) {
        const first = complaints[0]!
        throw invalidDocument(
          EPCIS_QUERY_MESSAGES.schema(first.path, first.message),
          first.path || "/",
        )
      }
      const { job, outcome } = await services.epcis.capture(
        callerOf(request, actor),
        document,
        request.headers["idempotency-key"] ?? null,
      )
      if (outcome) {
        request.log.info({ captureId: job.id, ...outcome, errors: undefined }, "epcis capture")
      }
      return sendJob(reply.status(202).header("location", `/capture/${job.id}`), request, job)
    },
  )

  app.get<{ Params: { id: string } }>(
    "/capture/:id",
    {
      schema: {
        summary: "An EPCIS capture job: running, succeeded or failed, with the errors",
        params: {
          type: "object",
          properties: { id: { type: "string", format: "uuid" } },
          required: ["id"],
        },
        response: { 200: captureJobSchema, ...errors },
      },
      ...withAuth,
    },
    async (request, reply) => {
      const job = await services.epcis.captureJob(request.actor!, request.params.id)
      return sendJob(reply, request, job)
    },
  )

  function sendJob(reply: FastifyReply, request: FastifyRequest, job: CaptureJob) {
    const vi = prefersVietnamese(request)
    reply.headers(EPCIS_HEADERS)
    return reply.send({
      captureID: job.id,
      status: job.status,
      running: job.status === "running",
      success: job.status === "succeeded",
      captureErrorBehaviour: "rollback",
      createdAt: job.createdAt.toISOString(),
      finishedAt: job.finishedAt?.toISOString() ?? null,
      eventCount: job.eventCount,
      errors: job.errors.map((error) => ({
        type: "epcisException:ValidationException",
        title: vi ? error.vi : error.en,
        status: 409,
        instance: error.path,
      })),
    })
  }
}
