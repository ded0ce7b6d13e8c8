import swagger from "@fastify/swagger"
import type { FastifyInstance } from "fastify"
import type { Config } from "../config.js"

/**
 * The OpenAPI document, generated from the routes' own schemas, at GET /openapi.json. Register
 * before any route: the plugin collects routes as they are added.
 */
export async function registerOpenApi(app: FastifyInstance, config: Config): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: "3.1.0",
      info: {
        title: "Traceability service",
        version: "1.0.0",
        description:
          "Batches, events, QR origin stamps and the GS1 Digital Link resolver of the cooperative platform. Errors are {error, message, field?}.",
      },
      servers: [{ url: config.publicUrl }],
      components: {
        securitySchemes: {
          bearer: {
            type: "http",
            scheme: "bearer",
            bearerFormat: "JWT",
            description: "A token issued by the Medusa backend (HS256, shared JWT_SECRET)",
          },
        },
      },
    },
  })
  app.get("/openapi.json", { schema: { hide: true } }, async (_request, reply) => {
    reply.header("access-control-allow-origin", "*")
    return app.swagger()
  })
}
