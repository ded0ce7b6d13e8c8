import { findHostileUrl, findHostileValue, hostileMessage } from "@coop/contracts/hostile-input"
import type { FastifyInstance } from "fastify"
import { badRequest } from "./errors.js"

/**
 * Refuses, on every route, a request whose URL or parsed body holds a value no field accepts
 * (NUL, a lone surrogate, JSON nested past the limit, a number past 2^53, a negative page size)
 * with a 400 naming the field, before any route or the database sees it.
 */
export function registerInputGuard(app: FastifyInstance): void {
  // Callback style: every scan passes these hooks, and a clean request leaves them without a promise.
  app.addHook("onRequest", (request, _reply, done) => {
    const problem = findHostileUrl(request.url)
    done(problem ? badRequest(problem.field, hostileMessage(problem)) : undefined)
  })
  app.addHook("preValidation", (request, _reply, done) => {
    const problem = request.body == null ? null : findHostileValue(request.body)
    done(problem ? badRequest(problem.field, hostileMessage(problem)) : undefined)
  })
}
