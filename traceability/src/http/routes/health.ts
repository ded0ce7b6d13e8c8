import type { FastifyInstance } from "fastify"
import type { RouteContext } from "../context.js"

const healthSchema = {
  type: "object",
  properties: { status: { type: "string", enum: ["ok", "unavailable"] } },
  required: ["status"],
} as const

export function healthRoutes(app: FastifyInstance, { pool }: RouteContext): void {
  app.get(
    "/health",
    { schema: { response: { 200: healthSchema, 503: healthSchema } } },
    async (request, reply) => {
      try {
        await pool.query("SELECT 1")
        return { status: "ok" }
      } catch (error) {
        request.log.warn({ err: error }, "health check: database unreachable")
        return reply.status(503).send({ status: "unavailable" })
      }
    },
  )
}
