import type { FastifyInstance } from "fastify"
import type { RouteContext } from "../context.js"
import { errorSchema } from "../errors.js"
import { quietLogLevel } from "./resolver.js"
import { lotProvenanceSchema } from "./resolver-schemas.js"

const JSON_TYPE = "application/json; charset=utf-8"

/**
 * Seconds a shared cache (the storefront's data cache, a CDN) may keep an answer. Nothing here is
 * a scan, so it may be cached; a recall or a new batch shows within this time.
 */
export const PRODUCT_PROVENANCE_MAX_AGE = 60

/**
 * The shop's product page: the origin of what is on sale now, without any stamp. The newest batch
 * of the product that is not recalled, as a lot's provenance record (no verdict, no scan counted).
 * Which batch that is, and its record, is services/provenance.ts's.
 */
export function productProvenanceRoutes(
  app: FastifyInstance,
  { config, services }: RouteContext,
): void {
  app.get<{ Params: { product_id: string } }>(
    "/products/:product_id/provenance",
    {
      logLevel: quietLogLevel(config.logLevel),
      schema: {
        tags: ["resolver"],
        summary: "The provenance of a product's newest batch that is not recalled",
        description:
          "For the shop's product page: the same record as a lot's (`/01/{gtin}/10/{lot}`), for products with or without a GTIN. Counts no scan. `404` when the product has no batch that is not recalled.",
        params: {
          type: "object",
          properties: { product_id: { type: "string", minLength: 1, maxLength: 100 } },
          required: ["product_id"],
        },
        response: { 200: lotProvenanceSchema, 404: errorSchema },
      },
    },
    async (request, reply) => {
      reply.header("access-control-allow-origin", "*")
      const { product_id: productId } = request.params
      const cached = await services.provenance.ofProduct(productId)
      reply.header("cache-control", `public, max-age=${PRODUCT_PROVENANCE_MAX_AGE}`)
      return reply.type(JSON_TYPE).send(`{${cached.members}}`)
    },
  )
}
