import { randomUUID } from "node:crypto"
import { isoWithOffset } from "@coop/contracts/event-time"
import {
  EVENT_TYPES,
  EVENT_TYPES_AFTER_SEALING,
  type EventBody,
  eventBodySchema,
  splitEventBody,
} from "@coop/contracts/events"
import type { FastifyInstance, FastifyRequest } from "fastify"
import { z } from "zod"
import { epcisDocument } from "../../domain/epcis.js"
import { verifyChain } from "../../domain/hash-chain.js"
import { msg } from "../../messages.js"
import { findBatch } from "../../store/batches.js"
import { inTransaction } from "../../store/db.js"
import {
  appendEvent,
  type BatchEvent,
  chainOf,
  findEventByKey,
  listEvents,
  sameContent,
} from "../../store/events.js"
import { authenticate } from "../auth.js"
import { batchNotFound, findReadableBatch, lockBatchForWrite, writerOf } from "../batch-access.js"
import type { RouteContext } from "../context.js"
import { errorSchema, HttpError } from "../errors.js"
import { withOfficerArea } from "../officer-area.js"
import { approvedBatchWrite } from "../product-access.js"
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

export function eventRoutes(app: FastifyInstance, context: RouteContext): void {
  const { pool, jwtKey, config } = context
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
      const actor = request.actor!
      const input = splitEventBody(request.body)
      // Only an approved seller's events, for a product it still lists (or drafts).
      await approvedBatchWrite(request, context, actor, request.params.id, (ids) =>
        app.scanService.sellersChanged(ids),
      )
      const key = request.headers["idempotency-key"] ?? null
      const { event, replayed } = await inTransaction(pool, async (client) => {
        // The row lock orders appends per batch: each one sees the head the previous one left,
        // and two retries with one key cannot both miss the first.
        const batch = await lockBatchForWrite(client, request.params.id, actor)
        const earlier = key ? await findEventByKey(client, batch.id, key) : null
        if (earlier) {
          // Sent again after a lost answer: the event written then, even if the batch was
          // sealed since.
          if (!sameContent(earlier, input)) {
            throw new HttpError(
              409,
              "idempotency_key_reused",
              msg.eventKeyReused(key!, earlier.seq),
            )
          }
          return { event: earlier, replayed: true }
        }
        if (batch.state === "recalled") {
          throw new HttpError(409, "conflict", msg.recalledNoEvents(batch.id))
        }
        if (batch.state === "sealed" && !EVENT_TYPES_AFTER_SEALING.includes(input.type)) {
          throw new HttpError(
            409,
            "conflict",
            msg.sealedOnly(batch.id, EVENT_TYPES_AFTER_SEALING.join(", ")),
          )
        }
        return {
          event: await appendEvent(client, batch, input, writerOf(actor), key),
          replayed: false,
        }
      })
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
      const batch = await findReadableBatch(pool, request.params.id, actor)
      return { events: (await listEvents(pool, batch.id)).map(eventResponse) }
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
      return app.scanService.cache.derived(id, "verify", async () => {
        const { batch, events } = await batchWithEvents(id)
        return verifyChain(chainOf(events), { count: batch.eventCount, hash: batch.eventHeadHash })
      })
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
      const document = await app.scanService.cache.derived(request.params.id, "epcis", () =>
        epcisOf(request.params.id),
      )
      return reply.type("application/ld+json; charset=utf-8").send(document)
    },
  )

  async function epcisOf(id: string) {
    const { batch, events } = await batchWithEvents(id)
    return epcisDocument(
      {
        id: batch.id,
        lotCode: batch.lotCode,
        gtin: batch.gtin,
        productTitle: batch.productTitle,
        sellerName: batch.seller.name || batch.sellerId,
        quantity: batch.quantity,
        unit: batch.unit,
        state: batch.state,
        recalledAt: batch.recalledAt,
        recallReason: batch.recallReason,
        harvestedOn: batch.dates.harvestedOn,
        producedOn: batch.dates.producedOn,
        expiresOn: batch.dates.expiresOn,
        area: batch.area,
      },
      events,
      {
        publicUrl: config.publicUrl,
        documentId: `urn:uuid:${randomUUID()}`,
        creationDate: new Date(),
      },
    )
  }

  async function batchWithEvents(id: string) {
    // One snapshot for both reads, so an append between them cannot look like a broken chain.
    return inTransaction(pool, async (client) => {
      await client.query("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
      const batch = await findBatch(client, id)
      if (!batch) throw batchNotFound(id)
      return { batch, events: await listEvents(client, id) }
    })
  }
}
