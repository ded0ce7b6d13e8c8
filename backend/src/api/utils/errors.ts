import {
  type MedusaNextFunction,
  type MedusaRequest,
  type MedusaResponse,
  errorHandler as medusaErrorHandler,
} from "@medusajs/framework/http"
import { DomainError, type DomainErrorKind } from "../../lib/errors"
import { requestLang, type Text } from "./i18n"

// One text for "no such seller" wherever it is refused, in lib/ or here.
export { DomainError, sellerNotFound } from "../../lib/errors"

/** What each kind of domain error answers with: the one place they become HTTP. */
const HTTP_OF = {
  invalid: { status: 400, type: "invalid_data" },
  unauthorized: { status: 401, type: "unauthorized" },
  forbidden: { status: 403, type: "not_allowed" },
  not_found: { status: 404, type: "not_found" },
  conflict: { status: 409, type: "conflict" },
  too_large: { status: 413, type: "payload_too_large" },
  too_many_requests: { status: 429, type: "too_many_requests" },
  unavailable: { status: 503, type: "unexpected_state" },
} as const satisfies Record<DomainErrorKind, { status: number; type: string }>

type Status = (typeof HTTP_OF)[DomainErrorKind]["status"]

const KIND_OF = Object.fromEntries(
  Object.entries(HTTP_OF).map(([kind, { status }]) => [status, kind]),
) as Record<Status, DomainErrorKind>

/**
 * A refusal raised by the API layer itself, written as the status it answers with; the error
 * handler treats it as the domain error of that status's kind.
 */
export class ApiError extends DomainError {
  constructor(
    readonly status: Status,
    text: Text,
    field?: string,
    /** Sent as Retry-After: when a refused request may be tried again. */
    retryAfterSeconds?: number,
  ) {
    super(KIND_OF[status], text, field, retryAfterSeconds)
    this.name = "ApiError"
  }
}

export const badRequest = (field: string, text: Text) => new ApiError(400, text, field)

export const notFound = (what: Text) => new ApiError(404, what)

export const forbidden = (text: Text) => new ApiError(403, text)

export const conflict = (text: Text, field?: string) => new ApiError(409, text, field)

export const tooLarge = (field: string, text: Text) => new ApiError(413, text, field)

export const tooManyRequests = (text: Text, retryAfterSeconds: number, field?: string) =>
  new ApiError(429, text, field, Math.max(1, Math.ceil(retryAfterSeconds)))

const medusaDefault = medusaErrorHandler()

/**
 * Domain errors (from lib/ or raised here as ApiErrors) with their kind's status, in the client's
 * language; everything else through Medusa's own handler, with its English message, so core
 * routes behave as documented.
 */
export function apiErrorHandler(
  error: unknown,
  req: MedusaRequest,
  res: MedusaResponse,
  next: MedusaNextFunction,
) {
  if (error instanceof DomainError) {
    const lang = requestLang(req)
    const { status, type } = HTTP_OF[error.kind]
    if (error.retryAfterSeconds) res.setHeader("Retry-After", String(error.retryAfterSeconds))
    res.status(status).json({
      type,
      message: error.text[lang],
      ...(error.field ? { field: error.field } : {}),
    })
    return
  }
  return medusaDefault(error as Error, req, res, next)
}
