import { isOperator } from "../domain/actor.js"
import {
  type Batch,
  type BatchDetails,
  type BatchState,
  detailsProblem,
  transitionProblem,
} from "../domain/batch.js"
import { conflict, forbidden, invalidInput, notFound } from "../domain/errors.js"
import { msg } from "../messages.js"
import {
  type BatchPage,
  DuplicateLotError,
  insertBatch,
  listBatches,
  updateBatch,
} from "../store/batches.js"
import { inTransaction } from "../store/db.js"
import { claimGtin } from "../store/seller-trust.js"
import { findReadableBatch, lockBatchForWrite, writerOf } from "./batch-access.js"
import type { Caller, ServiceDeps } from "./context.js"
import { approvedBatchWrite, productForWrite, withRegistry } from "./product-access.js"

/** A new batch as the request describes it; product facts come from the backend, never from here. */
export interface CreateBatch {
  /** The seller, named only by operators; seller members and helpers make their own seller's. */
  sellerId?: string
  productId: string
  lotCode: string
  details: BatchDetails
  /** The OCOP stars the client repeated, checked against the registry's. */
  claimedStars?: number | null
}

/** A change to a batch: new details (a function of the stored ones), a new state, or both. */
export interface ChangeBatch {
  details?: (current: BatchDetails) => BatchDetails
  claimedStars?: number | null
  state?: BatchState
  recallReason?: string
}

export interface BatchFilter {
  sellerId?: string
  productId?: string
  state?: BatchState
}

const gtinTaken = (gtin: string) =>
  conflict(
    {
      vi: `Mã GTIN ${gtin} của sản phẩm đã thuộc về một người bán khác. Hãy sửa mã vạch (ean/upc/barcode) của sản phẩm hoặc liên hệ quản trị.`,
      en: `The product's GTIN ${gtin} already belongs to another seller. Correct the product's ean/upc/barcode or contact the operator.`,
    },
    "gtin_taken",
    "product_id",
  )

function checkDetails(details: BatchDetails): void {
  const problem = detailsProblem(details)
  if (problem) throw invalidInput(problem.field, problem.text)
}

/**
 * Batches (lô): who may create, list, read and change them, and the rules a change obeys
 * (recalled is final, details freeze once sealed, stars come from the commune registry).
 */
export class BatchService {
  constructor(private readonly deps: ServiceDeps) {}

  async create(caller: Caller, input: CreateBatch): Promise<Batch> {
    const { actor } = caller
    if (!isOperator(actor)) {
      if (!actor.sellerId) throw forbidden(msg.noSeller())
      if (input.sellerId !== undefined && input.sellerId !== actor.sellerId) {
        throw forbidden(msg.onlyOperatorChoosesSeller())
      }
    } else if (input.sellerId === undefined) {
      throw invalidInput("seller_id", msg.operatorNamesSeller())
    }
    const details = { ...input.details }
    checkDetails(details)

    const product = await productForWrite(this.deps, caller, input.productId)
    const sellerId = input.sellerId ?? actor.sellerId!
    // The backend already scopes a seller's lookups; checking again costs nothing.
    if (!product || (!isOperator(actor) && product.seller.id !== sellerId)) {
      throw notFound(msg.productNotFound(input.productId), "product_id")
    }
    if (product.seller.id !== sellerId) {
      throw invalidInput(
        "seller_id",
        msg.productOfOtherSeller(product.id, product.seller.id, sellerId),
      )
    }
    // OCOP stars, certificate number and expiry are the commune registry's word, not the seller's.
    details.certifications = withRegistry(details.certifications, input.claimedStars, product)
    const writer = writerOf(actor)
    try {
      return await inTransaction(this.deps.pool, async (client) => {
        // A GTIN belongs to the first seller to make a batch of it (or an operator's choice).
        if (product.gtin) {
          const owner = await claimGtin(client, product.gtin, sellerId, writer)
          if (owner !== sellerId) throw gtinTaken(product.gtin)
        }
        return insertBatch(client, {
          ...details,
          sellerId,
          productId: product.id,
          productTitle: product.title,
          productHandle: product.handle,
          productThumbnail: product.thumbnail,
          gtin: product.gtin,
          seller: product.seller,
          lotCode: input.lotCode,
          createdBy: writer.actorId,
          createdByType: writer.actorType,
          onBehalfOf: writer.onBehalfOf,
        })
      })
    } catch (error) {
      if (error instanceof DuplicateLotError) throw conflict(error.text)
      throw error
    }
  }

  /**
   * Officers list their own commune's (or province's) batches, optionally one seller's;
   * operators and the backend name the seller; sellers list only their own.
   */
  async list(
    caller: Pick<Caller, "actor">,
    filter: BatchFilter,
    page: { limit: number; offset: number },
  ): Promise<BatchPage> {
    const { actor } = caller
    let sellerId: string | null
    let area: { communeCode?: string | null; provinceCode?: string | null } = {}
    if (actor.communeCode || actor.provinceCode) {
      sellerId = filter.sellerId ?? null
      area = { communeCode: actor.communeCode, provinceCode: actor.provinceCode }
    } else if (isOperator(actor) || actor.actorType === "service") {
      if (!filter.sellerId) throw invalidInput("seller_id", msg.sellerIdRequired())
      sellerId = filter.sellerId
    } else if (actor.sellerId) {
      if (filter.sellerId !== undefined && filter.sellerId !== actor.sellerId) {
        throw forbidden(msg.ownBatchesOnly())
      }
      sellerId = actor.sellerId
    } else {
      throw forbidden(msg.noSeller())
    }
    return listBatches(
      this.deps.pool,
      { sellerId, state: filter.state, productId: filter.productId, ...area },
      page,
    )
  }

  get(caller: Pick<Caller, "actor">, id: string): Promise<Batch> {
    return findReadableBatch(this.deps.pool, id, caller.actor)
  }

  /** Changes details and/or state under the row lock, so concurrent edits apply one by one. */
  async change(caller: Caller, id: string, change: ChangeBatch): Promise<Batch> {
    const { actor } = caller
    // New details are a promise to buyers: only an approved seller's, with the registry's
    // certificate copied again. A seal or a recall alone needs neither (a suspended seller may
    // still recall a lot).
    const product = change.details ? await approvedBatchWrite(this.deps, caller, id) : null
    return inTransaction(this.deps.pool, async (client) => {
      const batch = await lockBatchForWrite(client, id, actor)
      const target = change.state ?? batch.state
      const problem = transitionProblem(batch.state, target)
      if (problem) throw conflict(problem(batch.id))
      if (product && batch.state !== "open") {
        throw conflict(msg.detailsFrozen(batch.id, batch.state))
      }
      if (target === "recalled" && batch.state !== "recalled" && !change.recallReason) {
        throw invalidInput("recall_reason", msg.recallReasonRequired())
      }
      if (change.recallReason !== undefined && target !== "recalled") {
        throw invalidInput("recall_reason", msg.recallReasonOnlyWithRecall())
      }
      if (!product && target === batch.state) return batch
      const details = change.details ? change.details(batch) : batch
      checkDetails(details)
      const certifications = product
        ? withRegistry(details.certifications, change.claimedStars, product)
        : details.certifications
      return updateBatch(
        client,
        batch.id,
        { ...details, certifications },
        {
          state: target,
          recallReason:
            batch.state === "recalled" ? batch.recallReason : (change.recallReason ?? null),
        },
      )
    })
  }
}
