import type { FastifyInstance } from "fastify"
import { z } from "zod"
import type { RouteContext } from "../context.js"
import { errorSchema } from "../errors.js"
import { zodSchema, zodValidatorCompiler } from "../zod.js"
import { idParams } from "./stamp-schemas.js"
import { authenticated } from "./stamps.js"

/**
 * The seller's view of a batch's stamps: totals, and a page of stamps in issue order with their
 * state, scans and counterfeit signals (the portal's "which of my stamps look copied?"). Like the
 * CSV, only those who may print the batch's stamps may list them; anyone else gets 404.
 */

export const stampListQuery = z.strictObject({
  after_seq: z.coerce.number().int("must be a whole number").min(0).max(2_147_483_647).default(0),
  limit: z.coerce.number().int("must be a whole number").min(1).max(200).default(50),
  signals: z.enum(["true", "false"], { error: "must be true or false" }).default("false"),
})

const nullableDateTime = { type: ["string", "null"], format: "date-time" } as const

const countsSchema = {
  type: "object",
  properties: {
    issued: { type: "integer" },
    voided: { type: "integer" },
    scanned: { type: "integer", description: "stamps scanned at least once" },
    scans: { type: "integer" },
    counterfeit_signals: {
      type: "integer",
      description:
        "scans with a suspicious or voided verdict, and located scans proving a copied label",
    },
  },
  required: ["issued", "voided", "scanned", "scans", "counterfeit_signals"],
} as const

const stampListSchema = {
  type: "object",
  properties: {
    summary: countsSchema,
    stamps: {
      type: "array",
      items: {
        type: "object",
        properties: {
          seq: { type: "integer" },
          serial: { type: "string" },
          uri: { type: "string" },
          state: { type: "string", enum: ["issued", "voided"] },
          issued_at: { type: "string", format: "date-time" },
          voided_at: nullableDateTime,
          void_reason: { type: ["string", "null"] },
          scan_count: { type: "integer" },
          last_scanned_at: nullableDateTime,
          counterfeit_signals: { type: "integer" },
        },
        required: ["seq", "serial", "uri", "state", "issued_at", "scan_count"],
      },
    },
    next_after_seq: { type: ["integer", "null"], description: "after_seq of the next page" },
  },
  required: ["summary", "stamps", "next_after_seq"],
} as const

export function stampListRoutes(app: FastifyInstance, { jwtKey, services }: RouteContext): void {
  app.get<{ Params: { id: string }; Querystring: z.infer<typeof stampListQuery> }>(
    "/batches/:id/stamps",
    {
      schema: {
        params: zodSchema(idParams),
        querystring: zodSchema(stampListQuery),
        response: { 200: stampListSchema, "4xx": errorSchema },
      },
      validatorCompiler: zodValidatorCompiler,
      preValidation: authenticated(jwtKey),
    },
    async (request, reply) => {
      const { after_seq: afterSeq, limit, signals } = request.query
      const { summary, stamps } = await services.stamps.list(request.actor!, request.params.id, {
        afterSeq,
        limit,
        signalsOnly: signals === "true",
      })
      const last = stamps.at(-1)
      return reply.header("cache-control", "no-store").send({
        summary,
        stamps,
        next_after_seq: stamps.length === limit && last ? last.seq : null,
      })
    },
  )
}
