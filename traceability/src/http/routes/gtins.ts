import type { FastifyInstance } from "fastify"
import { z } from "zod"
import { isOperator } from "../../domain/actor.js"
import { gtinProblem, normaliseGtin } from "../../domain/digital-link.js"
import { msg } from "../../messages.js"
import { assignGtin } from "../../store/seller-trust.js"
import { authenticate } from "../auth.js"
import type { RouteContext } from "../context.js"
import { badRequest, errorSchema, HttpError } from "../errors.js"
import { zodSchema, zodValidatorCompiler } from "../zod.js"

const gtinParams = z.strictObject({ gtin: z.string().min(1).max(14) })
const assignBody = z.strictObject({ seller_id: z.string().min(1).max(100) })

/**
 * `PUT /gtins/:gtin {seller_id}`: an operator's decision on whose GTIN it is, when the first
 * seller to claim it (by creating a batch) was not its owner. From then on the resolver serves
 * `/01/{gtin}` from that seller's batches only, and other sellers' new batches of it are refused.
 */
export function gtinRoutes(app: FastifyInstance, { pool, jwtKey }: RouteContext): void {
  app.put<{ Params: { gtin: string }; Body: { seller_id: string } }>(
    "/gtins/:gtin",
    {
      schema: {
        tags: ["sellers"],
        summary: "An operator decides which seller a GTIN belongs to",
        security: [{ bearer: [] }],
        params: zodSchema(gtinParams),
        body: zodSchema(assignBody),
        response: {
          200: {
            type: "object",
            properties: { gtin: { type: "string" }, seller_id: { type: "string" } },
            required: ["gtin", "seller_id"],
          },
          "4xx": errorSchema,
        },
      },
      validatorCompiler: zodValidatorCompiler,
      preValidation: async (request) => {
        request.actor = await authenticate(request, jwtKey)
        if (!isOperator(request.actor)) {
          throw new HttpError(403, "forbidden", msg.onlyOperatorGtin())
        }
      },
    },
    async (request) => {
      const parsed = normaliseGtin(request.params.gtin)
      if (!parsed.ok) throw badRequest("gtin", gtinProblem(request.params.gtin)!)
      const actor = request.actor!
      await assignGtin(pool, parsed.gtin, request.body.seller_id, {
        actorType: actor.actorType,
        actorId: actor.actorId,
      })
      const { rows } = await pool.query<{ id: string }>("SELECT id FROM batch WHERE gtin = $1", [
        parsed.gtin,
      ])
      await Promise.all(rows.map((row) => app.scanService.batchChanged(row.id)))
      request.log.info({ gtin: parsed.gtin, sellerId: request.body.seller_id }, "gtin assigned")
      return { gtin: parsed.gtin, seller_id: request.body.seller_id }
    },
  )
}
