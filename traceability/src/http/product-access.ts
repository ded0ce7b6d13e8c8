import type { FastifyRequest } from "fastify"
import type pg from "pg"
import {
  type CatalogProduct,
  CatalogUnauthorizedError,
  CatalogUnavailableError,
  type ProductCatalog,
} from "../catalog/product-catalog.js"
import { writeRefusal } from "../domain/seller-trust.js"
import { msg } from "../messages.js"
import { type Certifications, findBatch } from "../store/batches.js"
import { recordSellerStates } from "../store/seller-trust.js"
import { type Actor, isOperator } from "./auth.js"
import { batchNotFound, mayWriteBatch } from "./batch-access.js"
import { badRequest, HttpError, localizedError } from "./errors.js"

/**
 * The product a write is for, as the backend shows it to the caller right now, refused unless
 * its seller is approved and the product is published or a draft. Every write that makes a
 * promise to buyers (a batch, its details, an event, stamps) goes through here, so a seller
 * suspended a minute ago cannot add one more. The seller's state learned on the way is kept for
 * the resolver (store/seller-trust.ts), whatever the outcome.
 */
export async function productForWrite(
  request: FastifyRequest,
  { catalog, pool }: { catalog: ProductCatalog; pool: pg.Pool },
  actor: Actor,
  productId: string,
  onStateChanged: (sellerIds: string[]) => Promise<void>,
): Promise<CatalogProduct | null> {
  let product: CatalogProduct | null
  try {
    product = await catalog.findProduct({
      productId,
      authorization: request.headers.authorization!,
      asOperator: isOperator(actor),
    })
  } catch (error) {
    if (error instanceof CatalogUnauthorizedError) {
      throw new HttpError(401, "unauthorized", msg.backendRefusedToken())
    }
    if (error instanceof CatalogUnavailableError) {
      request.log.error({ err: error }, "product lookup failed")
      throw new HttpError(502, "backend_unavailable", msg.catalogueUnavailable())
    }
    throw error
  }
  if (!product) return null
  const { seller } = product
  const changed = await recordSellerStates(pool, [
    { sellerId: seller.id, state: seller.state, changedAt: seller.stateChangedAt },
  ])
  if (changed.length) await onStateChanged(changed)
  const refusal = writeRefusal(seller.state, product.status)
  if (refusal) throw localizedError(403, refusal.code, refusal)
  return product
}

/**
 * Before a write to an existing batch (details, an event, stamps): the batch as the caller may
 * write it (404 otherwise), and its product as the backend shows it now, refused unless the
 * seller is approved and the product published or a draft. Asked outside the batch's row lock,
 * so a slow backend never holds it.
 */
export async function approvedBatchWrite(
  request: FastifyRequest,
  context: { catalog: ProductCatalog; pool: pg.Pool },
  actor: Actor,
  batchId: string,
  onStateChanged: (sellerIds: string[]) => Promise<void>,
): Promise<CatalogProduct> {
  const batch = await findBatch(context.pool, batchId)
  if (!batch || !mayWriteBatch(actor, batch)) throw batchNotFound(batchId)
  const product = await productForWrite(request, context, actor, batch.productId, onStateChanged)
  if (!product || product.seller.id !== batch.sellerId) {
    throw localizedError(
      409,
      "product_unavailable",
      {
        vi: `Sản phẩm ${batch.productId} của lô này không còn trong danh mục của người bán`,
        en: `The batch's product ${batch.productId} is no longer in the seller's catalogue`,
      },
      "product_id",
    )
  }
  return product
}

/**
 * The commune registry's certificate over whatever the client sent: a client may repeat the
 * registry's stars, never change them (400 naming the field), and the certificate number and
 * expiry only ever come from the registry.
 */
export function withRegistry(
  certifications: Certifications,
  claimedStars: number | null | undefined,
  product: CatalogProduct,
): Certifications {
  if (claimedStars != null && claimedStars !== product.ocopStars) {
    throw badRequest("certifications.ocop_stars", msg.ocopStarsDiffer(product.ocopStars))
  }
  return {
    ...certifications,
    ocopStars: product.ocop?.stars ?? null,
    ocopCertificateNumber: product.ocop?.certificateNumber ?? null,
    ocopExpiresOn: product.ocop?.expiresOn ?? null,
  }
}
