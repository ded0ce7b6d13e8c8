import type { FastifyInstance } from "fastify"
import type pg from "pg"
import { msg } from "../../messages.js"
import { type Batch, findBatch } from "../../store/batches.js"
import { findJob, type StampJob } from "../../store/stamps.js"
import type { Actor } from "../auth.js"
import { mayWriteBatch } from "../batch-access.js"
import type { RouteContext } from "../context.js"
import { errorSchema, HttpError } from "../errors.js"
import { zodSchema, zodValidatorCompiler } from "../zod.js"
import { idParams, jobResponse, jobSchema } from "./stamp-schemas.js"
import { authenticated } from "./stamps.js"

/**
 * A job and its batch when the actor may print the batch's stamps (its seller's members and
 * helpers, operators); anyone else is told the job does not exist.
 */
export async function findJobForWriter(
  pool: pg.Pool,
  id: string,
  actor: Actor,
): Promise<{ job: StampJob; batch: Batch }> {
  const job = await findJob(pool, id)
  const batch = job ? await findBatch(pool, job.batchId) : null
  if (!job || !batch || !mayWriteBatch(actor, batch)) {
    throw new HttpError(404, "not_found", msg.stampJobNotFound(id))
  }
  return { job, batch }
}

export function stampJobRoutes(app: FastifyInstance, { pool, jwtKey }: RouteContext): void {
  app.get<{ Params: { id: string } }>(
    "/stamp-jobs/:id",
    {
      schema: { params: zodSchema(idParams), response: { 200: jobSchema, "4xx": errorSchema } },
      validatorCompiler: zodValidatorCompiler,
      preValidation: authenticated(jwtKey),
    },
    async (request, reply) => {
      const { job } = await findJobForWriter(pool, request.params.id, request.actor!)
      // Progress changes with every chunk; a cached answer would stall a polling client.
      return reply.header("cache-control", "no-store").send(jobResponse(job))
    },
  )
}
