import { createHash, randomUUID } from "node:crypto"
import {
  EVENT_TYPES,
  EVENT_TYPES_AFTER_SEALING,
  type EventType,
  eventBodySchema,
  splitEventBody,
} from "@coop/contracts/events"
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify"
import { type Actor, isOperator, SERVICE_ACTOR_TYPE } from "../../domain/actor.js"
import type { Batch } from "../../domain/batch.js"
import { EPCIS_CONTEXT, epcisEvents } from "../../domain/epcis.js"
import {
  lotKey,
  type MappedEvent,
  mapCapturedEvents,
  parseLotUri,
} from "../../domain/epcis-capture.js"
import {
  bizStepOf,
  cbvWord,
  EPCIS_QUERY_MESSAGES,
  type EventQuery,
  epcisTypeOf,
  type Localized,
  namesLots,
  parseEventQuery,
  queryFingerprint,
  readPageToken,
  signPageToken,
} from "../../domain/epcis-query.js"
import { DomainError } from "../../domain/errors.js"
import { lockBatchForWrite, writerOf } from "../../services/batch-access.js"
import { inTransaction } from "../../store/db.js"
import {
  alreadyHeld,
  type CaptureJob,
  type EventScope,
  findCaptureJob,
  findLotBatchId,
  finishCaptureJob,
  insertCaptureJob,
  queryEvents,
  recordCapturedEvent,
} from "../../store/epcis-query.js"
import { appendEvent } from "../../store/events.js"
import { authenticate, callerOf } from "../auth.js"
import type { RouteContext } from "../context.js"
import { epcisSchemaComplaints } from "../epcis-schema.js"
import { errorSchema, localizedError } from "../errors.js"
import { withOfficerArea } from "../officer-area.js"

/**
 * The EPCIS 2.0 query and capture interfaces (REST binding): `GET /events` answers an
 * EPCISQueryDocument of the events the caller may read, paged with `nextPageToken`;
 * `POST /capture` takes a partner's EPCISDocument for lots the caller may write, all events in
 * one transaction, and `GET /capture/:id` tells the job's outcome.
 */

export const MAX_CAPTURE_EVENTS = 1000

const bad = (status: number, code: string, message: Localized, field?: string) =>
  localizedError(status, code, message, field)

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

/** Who owns a capture job: the seller for its members and helpers, else the actor itself. */
const ownerOf = (actor: Actor) =>
  actor.sellerId ? `seller:${actor.sellerId}` : `actor:${actor.actorType}:${actor.actorId}`

export async function epcisRoutes(app: FastifyInstance, context: RouteContext): Promise<void> {
  const { pool, jwtKey, config } = context
  const base = config.publicUrl.replace(/\/+$/, "")
  const ns = `${base}/ns/epcis#`
  // Page tokens are signed with a key of their own, derived from the stamp secret.
  const tokenKey = createHash("sha256")
    .update(`epcis-page-token:${config.stampSigningSecret}`)
    .digest("hex")

  // EPCIS documents are JSON-LD; parsed like JSON.
  app.addContentTypeParser(
    "application/ld+json",
    { parseAs: "string" },
    app.getDefaultJsonParser("error", "error"),
  )

  /** The recorded types a query's eventType and EQ_bizStep leave, or null for any. */
  function typesOf(query: EventQuery): EventType[] | null {
    if (!query.eventTypes && !query.bizSteps) return null
    return EVENT_TYPES.filter((type) => {
      if (query.eventTypes && !query.eventTypes.includes(epcisTypeOf(type))) return false
      if (query.bizSteps) {
        const step = bizStepOf(type, ns)
        if (!step) return false
        return query.bizSteps.some((asked) => asked === step || cbvWord(asked, "BizStep") === step)
      }
      return true
    })
  }

  async function scopeOf(request: FastifyRequest): Promise<{ scope: EventScope; caller: string }> {
    if (!request.headers.authorization) return { scope: { kind: "public" }, caller: "public" }
    const actor = await withOfficerArea(
      request,
      await authenticate(request, jwtKey),
      context.officers,
    )
    const caller = `${actor.actorType}:${actor.actorId}`
    if (isOperator(actor) || actor.actorType === SERVICE_ACTOR_TYPE) {
      return { scope: { kind: "all" }, caller }
    }
    if (actor.sellerId) return { scope: { kind: "seller", sellerId: actor.sellerId }, caller }
    if (actor.communeCode) return { scope: { kind: "commune", code: actor.communeCode }, caller }
    if (actor.provinceCode) return { scope: { kind: "province", code: actor.provinceCode }, caller }
    if (actor.actorType.endsWith("_officer")) return { scope: { kind: "none" }, caller }
    // A customer's token widens nothing: what anyone may read.
    return { scope: { kind: "public" }, caller }
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
      const parsed = parseEventQuery(request.query as Record<string, string | string[]>)
      if (!parsed.ok) throw bad(400, "invalid_request", parsed.message, parsed.field)
      const { query } = parsed
      const { scope, caller } = await scopeOf(request)
      if (scope.kind === "public" && !namesLots(query)) {
        throw bad(401, "unauthorized", EPCIS_QUERY_MESSAGES.lotRequired())
      }
      const fingerprint = queryFingerprint(query, caller)
      const after = query.pageToken ? readPageToken(tokenKey, fingerprint, query.pageToken) : null
      if (query.pageToken && !after) {
        throw bad(400, "invalid_request", EPCIS_QUERY_MESSAGES.pageToken(), "nextPageToken")
      }
      const lotList = (uris: string[] | null) =>
        uris ? [uris.flatMap((uri) => parseLotUri(uri, base) ?? [])] : []
      const rows = await queryEvents(pool, scope, {
        geEventTime: query.geEventTime,
        ltEventTime: query.ltEventTime,
        geRecordTime: query.geRecordTime,
        ltRecordTime: query.ltRecordTime,
        types: typesOf(query),
        lotLists: [...lotList(query.matchEpcClass), ...lotList(query.matchAnyEpcClass)],
        matchesNothing: Boolean(query.matchEpc || query.matchAnyEpc),
        after,
        limit: query.perPage + 1,
      })
      const page = rows.slice(0, query.perPage)
      const eventList = page.flatMap(({ event, batch }) => epcisEvents(batch, [event], base))
      if (rows.length > query.perPage) {
        const last = page.at(-1)!.event
        const token = signPageToken(tokenKey, fingerprint, {
          recordedAt: last.recordedAt.toISOString(),
          id: last.id,
        })
        const next = new URL(`${base}/events`)
        for (const [name, value] of Object.entries(request.query as Record<string, unknown>)) {
          if (name === "nextPageToken") continue
          for (const one of Array.isArray(value) ? value : [value]) {
            next.searchParams.append(name, String(one))
          }
        }
        next.searchParams.set("nextPageToken", token)
        reply.header("link", `<${next.href}>; rel="next"`)
      }
      reply.headers(EPCIS_HEADERS)
      return reply.type("application/ld+json; charset=utf-8").send({
        "@context": [EPCIS_CONTEXT, { coop: ns }],
        type: "EPCISQueryDocument",
        schemaVersion: "2.0",
        creationDate: new Date().toISOString(),
        epcisBody: {
          queryResults: { queryName: "SimpleEventQuery", resultsBody: { eventList } },
        },
      })
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
        throw bad(
          400,
          "invalid_document",
          EPCIS_QUERY_MESSAGES.schema(first.path, first.message),
          first.path || "/",
        )
      }
      const mapped = mapCapturedEvents(document, base)
      if (!mapped.ok) {
        throw bad(400, "invalid_document", mapped.problem.message, mapped.problem.path)
      }
      if (mapped.events.length > MAX_CAPTURE_EVENTS) {
        throw bad(
          400,
          "invalid_document",
          EPCIS_QUERY_MESSAGES.tooManyEvents(MAX_CAPTURE_EVENTS),
          "/epcisBody/eventList",
        )
      }
      // Each event as a recorded event would be checked.
      const inputs = mapped.events.map((event) => {
        const result = eventBodySchema.safeParse(event.body)
        if (!result.success) {
          const issue = result.error.issues[0]!
          const path = `/epcisBody/eventList/${event.index}`
          const field = issue.path.join(".")
          throw bad(
            400,
            "invalid_document",
            EPCIS_QUERY_MESSAGES.field(`${path}${field ? ` (${field})` : ""}`, `${issue.message}`),
            path,
          )
        }
        return { ...event, input: splitEventBody(result.data) }
      })

      const documentHash = createHash("sha256").update(JSON.stringify(document)).digest("hex")
      const owner = ownerOf(actor)
      const key = request.headers["idempotency-key"] ?? null
      if (key) {
        const earlier = await findCaptureJob(pool, { owner, idempotencyKey: key })
        if (earlier) return replay(reply, earlier, documentHash, key)
      }

      // The lots, and write access to each: outside any lock, like a recorded event.
      const batchOf = new Map<string, string>()
      for (const event of inputs) {
        const k = lotKey(event.lot)
        if (batchOf.has(k)) continue
        const batchId = await findLotBatchId(pool, event.lot)
        const uri = lotUriOf(event)
        if (!batchId) {
          throw bad(
            404,
            "not_found",
            EPCIS_QUERY_MESSAGES.unknownLot(uri),
            `/epcisBody/eventList/${event.index}`,
          )
        }
        try {
          await context.services.events.checkWritable(callerOf(request, actor), batchId)
        } catch (error) {
          if (error instanceof DomainError && error.kind === "not_found") {
            throw bad(
              404,
              "not_found",
              EPCIS_QUERY_MESSAGES.unknownLot(uri),
              `/epcisBody/eventList/${event.index}`,
            )
          }
          throw error
        }
        batchOf.set(k, batchId)
      }

      const id = randomUUID()
      const job = await insertCaptureJob(pool, { id, owner, idempotencyKey: key, documentHash })
      if (!job) {
        // A concurrent capture with the same key won the insert.
        const earlier = await findCaptureJob(pool, { owner, idempotencyKey: key! })
        return replay(reply, earlier!, documentHash, key!)
      }
      let outcome: Parameters<typeof finishCaptureJob>[2]
      try {
        const appended = await inTransaction(pool, async (client) => {
          // Lock the batches in one order, so two captures of the same lots cannot deadlock.
          const ids = [...new Set(batchOf.values())].sort()
          const batches = new Map<string, Batch>()
          for (const batchId of ids) {
            batches.set(batchId, await lockBatchForWrite(client, batchId, actor))
          }
          let count = 0
          for (const event of inputs) {
            const batch = batches.get(batchOf.get(lotKey(event.lot))!)!
            const path = `/epcisBody/eventList/${event.index}`
            if (event.eventId && (await alreadyHeld(client, batch, event.eventId))) continue
            if (batch.state === "recalled") {
              throw new CaptureFailure(
                path,
                EPCIS_QUERY_MESSAGES.batchClosed(lotUriOf(event), "recalled"),
              )
            }
            if (batch.state === "sealed" && !EVENT_TYPES_AFTER_SEALING.includes(event.input.type)) {
              throw new CaptureFailure(
                path,
                EPCIS_QUERY_MESSAGES.batchClosed(
                  lotUriOf(event),
                  `sealed; only ${EVENT_TYPES_AFTER_SEALING.join(", ")} may follow`,
                ),
              )
            }
            const stored = await appendEvent(client, batch, event.input, writerOf(actor))
            // The locked row's head moves on with each append.
            batches.set(batch.id, { ...batch, eventCount: stored.seq, eventHeadHash: stored.hash })
            if (event.eventId) {
              await recordCapturedEvent(client, {
                sellerId: batch.sellerId,
                epcisEventId: event.eventId,
                batchEventId: stored.id,
                captureId: id,
              })
            }
            count++
          }
          // Finished in the events' own transaction: the job says "succeeded" exactly when the
          // events are there, even if the process dies right after.
          await finishCaptureJob(client, id, { status: "succeeded", eventCount: count, errors: [] })
          return count
        })
        outcome = { status: "succeeded", eventCount: appended, errors: [] }
      } catch (error) {
        if (!(error instanceof CaptureFailure)) {
          await finishCaptureJob(pool, id, {
            status: "failed",
            eventCount: 0,
            errors: [{ path: "", en: "Internal error", vi: "Lỗi hệ thống" }],
          })
          throw error
        }
        outcome = {
          status: "failed",
          eventCount: 0,
          errors: [{ path: error.path, ...error.text }],
        }
      }
      if (outcome.status === "failed") await finishCaptureJob(pool, id, outcome)
      if (outcome.status === "succeeded") {
        // Their cached chain checks, exports and provenance are stale, here and on other instances.
        for (const batchId of new Set(batchOf.values())) await app.scanService.batchChanged(batchId)
      }
      request.log.info({ captureId: id, ...outcome, errors: undefined }, "epcis capture")
      const finished = (await findCaptureJob(pool, { id }))!
      return sendJob(reply.status(202).header("location", `/capture/${id}`), request, finished)
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
      const job = await findCaptureJob(pool, { id: request.params.id })
      if (!job || job.owner !== ownerOf(request.actor!)) {
        throw bad(404, "not_found", EPCIS_QUERY_MESSAGES.captureNotFound(request.params.id))
      }
      return sendJob(reply, request, job)
    },
  )

  function replay(reply: FastifyReply, job: CaptureJob, documentHash: string, key: string) {
    if (job.documentHash !== documentHash) {
      throw bad(
        409,
        "idempotency_key_reused",
        EPCIS_QUERY_MESSAGES.keyReused(key),
        "idempotency-key",
      )
    }
    return sendJob(reply.status(202).header("location", `/capture/${job.id}`), reply.request, job)
  }

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

/** A rule of the batch refused an event: the whole capture is rolled back and the job failed. */
class CaptureFailure extends Error {
  constructor(
    readonly path: string,
    readonly text: Localized,
  ) {
    super(text.en)
  }
}

const lotUriOf = (event: MappedEvent) => lotKey(event.lot)
