import { findHostileUrl, findHostileValue, hostileMessage } from "@coop/contracts/hostile-input"
import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { badRequest } from "./errors"

/**
 * Refuses, on every route (ours and Medusa's), a request whose URL or parsed body holds a value
 * no field accepts (NUL, a lone surrogate, JSON nested past the limit, a number past 2^53), with
 * a 400 naming the field, before any of it reaches a workflow or the database.
 */
export function rejectHostileInput(
  req: MedusaRequest,
  _res: MedusaResponse,
  next: MedusaNextFunction,
) {
  const problem = findHostileUrl(req.originalUrl ?? req.url) ?? findHostileValue(req.body)
  if (problem) return next(badRequest(problem.field, hostileMessage(problem)))
  next()
}
