import type { BatchPage } from "@coop/contracts/batches"
import type { FastifyInstance, FastifyRequest } from "fastify"
import { type BatchDetails, EMPTY_DETAILS } from "../../domain/batch.js"
import { authenticate, callerOf } from "../auth.js"
import type { RouteContext } from "../context.js"
import { errorSchema } from "../errors.js"
import { withOfficerArea } from "../officer-area.js"
import { zodSchema, zodValidatorCompiler } from "../zod.js"
import {
  batchIdParams,
  batchResponse,
  batchSchema,
  type CreateBatchBody,
  createBatchBody,
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

const errors = { "4xx": errorSchema, "5xx": errorSchema }

// Authentication runs before validation, so an anonymous caller learns nothing about the input.
const authenticated = (jwtKey: Uint8Array) => async (request: FastifyRequest) => {
  request.actor = await authenticate(request, jwtKey)
}

/** HTTP for batches: parse, call services/batches.ts, shape the answer. */
export function batchRoutes(app: FastifyInstance, context: RouteContext): void {
  const { jwtKey, services } = context
  const params = zodSchema(batchIdParams)
  const withAuth = { preValidation: authenticated(jwtKey), validatorCompiler: zodValidatorCompiler }

  app.post<{ Body: CreateBatchBody }>(
    "/batches",
    {
      schema: { body: zodSchema(createBatchBody), response: { 201: batchSchema, ...errors } },
      ...withAuth,
    },
    async (request, reply) => {
      const { body } = request
      const batch = await services.batches.create(callerOf(request), {
        sellerId: body.seller_id,
        productId: body.product_id,
        lotCode: body.lot_code,
        details: mergeDetails(EMPTY_DETAILS, body),
        claimedStars: body.certifications?.ocop_stars,
      })
      request.log.info({ batchId: batch.id, sellerId: batch.sellerId }, "batch created")
      return reply.status(201).send(batchResponse(batch))
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
      const page = await services.batches.list(
        { actor },
        { sellerId: seller_id, productId: product_id, state },
        { limit, offset },
      )
      const answer: BatchPage = {
        batches: page.batches.map(batchResponse),
        count: page.total,
        limit,
        offset,
      }
      return answer
    },
  )

  app.get<{ Params: { id: string } }>(
    "/batches/:id",
    { schema: { params, response: { 200: batchSchema, ...errors } }, ...withAuth },
    async (request) => {
      const actor = await withOfficerArea(request, request.actor!, context.officers)
      return batchResponse(await services.batches.get({ actor }, request.params.id))
    },
  )

  async function change(request: FastifyRequest<{ Params: { id: string } }>, body: PatchBatchBody) {
    const changesDetails = DETAIL_KEYS.some((key) => body[key] !== undefined)
    const batch = await services.batches.change(callerOf(request), request.params.id, {
      details: changesDetails ? (current: BatchDetails) => mergeDetails(current, body) : undefined,
      claimedStars: body.certifications?.ocop_stars,
      state: body.state,
      recallReason: body.recall_reason,
    })
    request.log.info(
      { batchId: batch.id, state: batch.state, actor: request.actor!.actorId },
      "batch changed",
    )
    return batchResponse(batch)
  }

  const changeRoute = { schema: { params, response: { 200: batchSchema, ...errors } }, ...withAuth }

  app.patch<{ Params: { id: string }; Body: PatchBatchBody }>(
    "/batches/:id",
    { ...changeRoute, schema: { ...changeRoute.schema, body: zodSchema(patchBatchBody) } },
    (request) => change(request, request.body),
  )

  app.post<{ Params: { id: string } }>("/batches/:id/seal", changeRoute, (request) =>
    change(request, { state: "sealed" }),
  )

  app.post<{ Params: { id: string }; Body: { reason: string } }>(
    "/batches/:id/recall",
    { ...changeRoute, schema: { ...changeRoute.schema, body: zodSchema(recallBody) } },
    (request) => change(request, { state: "recalled", recall_reason: request.body.reason }),
  )
}
