import "fastify"
import type { Actor } from "../domain/actor.js"

declare module "fastify" {
  interface FastifyRequest {
    /** Set by routes that require a token, before their body is validated. */
    actor?: Actor
  }
}
