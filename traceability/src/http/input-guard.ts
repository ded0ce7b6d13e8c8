import type { FastifyInstance } from "fastify"
import { findHostileUrl, findHostileValue, hostileMessage } from "../domain/hostile-input.js"
import { badRequest } from "./errors.js"

/**
 * Refuses, on every route, a request whose URL or parsed body holds a value no field accepts
 * (NUL, a lone surrogate, JSON nested past the limit, a number past 2^53, a negative page size)
 * with a 400 naming the field, before any route or the database sees it.
 */
export function registerInputGuard(app: FastifyInstance): void {
  app.addHook("onRequest", async (request) => {
    const problem = findHostileUrl(request.url)
    if (problem) throw badRequest(problem.field, hostileMessage(problem))
  })
  app.addHook("preValidation", async (request) => {
    const problem = findHostileValue(request.body)
    if (problem) throw badRequest(problem.field, hostileMessage(problem))
  })
}
