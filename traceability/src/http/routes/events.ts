import { isoWithOffset } from "@coop/contracts/event-time"
import {
  EVENT_TYPES,
  type EventBody,
  eventBodySchema,
  splitEventBody,
} from "@coop/contracts/events"
import type { FastifyInstance, FastifyRequest } from "fastify"
import { z } from "zod"
import type { BatchEvent } from "../../domain/event.js"
import { authenticate, callerOf } from "../auth.js"
import type { RouteContext } from "../context.js"
import { errorSchema } from "../errors.js"
import { withOfficerArea } from "../officer-area.js"
import { zodSchema, zodValidatorCompiler } from "../zod.js"
import { batchIdParams } from "./batch-schemas.js"

const nullableString = { type: ["string", "null"] } as const

export const eventSchema = {
  type: "object",
  properties: {
    id: { type: "string" },
    batch_id: { type: "string" },
    seq: { type: "integer" },
    type: { type: "string", enum: [...EVENT_TYPES] },
    occurred_at: { type: "string", format: "date-time" },
    place: {
      type: ["object", "null"],
      properties: {
        name: nullableString,
        lat: { type: ["number", "null"] },
        lng: { type: ["number", "null"] },
      },
    },
    actor: nullableString,
    photos: { type: "array", items: { type: "string" } },
    note: nullableString,
    details: { type: "object", additionalProperties: true },
    recorded_at: { type: "string", format: "date-time" },
    recorded_by: {
      type: "object",
      properties: {
        actor_type: { type: "string" },
        actor_id: { type: "string" },
        on_behalf_of: nullableString,
      },
    },
    prev_hash: { type: "string" },
    hash: { type: "string" },
  },
  required: ["id", "batch_id", "seq", "type", "occurred_at", "details", "prev_hash", "hash"],
} as const

export function eventResponse(event: BatchEvent) {
  return {
    id: event.id,
    batch_id: event.batchId,
    seq: event.seq,
    type: event.type,
    occurred_at: isoWithOffset(event.occurredAt, event.occurredOffset),
    place: event.place,
    actor: event.actorName,
    photos: event.photos,
    note: event.note,
    details: event.details,
    recorded_at: event.recordedAt.toISOString(),
    recorded_by: {
      actor_type: event.recordedBy.actorType,
      actor_id: event.recordedBy.actorId,
      on_behalf_of: event.recordedBy.onBehalfOf,
    },
    prev_hash: event.prevHash,
    hash: event.hash,
  }
}

const verifySchema = {
  type: "object",
  properties: {
    valid: { type: "boolean" },
    events: { type: "integer" },
    broken_at: {
      type: ["object", "null"],
      properties: {
        seq: { type: "integer" },
        event_id: nullableString,
        reason: {
          type: "string",
          enum: [
            "missing_event",
            "prev_hash_mismatch",
            "content_altered",
            "unexpected_event",
            "head_mismatch",
          ],
        },
      },
    },
  },
  required: ["valid", "events", "broken_at"],
} as const

// EPCIS documents are open-ended JSON-LD; the schema names the envelope and lets the rest through.
const epcisSchema = {
  type: "object",
  properties: {
    "@context": {},
    type: { type: "string" },
    schemaVersion: { type: "string" },
    creationDate: { type: "string" },
    id: { type: "string" },
    epcisHeader: { type: "object", additionalProperties: true },
    epcisBody: { type: "object", additionalProperties: true },
  },
  required: ["@context", "type", "schemaVersion", "creationDate", "epcisBody"],
} as const

const errors = { "4xx": errorSchema, "5xx": errorSchema }

// Optional: a phone that recorded the entry offline sends the key it made then, so a retry
// after a lost answer finds the first event instead of writing a second one.
const eventHeaders = z.looseObject({
  "idempotency-key": z
    .string()
    .min(1, "must not be empty")
    .max(255, "must be at most 255 characters")
    .optional(),
})

/** HTTP for a batch's events: parse, call services/events.ts, shape the answer. */
export function eventRoutes(app: FastifyInstance, context: RouteContext): void {
  const { jwtKey, services } = context
  const params = zodSchema(batchIdParams)
  const withAuth = {
    preValidation: async (request: FastifyRequest) => {
      request.actor = await authenticate(request, jwtKey)
    },
    validatorCompiler: zodValidatorCompiler,
  }

  app.post<{ Params: { id: string }; Body: EventBody; Headers: { "idempotency-key"?: string } }>(
    "/batches/:id/events",
    {
      schema: {
        params,
        headers: zodSchema(eventHeaders),
        body: zodSchema(eventBodySchema),
        response: { 201: eventSchema, ...errors },
      },
      ...withAuth,
    },
    async (request, reply) => {
      const { event, replayed } = await services.events.append(
        callerOf(request),
        request.params.id,
        splitEventBody(request.body),
        request.headers["idempotency-key"] ?? null,
      )
      if (replayed) reply.header("idempotent-replayed", "true")
      else {
        request.log.info(
          { batchId: event.batchId, seq: event.seq, type: event.type },
          "event added",
        )
      }
      return reply.status(201).send(eventResponse(event))
    },
  )

  app.get<{ Params: { id: string } }>(
    "/batches/:id/events",
    {
      schema: {
        params,
        response: {
          200: {
            type: "object",
            properties: { events: { type: "array", items: eventSchema } },
            required: ["events"],
          },
          ...errors,
        },
      },
      ...withAuth,
    },
    async (request) => {
      const actor = await withOfficerArea(request, request.actor!, context.officers)
      return {
        events: (await services.events.list({ actor }, request.params.id)).map(eventResponse),
      }
    },
  )

  // Public, like the stamps: anyone holding a stamp may check that the history was not edited.
  app.get<{ Params: { id: string } }>(
    "/batches/:id/verify",
    {
      schema: { params, response: { 200: verifySchema, ...errors } },
      validatorCompiler: zodValidatorCompiler,
    },
    async (request) => {
      const { id } = request.params
      return app.scanService.cache.derived(id, "verify", () => services.events.verify(id))
    },
  )

  // Public: the resolver's gs1:traceability link points here.
  app.get<{ Params: { id: string } }>(
    "/batches/:id/epcis",
    {
      schema: { params, response: { 200: epcisSchema, ...errors } },
      validatorCompiler: zodValidatorCompiler,
    },
    async (request, reply) => {
      const { id } = request.params
      const document = await app.scanService.cache.derived(id, "epcis", () =>
        services.events.epcis(id),
      )
      return reply.type("application/ld+json; charset=utf-8").send(document)
    },
  )
}
