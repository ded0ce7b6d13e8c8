import type { FastifyInstance, FastifyRequest } from "fastify"
import { msg, type Text } from "../../messages.js"
import {
  type Batch,
  type BatchState,
  DuplicateLotError,
  insertBatch,
  listBatches,
  updateBatch,
} from "../../store/batches.js"
import { inTransaction } from "../../store/db.js"
import { claimGtin } from "../../store/seller-trust.js"
import { authenticate, isOperator } from "../auth.js"
import { findReadableBatch, lockBatchForWrite, writerOf } from "../batch-access.js"
import type { RouteContext } from "../context.js"
import { badRequest, errorSchema, HttpError, localizedError } from "../errors.js"
import { withOfficerArea } from "../officer-area.js"
import { approvedBatchWrite, productForWrite, withRegistry } from "../product-access.js"
import { zodSchema, zodValidatorCompiler } from "../zod.js"
import {
  batchIdParams,
  batchResponse,
  batchSchema,
  type CreateBatchBody,
  checkDetails,
  createBatchBody,
  EMPTY_DETAILS,
  listQuery,
  mergeDetails,
  type PatchBatchBody,
  patchBatchBody,
  recallBody,
} from "./batch-schemas.js"

export { batchResponse, batchSchema }

const DETAIL_KEYS = ["quantity", "unit", "area", "dates", "certifications"] as const

/** Params of routes under /batches/:id, as JSON Schema for routes validated by Fastify's Ajv. */
export const uuidParams = {
  type: "object",
  properties: { id: { type: "string", format: "uuid" } },
  required: ["id"],
} as const

const conflict = (text: Text) => new HttpError(409, "conflict", text)
const errors = { "4xx": errorSchema, "5xx": errorSchema }

// Authentication runs before validation, so an anonymous caller learns nothing about the input.
const authenticated = (jwtKey: Uint8Array) => async (request: FastifyRequest) => {
  request.actor = await authenticate(request, jwtKey)
}

/** The state a batch may move to from its current one; recalled is final. */
export function transitionProblem(
  from: BatchState,
  to: BatchState,
): ((batchId: string) => Text) | null {
  if (from === to) return null
  if (from === "recalled") return msg.batchRecalledFinal
  if (to === "open") return msg.batchNotReopened
  return null
}

export function batchRoutes(app: FastifyInstance, context: RouteContext): void {
  const { pool, jwtKey } = context
  // The seller-state facts a lookup brought drop the resolver's cached copies (resolver-setup.ts).
  const sellersChanged = (ids: string[]) => app.scanService.sellersChanged(ids)
  const params = zodSchema(batchIdParams)
  const withAuth = { preValidation: authenticated(jwtKey), validatorCompiler: zodValidatorCompiler }

  app.post<{ Body: CreateBatchBody }>(
    "/batches",
    {
      schema: { body: zodSchema(createBatchBody), response: { 201: batchSchema, ...errors } },
      ...withAuth,
    },
    async (request, reply) => {
      const actor = request.actor!
      const body = request.body
      if (!isOperator(actor)) {
        if (!actor.sellerId) throw new HttpError(403, "forbidden", msg.noSeller())
        if (body.seller_id !== undefined && body.seller_id !== actor.sellerId) {
          throw new HttpError(403, "forbidden", msg.onlyOperatorChoosesSeller())
        }
      } else if (body.seller_id === undefined) {
        throw badRequest("seller_id", msg.operatorNamesSeller())
      }
      const details = mergeDetails(EMPTY_DETAILS, body)
      checkDetails(details)

      const product = await productForWrite(
        request,
        context,
        actor,
        body.product_id,
        sellersChanged,
      )
      const sellerId = body.seller_id ?? actor.sellerId!
      // The backend already scopes a seller's lookups; checking again costs nothing.
      if (!product || (!isOperator(actor) && product.seller.id !== sellerId)) {
        throw new HttpError(404, "not_found", msg.productNotFound(body.product_id), "product_id")
      }
      if (product.seller.id !== sellerId) {
        throw badRequest(
          "seller_id",
          msg.productOfOtherSeller(product.id, product.seller.id, sellerId),
        )
      }
      // OCOP stars, certificate number and expiry are the commune registry's word, not the seller's.
      details.certifications = withRegistry(
        details.certifications,
        body.certifications?.ocop_stars,
        product,
      )
      try {
        const writer = writerOf(actor)
        const batch = await inTransaction(pool, async (client) => {
          // A GTIN belongs to the first seller to make a batch of it (or an operator's choice).
          if (product.gtin) {
            const owner = await claimGtin(client, product.gtin, sellerId, writer)
            if (owner !== sellerId) {
              throw localizedError(
                409,
                "gtin_taken",
                {
                  vi: `Mã GTIN ${product.gtin} của sản phẩm đã thuộc về một người bán khác. Hãy sửa mã vạch (ean/upc/barcode) của sản phẩm hoặc liên hệ quản trị.`,
                  en: `The product's GTIN ${product.gtin} already belongs to another seller. Correct the product's ean/upc/barcode or contact the operator.`,
                },
                "product_id",
              )
            }
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
            lotCode: body.lot_code,
            createdBy: writer.actorId,
            createdByType: writer.actorType,
            onBehalfOf: writer.onBehalfOf,
          })
        })
        request.log.info({ batchId: batch.id, sellerId }, "batch created")
        return reply.status(201).send(batchResponse(batch))
      } catch (error) {
        if (error instanceof DuplicateLotError) throw conflict(error.text)
        throw error
      }
    },
  )

  app.get<{ Querystring: ReturnType<typeof listQuery.parse> }>(
    "/batches",
    {
      schema: {
        querystring: zodSchema(listQuery),
        response: {
          200: {
            type: "object",
            properties: {
              batches: { type: "array", items: batchSchema },
              count: { type: "integer" },
              limit: { type: "integer" },
              offset: { type: "integer" },
            },
            required: ["batches", "count", "limit", "offset"],
          },
          ...errors,
        },
      },
      ...withAuth,
    },
    async (request) => {
      const actor = await withOfficerArea(request, request.actor!, context.officers)
      const { seller_id, product_id, state, limit, offset } = request.query
      let sellerId: string | null
      let area: { communeCode?: string | null; provinceCode?: string | null } = {}
      if (actor.communeCode || actor.provinceCode) {
        // Officers list their own commune's (or province's) batches, optionally one seller's.
        sellerId = seller_id ?? null
        area = { communeCode: actor.communeCode, provinceCode: actor.provinceCode }
      } else if (isOperator(actor) || actor.actorType === "service") {
        if (!seller_id) throw badRequest("seller_id", msg.sellerIdRequired())
        sellerId = seller_id
      } else if (actor.sellerId) {
        if (seller_id !== undefined && seller_id !== actor.sellerId) {
          throw new HttpError(403, "forbidden", msg.ownBatchesOnly())
        }
        sellerId = actor.sellerId
      } else {
        throw new HttpError(403, "forbidden", msg.noSeller())
      }
      const page = await listBatches(
        pool,
        { sellerId, state, productId: product_id, ...area },
        { limit, offset },
      )
      return { batches: page.batches.map(batchResponse), count: page.total, limit, offset }
    },
  )

  app.get<{ Params: { id: string } }>(
    "/batches/:id",
    { schema: { params, response: { 200: batchSchema, ...errors } }, ...withAuth },
    async (request) => {
      const actor = await withOfficerArea(request, request.actor!, context.officers)
      return batchResponse(await findReadableBatch(pool, request.params.id, actor))
    },
  )

  /** Changes details and/or state under the row lock, so concurrent edits apply one by one. */
  async function change(
    request: FastifyRequest<{ Params: { id: string } }>,
    body: PatchBatchBody,
  ): Promise<Batch> {
    const actor = request.actor!
    // New details are a promise to buyers: only an approved seller's, with the registry's
    // certificate copied again. A seal or a recall alone needs neither (a suspended seller may
    // still recall a lot).
    const product = DETAIL_KEYS.some((key) => body[key] !== undefined)
      ? await approvedBatchWrite(request, context, actor, request.params.id, sellersChanged)
      : null
    return inTransaction(pool, async (client) => {
      const batch = await lockBatchForWrite(client, request.params.id, actor)
      const target = body.state ?? batch.state
      const problem = transitionProblem(batch.state, target)
      if (problem) throw conflict(problem(batch.id))
      const changesDetails = product !== null
      if (changesDetails && batch.state !== "open") {
        throw conflict(msg.detailsFrozen(batch.id, batch.state))
      }
      if (target === "recalled" && batch.state !== "recalled" && !body.recall_reason) {
        throw badRequest("recall_reason", msg.recallReasonRequired())
      }
      if (body.recall_reason !== undefined && target !== "recalled") {
        throw badRequest("recall_reason", msg.recallReasonOnlyWithRecall())
      }
      if (!changesDetails && target === batch.state) return batch
      const details = mergeDetails(batch, body)
      checkDetails(details)
      if (product) {
        details.certifications = withRegistry(
          details.certifications,
          body.certifications?.ocop_stars,
          product,
        )
      }
      const updated = await updateBatch(client, batch.id, details, {
        state: target,
        recallReason:
          batch.state === "recalled" ? batch.recallReason : (body.recall_reason ?? null),
      })
      request.log.info({ batchId: batch.id, state: target, actor: actor.actorId }, "batch changed")
      return updated
    })
  }

  const changeRoute = { schema: { params, response: { 200: batchSchema, ...errors } }, ...withAuth }

  app.patch<{ Params: { id: string }; Body: PatchBatchBody }>(
    "/batches/:id",
    { ...changeRoute, schema: { ...changeRoute.schema, body: zodSchema(patchBatchBody) } },
    async (request) => batchResponse(await change(request, request.body)),
  )

  app.post<{ Params: { id: string } }>("/batches/:id/seal", changeRoute, async (request) =>
    batchResponse(await change(request, { state: "sealed" })),
  )

  app.post<{ Params: { id: string }; Body: { reason: string } }>(
    "/batches/:id/recall",
    { ...changeRoute, schema: { ...changeRoute.schema, body: zodSchema(recallBody) } },
    async (request) =>
      batchResponse(
        await change(request, { state: "recalled", recall_reason: request.body.reason }),
      ),
  )
}
