import {
  type CatalogProduct,
  CatalogUnauthorizedError,
  CatalogUnavailableError,
} from "../catalog/product-catalog.js"
import { isOperator } from "../domain/actor.js"
import type { Certifications } from "../domain/batch.js"
import { conflict, DomainError, forbidden, invalidInput } from "../domain/errors.js"
import { writeRefusal } from "../domain/seller-trust.js"
import { msg } from "../messages.js"
import { findBatch } from "../store/batches.js"
import { recordSellerStates } from "../store/seller-trust.js"
import { batchNotFound, mayWriteBatch } from "./batch-access.js"
import type { Caller, ServiceDeps } from "./context.js"

/**
 * The product a write is for, as the backend shows it to the caller right now, refused unless
 * its seller is approved and the product is published or a draft. Every write that makes a
 * promise to buyers (a batch, its details, an event, stamps) goes through here, so a seller
 * suspended a minute ago cannot add one more. The seller's state learned on the way is kept for
 * the resolver (store/seller-trust.ts), whatever the outcome.
 */
export async function productForWrite(
  { catalog, pool, sellersChanged }: ServiceDeps,
  { actor, authorization }: Caller,
  productId: string,
): Promise<CatalogProduct | null> {
  let product: CatalogProduct | null
  try {
    product = await catalog.findProduct({
      productId,
      authorization,
      asOperator: isOperator(actor),
    })
  } catch (error) {
    if (error instanceof CatalogUnauthorizedError) {
      throw new DomainError("unauthorized", "unauthorized", msg.backendRefusedToken())
    }
    if (error instanceof CatalogUnavailableError) {
      throw new DomainError(
        "unavailable",
        "backend_unavailable",
        msg.catalogueUnavailable(),
        undefined,
        { cause: error },
      )
    }
    throw error
  }
  if (!product) return null
  const { seller } = product
  const changed = await recordSellerStates(pool, [
    { sellerId: seller.id, state: seller.state, changedAt: seller.stateChangedAt },
  ])
  if (changed.length) await sellersChanged(changed)
  const refusal = writeRefusal(seller.state, product.status)
  if (refusal) throw forbidden({ vi: refusal.vi, en: refusal.en }, refusal.code)
  return product
}

/**
 * Before a write to an existing batch (details, an event, stamps): the batch as the caller may
 * write it (not found otherwise), and its product as the backend shows it now, refused unless
 * the seller is approved and the product published or a draft. Asked outside the batch's row
 * lock, so a slow backend never holds it.
 */
export async function approvedBatchWrite(
  deps: ServiceDeps,
  caller: Caller,
  batchId: string,
): Promise<CatalogProduct> {
  const batch = await findBatch(deps.pool, batchId)
  if (!batch || !mayWriteBatch(caller.actor, batch)) throw batchNotFound(batchId)
  const product = await productForWrite(deps, caller, batch.productId)
  if (!product || product.seller.id !== batch.sellerId) {
    throw conflict(
      {
        vi: `Sản phẩm ${batch.productId} của lô này không còn trong danh mục của người bán`,
        en: `The batch's product ${batch.productId} is no longer in the seller's catalogue`,
      },
      "product_unavailable",
      "product_id",
    )
  }
  return product
}

/**
 * The commune registry's certificate over whatever the client sent: a client may repeat the
 * registry's stars, never change them (naming the field), and the certificate number and
 * expiry only ever come from the registry.
 */
export function withRegistry(
  certifications: Certifications,
  claimedStars: number | null | undefined,
  product: CatalogProduct,
): Certifications {
  if (claimedStars != null && claimedStars !== product.ocopStars) {
    throw invalidInput("certifications.ocop_stars", msg.ocopStarsDiffer(product.ocopStars))
  }
  return {
    ...certifications,
    ocopStars: product.ocop?.stars ?? null,
    ocopCertificateNumber: product.ocop?.certificateNumber ?? null,
    ocopExpiresOn: product.ocop?.expiresOn ?? null,
  }
}
