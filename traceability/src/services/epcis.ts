import { createHash, randomUUID } from "node:crypto"
import {
  EVENT_TYPES,
  EVENT_TYPES_AFTER_SEALING,
  type EventType,
  eventBodySchema,
  splitEventBody,
} from "@coop/contracts/events"
import { type Actor, isOperator, SERVICE_ACTOR_TYPE } from "../domain/actor.js"
import type { Batch } from "../domain/batch.js"
import { EPCIS_CONTEXT, epcisEvents } from "../domain/epcis.js"
import {
  lotKey,
  type MappedEvent,
  mapCapturedEvents,
  parseLotUri,
} from "../domain/epcis-capture.js"
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
} from "../domain/epcis-query.js"
import { conflict, DomainError, notFound } from "../domain/errors.js"
import { inTransaction } from "../store/db.js"
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
} from "../store/epcis-query.js"
import { appendEvent } from "../store/events.js"
import { lockBatchForWrite, writerOf } from "./batch-access.js"
import type { Caller, ServiceDeps } from "./context.js"
import type { EventService } from "./events.js"

export type { CaptureJob }

/** Events one captured document may carry. */
export const MAX_CAPTURE_EVENTS = 1000

/** A capture's document refused before anything is written (400 `invalid_document`). */
export const invalidDocument = (text: Localized, path: string) =>
  new DomainError("invalid", "invalid_document", text, path)

/** Whose events a query may see, and who asks (the page tokens are bound to it). */
export function eventScopeOf(actor: Actor | null): { scope: EventScope; caller: string } {
  if (!actor) return { scope: { kind: "public" }, caller: "public" }
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

/** Who owns a capture job: the seller for its members and helpers, else the actor itself. */
export const captureOwnerOf = (actor: Actor) =>
  actor.sellerId ? `seller:${actor.sellerId}` : `actor:${actor.actorType}:${actor.actorId}`

/** One page of a query: its EPCISQueryDocument, and the token of the next page if any. */
export interface QueryPage {
  document: Record<string, unknown>
  nextPageToken: string | null
}

/** How a capture that ran ended (a replayed one ran before: null). */
export type CaptureOutcome = Parameters<typeof finishCaptureJob>[2]

/**
 * The EPCIS 2.0 query and capture interfaces' rules: what a query's caller may see (the rules of
 * reading a batch, widened to every lot named for anyone), signed page tokens bound to the query
 * and its caller; a captured document's lots, write access to each (EventService's), what may
 * follow a seal or a recall, all events in one transaction, idempotency by eventID (per seller)
 * and by Idempotency-Key (per owner).
 */
export class EpcisService {
  private readonly base: string
  private readonly ns: string
  private readonly tokenKey: string

  constructor(
    private readonly deps: ServiceDeps,
    private readonly events: EventService,
  ) {
    this.base = deps.config.publicUrl.replace(/\/+$/, "")
    this.ns = `${this.base}/ns/epcis#`
    // Page tokens are signed with a key of their own, derived from the stamp secret.
    this.tokenKey = createHash("sha256")
      .update(`epcis-page-token:${deps.config.stampSigningSecret}`)
      .digest("hex")
  }

  /** The recorded types a query's eventType and EQ_bizStep leave, or null for any. */
  private typesOf(query: EventQuery): EventType[] | null {
    if (!query.eventTypes && !query.bizSteps) return null
    return EVENT_TYPES.filter((type) => {
      if (query.eventTypes && !query.eventTypes.includes(epcisTypeOf(type))) return false
      if (query.bizSteps) {
        const step = bizStepOf(type, this.ns)
        if (!step) return false
        return query.bizSteps.some((asked) => asked === step || cbvWord(asked, "BizStep") === step)
      }
      return true
    })
  }

  /** A query's parameters, or invalid naming the one that is malformed (checked before the token). */
  parseQuery(params: Record<string, string | string[] | undefined>): EventQuery {
    const parsed = parseEventQuery(params)
    if (!parsed.ok)
      throw new DomainError("invalid", "invalid_request", parsed.message, parsed.field)
    return parsed.query
  }

  /**
   * SimpleEventQuery: the events the actor may read (null: anonymous, who must name lots),
   * in record order. Refused: an anonymous query naming no lot (unauthorized), a page token not
   * signed for this query and caller (invalid, `nextPageToken`).
   */
  async query(actor: Actor | null, query: EventQuery): Promise<QueryPage> {
    const { scope, caller } = eventScopeOf(actor)
    if (scope.kind === "public" && !namesLots(query)) {
      throw new DomainError("unauthorized", "unauthorized", EPCIS_QUERY_MESSAGES.lotRequired())
    }
    const fingerprint = queryFingerprint(query, caller)
    const after = query.pageToken
      ? readPageToken(this.tokenKey, fingerprint, query.pageToken)
      : null
    if (query.pageToken && !after) {
      throw new DomainError(
        "invalid",
        "invalid_request",
        EPCIS_QUERY_MESSAGES.pageToken(),
        "nextPageToken",
      )
    }
    const lotList = (uris: string[] | null) =>
      uris ? [uris.flatMap((uri) => parseLotUri(uri, this.base) ?? [])] : []
    const rows = await queryEvents(this.deps.pool, scope, {
      geEventTime: query.geEventTime,
      ltEventTime: query.ltEventTime,
      geRecordTime: query.geRecordTime,
      ltRecordTime: query.ltRecordTime,
      types: this.typesOf(query),
      lotLists: [...lotList(query.matchEpcClass), ...lotList(query.matchAnyEpcClass)],
      matchesNothing: Boolean(query.matchEpc || query.matchAnyEpc),
      after,
      limit: query.perPage + 1,
    })
    const page = rows.slice(0, query.perPage)
    const eventList = page.flatMap(({ event, batch }) => epcisEvents(batch, [event], this.base))
    let nextPageToken: string | null = null
    if (rows.length > query.perPage) {
      const last = page.at(-1)!.event
      nextPageToken = signPageToken(this.tokenKey, fingerprint, {
        recordedAt: last.recordedAt.toISOString(),
        id: last.id,
      })
    }
    return {
      document: {
        "@context": [EPCIS_CONTEXT, { coop: this.ns }],
        type: "EPCISQueryDocument",
        schemaVersion: "2.0",
        creationDate: new Date().toISOString(),
        epcisBody: {
          queryResults: { queryName: "SimpleEventQuery", resultsBody: { eventList } },
        },
      },
      nextPageToken,
    }
  }

  /**
   * Captures an EPCISDocument (already valid against GS1's schema: the route checks that):
   * every event mapped to a batch event and appended to its lot's chain, all or nothing. A
   * refusal before the job exists is thrown (a document this service cannot map, too many
   * events, an unknown lot or one the caller may not write: not_found naming the event, a
   * reused Idempotency-Key: conflict); a batch rule that refuses an event (a recall, a seal)
   * fails the job, which is returned with its errors. `outcome` is null for a replay.
   */
  async capture(
    caller: Caller,
    document: Record<string, unknown>,
    idempotencyKey: string | null,
  ): Promise<{ job: CaptureJob; outcome: CaptureOutcome | null }> {
    const { actor } = caller
    const mapped = mapCapturedEvents(document, this.base)
    if (!mapped.ok) throw invalidDocument(mapped.problem.message, mapped.problem.path)
    if (mapped.events.length > MAX_CAPTURE_EVENTS) {
      throw invalidDocument(
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
        throw invalidDocument(
          EPCIS_QUERY_MESSAGES.field(`${path}${field ? ` (${field})` : ""}`, `${issue.message}`),
          path,
        )
      }
      return { ...event, input: splitEventBody(result.data) }
    })

    const { pool } = this.deps
    const documentHash = createHash("sha256").update(JSON.stringify(document)).digest("hex")
    const owner = captureOwnerOf(actor)
    if (idempotencyKey) {
      const earlier = await findCaptureJob(pool, { owner, idempotencyKey })
      if (earlier) return { job: replayed(earlier, documentHash, idempotencyKey), outcome: null }
    }

    // The lots, and write access to each: outside any lock, like a recorded event.
    const batchOf = new Map<string, string>()
    for (const event of inputs) {
      const k = lotKey(event.lot)
      if (batchOf.has(k)) continue
      const path = `/epcisBody/eventList/${event.index}`
      const unknownLot = () => notFound(EPCIS_QUERY_MESSAGES.unknownLot(lotUriOf(event)), path)
      const batchId = await findLotBatchId(pool, event.lot)
      if (!batchId) throw unknownLot()
      try {
        await this.events.checkWritable(caller, batchId)
      } catch (error) {
        if (error instanceof DomainError && error.kind === "not_found") throw unknownLot()
        throw error
      }
      batchOf.set(k, batchId)
    }

    const id = randomUUID()
    const job = await insertCaptureJob(pool, { id, owner, idempotencyKey, documentHash })
    if (!job) {
      // A concurrent capture with the same key won the insert.
      const earlier = await findCaptureJob(pool, { owner, idempotencyKey: idempotencyKey! })
      return { job: replayed(earlier!, documentHash, idempotencyKey!), outcome: null }
    }
    let outcome: CaptureOutcome
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
      for (const batchId of new Set(batchOf.values())) await this.deps.batchChanged(batchId)
    }
    return { job: (await findCaptureJob(pool, { id }))!, outcome }
  }

  /** A capture job of the actor's (its seller's); not_found for anyone else's. */
  async captureJob(actor: Actor, id: string): Promise<CaptureJob> {
    const job = await findCaptureJob(this.deps.pool, { id })
    if (!job || job.owner !== captureOwnerOf(actor)) {
      throw notFound(EPCIS_QUERY_MESSAGES.captureNotFound(id))
    }
    return job
  }
}

/** The earlier job of an Idempotency-Key, if the document is the same one. */
function replayed(job: CaptureJob, documentHash: string, key: string): CaptureJob {
  if (job.documentHash !== documentHash) {
    throw conflict(EPCIS_QUERY_MESSAGES.keyReused(key), "idempotency_key_reused", "idempotency-key")
  }
  return job
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
