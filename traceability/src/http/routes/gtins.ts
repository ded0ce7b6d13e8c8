import type { FastifyInstance } from "fastify"
import { z } from "zod"
import { gtinProblem, normaliseGtin } from "../../domain/digital-link.js"
import { checkMayAssignGtin } from "../../services/seller-trust.js"
import { authenticate } from "../auth.js"
import type { RouteContext } from "../context.js"
import { badRequest, errorSchema } from "../errors.js"
import { zodSchema, zodValidatorCompiler } from "../zod.js"

const gtinParams = z.strictObject({ gtin: z.string().min(1).max(14) })
const assignBody = z.strictObject({ seller_id: z.string().min(1).max(100) })

/**
 * `PUT /gtins/:gtin {seller_id}`: an operator's decision on whose GTIN it is, when the first
 * seller to claim it (by creating a batch) was not its owner. From then on the resolver serves
 * `/01/{gtin}` from that seller's batches only, and other sellers' new batches of it are refused.
 */
export function gtinRoutes(app: FastifyInstance, { jwtKey, services }: RouteContext): void {
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
        checkMayAssignGtin(request.actor)
      },
    },
    async (request) => {
      const parsed = normaliseGtin(request.params.gtin)
      if (!parsed.ok) throw badRequest("gtin", gtinProblem(request.params.gtin)!)
      await services.sellerTrust.assignGtin(request.actor!, parsed.gtin, request.body.seller_id)
      request.log.info({ gtin: parsed.gtin, sellerId: request.body.seller_id }, "gtin assigned")
      return { gtin: parsed.gtin, seller_id: request.body.seller_id }
    },
  )
}
