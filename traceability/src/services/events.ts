import { randomUUID } from "node:crypto"
import { EVENT_TYPES_AFTER_SEALING } from "@coop/contracts/events"
import type { Batch } from "../domain/batch.js"
import { epcisDocument } from "../domain/epcis.js"
import { conflict } from "../domain/errors.js"
import type { BatchEvent, NewEvent } from "../domain/event.js"
import { type ChainVerdict, verifyChain } from "../domain/hash-chain.js"
import { msg } from "../messages.js"
import { findBatch } from "../store/batches.js"
import { inTransaction } from "../store/db.js"
import { appendEvent, chainOf, findEventByKey, listEvents, sameContent } from "../store/events.js"
import { batchNotFound, findReadableBatch, lockBatchForWrite, writerOf } from "./batch-access.js"
import type { Caller, ServiceDeps } from "./context.js"
import { approvedBatchWrite } from "./product-access.js"

/**
 * A batch's history (nhật ký): who may add to it and read it, and what may follow what (nothing
 * after a recall, only the after-sealing types once sealed). Anyone may check the chain and read
 * the EPCIS document: they are what a stamp's holder is shown.
 */
export class EventService {
  constructor(private readonly deps: ServiceDeps) {}

  /**
   * Refused unless the caller may write the batch now (an approved seller's, a product it still
   * lists or drafts): asked before a transaction that appends, outside the batch's row lock.
   */
  async checkWritable(caller: Caller, batchId: string): Promise<void> {
    await approvedBatchWrite(this.deps, caller, batchId)
  }

  /**
   * Appends an event; with an idempotency key, a retry after a lost answer gets the event the
   * first attempt wrote (`replayed`), even if the batch was sealed since.
   */
  async append(
    caller: Caller,
    batchId: string,
    input: NewEvent,
    idempotencyKey: string | null,
  ): Promise<{ event: BatchEvent; replayed: boolean }> {
    // Only an approved seller's events, for a product it still lists (or drafts).
    await this.checkWritable(caller, batchId)
    return inTransaction(this.deps.pool, async (client) => {
      // The row lock orders appends per batch: each one sees the head the previous one left,
      // and two retries with one key cannot both miss the first.
      const batch = await lockBatchForWrite(client, batchId, caller.actor)
      const earlier = idempotencyKey ? await findEventByKey(client, batch.id, idempotencyKey) : null
      if (earlier) {
        if (!sameContent(earlier, input)) {
          throw conflict(msg.eventKeyReused(idempotencyKey!, earlier.seq), "idempotency_key_reused")
        }
        return { event: earlier, replayed: true }
      }
      if (batch.state === "recalled") throw conflict(msg.recalledNoEvents(batch.id))
      if (batch.state === "sealed" && !EVENT_TYPES_AFTER_SEALING.includes(input.type)) {
        throw conflict(msg.sealedOnly(batch.id, EVENT_TYPES_AFTER_SEALING.join(", ")))
      }
      return {
        event: await appendEvent(client, batch, input, writerOf(caller.actor), idempotencyKey),
        replayed: false,
      }
    })
  }

  /** The events of a batch the caller may read, in chain order. */
  async list(caller: Pick<Caller, "actor">, batchId: string): Promise<BatchEvent[]> {
    const batch = await findReadableBatch(this.deps.pool, batchId, caller.actor)
    return listEvents(this.deps.pool, batch.id)
  }

  /** Whether the batch's history is the one its hashes promise. Public. */
  async verify(batchId: string): Promise<ChainVerdict> {
    const { batch, events } = await this.batchWithEvents(batchId)
    return verifyChain(chainOf(events), { count: batch.eventCount, hash: batch.eventHeadHash })
  }

  /** The batch and its history as an EPCIS 2.0 document. Public. */
  async epcis(batchId: string) {
    const { batch, events } = await this.batchWithEvents(batchId)
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
        publicUrl: this.deps.config.publicUrl,
        documentId: `urn:uuid:${randomUUID()}`,
        creationDate: new Date(),
      },
    )
  }

  private batchWithEvents(id: string): Promise<{ batch: Batch; events: BatchEvent[] }> {
    // One snapshot for both reads, so an append between them cannot look like a broken chain.
    return inTransaction(this.deps.pool, async (client) => {
      await client.query("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
      const batch = await findBatch(client, id)
      if (!batch) throw batchNotFound(id)
      return { batch, events: await listEvents(client, id) }
    })
  }
}
