import type pg from "pg"
import {
  type Actor,
  COMMUNE_OFFICER_ACTOR_TYPE,
  mayActForSeller,
  PROVINCE_OFFICER_ACTOR_TYPE,
  SERVICE_ACTOR_TYPE,
} from "../domain/actor.js"
import type { Batch } from "../domain/batch.js"
import { notFound } from "../domain/errors.js"
import { msg } from "../messages.js"
import { findBatch } from "../store/batches.js"

/**
 * Who may see and change a batch. Anyone else is told the batch does not exist, so ids of other
 * sellers' batches reveal nothing.
 */

export const batchNotFound = (id: string) => notFound(msg.batchNotFound(id))

/** Seller members and helpers of the batch's seller, and operators. */
export const mayWriteBatch = (actor: Actor, batch: Batch) => mayActForSeller(actor, batch.sellerId)

/** Writers, the backend, and officers of the batch's commune or province. */
export function mayReadBatch(actor: Actor, batch: Batch): boolean {
  if (mayWriteBatch(actor, batch) || actor.actorType === SERVICE_ACTOR_TYPE) return true
  if (actor.actorType === COMMUNE_OFFICER_ACTOR_TYPE) {
    return actor.communeCode !== null && actor.communeCode === batch.seller.communeCode
  }
  if (actor.actorType === PROVINCE_OFFICER_ACTOR_TYPE) {
    return actor.provinceCode !== null && actor.provinceCode === batch.seller.provinceCode
  }
  return false
}

/** The batch, locked FOR UPDATE in the caller's transaction, when the actor may change it. */
export async function lockBatchForWrite(
  client: pg.PoolClient,
  id: string,
  actor: Actor,
): Promise<Batch> {
  const batch = await findBatch(client, id, { forUpdate: true })
  if (!batch || !mayWriteBatch(actor, batch)) throw batchNotFound(id)
  return batch
}

/** The batch when the actor may change it (no lock: for reads only writers may make). */
export async function findWritableBatch(db: pg.Pool, id: string, actor: Actor): Promise<Batch> {
  const batch = await findBatch(db, id)
  if (!batch || !mayWriteBatch(actor, batch)) throw batchNotFound(id)
  return batch
}

export async function findReadableBatch(db: pg.Pool, id: string, actor: Actor): Promise<Batch> {
  const batch = await findBatch(db, id)
  if (!batch || !mayReadBatch(actor, batch)) throw batchNotFound(id)
  return batch
}

/** What the token says about who wrote: stored with every batch and event. */
export const writerOf = (actor: Actor) => ({
  actorType: actor.actorType,
  actorId: actor.actorId,
  onBehalfOf: actor.onBehalfOf,
})
