import type { FastifyInstance } from "fastify"
import type { RouteContext } from "../context.js"
import { errorSchema } from "../errors.js"
import { zodSchema, zodValidatorCompiler } from "../zod.js"
import { idParams, jobResponse, jobSchema } from "./stamp-schemas.js"
import { authenticated } from "./stamps.js"

export function stampJobRoutes(app: FastifyInstance, { jwtKey, services }: RouteContext): void {
  app.get<{ Params: { id: string } }>(
    "/stamp-jobs/:id",
    {
      schema: { params: zodSchema(idParams), response: { 200: jobSchema, "4xx": errorSchema } },
      validatorCompiler: zodValidatorCompiler,
      preValidation: authenticated(jwtKey),
    },
    async (request, reply) => {
      const { job } = await services.stamps.job(request.actor!, request.params.id)
      // Progress changes with every chunk; a cached answer would stall a polling client.
      return reply.header("cache-control", "no-store").send(jobResponse(job))
    },
  )
}
