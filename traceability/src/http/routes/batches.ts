import type { FastifyInstance } from "fastify"
import { lotCodeProblem, normaliseGtin } from "../../domain/digital-link.js"
import { type Batch, DuplicateLotError, findBatch, insertBatch } from "../../store/batches.js"
import { authenticate, isOperator } from "../auth.js"
import type { RouteContext } from "../context.js"
import { badRequest, errorSchema, HttpError } from "../errors.js"

export const batchSchema = {
  type: "object",
  properties: {
    id: { type: "string" },
    seller_id: { type: "string" },
    product_id: { type: "string" },
    product_title: { type: "string" },
    gtin: { type: ["string", "null"] },
    lot_code: { type: "string" },
    quantity: { type: "number" },
    unit: { type: "string" },
    state: { type: "string", enum: ["open", "sealed", "recalled"] },
    created_at: { type: "string", format: "date-time" },
    created_by: { type: "string" },
  },
  required: ["id", "seller_id", "product_id", "product_title", "gtin", "lot_code", "quantity"],
} as const

const createBatchBody = {
  type: "object",
  properties: {
    product_id: { type: "string", minLength: 1, maxLength: 100 },
    product_title: { type: "string", minLength: 1, maxLength: 300 },
    gtin: { type: "string" },
    lot_code: { type: "string", minLength: 1, maxLength: 20 },
    quantity: { type: "number", exclusiveMinimum: 0 },
    unit: { type: "string", minLength: 1, maxLength: 20 },
    seller_id: { type: "string", minLength: 1, maxLength: 100 },
  },
  required: ["product_id", "product_title", "lot_code", "quantity", "unit"],
  additionalProperties: false,
} as const

interface CreateBatchBody {
  product_id: string
  product_title: string
  gtin?: string
  lot_code: string
  quantity: number
  unit: string
  seller_id?: string
}

export const uuidParams = {
  type: "object",
  properties: { id: { type: "string", format: "uuid" } },
  required: ["id"],
} as const

export function batchResponse(batch: Batch) {
  return {
    id: batch.id,
    seller_id: batch.sellerId,
    product_id: batch.productId,
    product_title: batch.productTitle,
    gtin: batch.gtin,
    lot_code: batch.lotCode,
    quantity: batch.quantity,
    unit: batch.unit,
    state: batch.state,
    created_at: batch.createdAt.toISOString(),
    created_by: batch.createdBy,
  }
}

export function batchRoutes(app: FastifyInstance, { pool, jwtKey }: RouteContext): void {
  app.post<{ Body: CreateBatchBody }>(
    "/batches",
    {
      schema: {
        body: createBatchBody,
        response: { 201: batchSchema, 400: errorSchema, 401: errorSchema, 403: errorSchema },
      },
      // Authentication runs before body validation, so an anonymous caller learns nothing.
      preValidation: async (request) => {
        request.actor = await authenticate(request, jwtKey)
      },
    },
    async (request, reply) => {
      const actor = request.actor!
      const body = request.body

      let sellerId: string | null = actor.sellerId
      if (body.seller_id !== undefined && body.seller_id !== sellerId) {
        if (!isOperator(actor)) {
          throw new HttpError(403, "forbidden", "Only an operator may choose seller_id")
        }
        sellerId = body.seller_id
      }
      if (!sellerId) {
        if (isOperator(actor)) throw badRequest("seller_id", "body must have property 'seller_id'")
        throw new HttpError(403, "forbidden", "The token is not scoped to a seller")
      }

      let gtin: string | null = null
      if (body.gtin !== undefined) {
        const result = normaliseGtin(body.gtin)
        if (!result.ok) throw badRequest("gtin", result.reason)
        gtin = result.gtin
      }
      const lotProblem = lotCodeProblem(body.lot_code)
      if (lotProblem) throw badRequest("lot_code", lotProblem)

      try {
        const batch = await insertBatch(pool, {
          sellerId,
          productId: body.product_id,
          productTitle: body.product_title,
          gtin,
          lotCode: body.lot_code,
          quantity: body.quantity,
          unit: body.unit,
          createdBy: actor.actorId,
        })
        request.log.info({ batchId: batch.id, sellerId }, "batch created")
        return reply.status(201).send(batchResponse(batch))
      } catch (error) {
        if (error instanceof DuplicateLotError) throw new HttpError(409, "conflict", error.message)
        throw error
      }
    },
  )

  app.get<{ Params: { id: string } }>(
    "/batches/:id",
    { schema: { params: uuidParams, response: { 200: batchSchema, 404: errorSchema } } },
    async (request) => {
      const batch = await findBatch(pool, request.params.id)
      if (!batch) throw new HttpError(404, "not_found", `No batch ${request.params.id}`)
      return batchResponse(batch)
    },
  )
}
