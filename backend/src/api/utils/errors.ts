import {
  type MedusaNextFunction,
  type MedusaRequest,
  type MedusaResponse,
  errorHandler as medusaErrorHandler,
} from "@medusajs/framework/http"
import { requestLang, type Text } from "./i18n"

const TYPES = {
  400: "invalid_data",
  401: "unauthorized",
  403: "not_allowed",
  404: "not_found",
  409: "conflict",
  413: "payload_too_large",
  429: "too_many_requests",
  503: "unexpected_state",
} as const

/** An error a client can act on, in both languages, naming the offending field when there is one. */
export class ApiError extends Error {
  constructor(
    readonly status: keyof typeof TYPES,
    readonly text: Text,
    readonly field?: string,
    /** Sent as Retry-After: when a refused request may be tried again. */
    readonly retryAfterSeconds?: number,
  ) {
    super(text.en)
    this.name = "ApiError"
  }
}

export const badRequest = (field: string, text: Text) => new ApiError(400, text, field)

export const notFound = (what: Text) => new ApiError(404, what)

export const forbidden = (text: Text) => new ApiError(403, text)

/** A seller that does not exist, or one the caller may not see: the two must look alike. */
export const sellerNotFound = () =>
  notFound({ vi: "Không tìm thấy người bán", en: "Seller not found" })

export const conflict = (text: Text, field?: string) => new ApiError(409, text, field)

export const tooLarge = (field: string, text: Text) => new ApiError(413, text, field)

export const tooManyRequests = (text: Text, retryAfterSeconds: number, field?: string) =>
  new ApiError(429, text, field, Math.max(1, Math.ceil(retryAfterSeconds)))

const medusaDefault = medusaErrorHandler()

/**
 * Our ApiErrors in the client's language; everything else through Medusa's own handler, with its
 * English message, so core routes behave as documented.
 */
export function apiErrorHandler(
  error: unknown,
  req: MedusaRequest,
  res: MedusaResponse,
  next: MedusaNextFunction,
) {
  if (error instanceof ApiError) {
    const lang = requestLang(req)
    if (error.retryAfterSeconds) res.setHeader("Retry-After", String(error.retryAfterSeconds))
    res.status(error.status).json({
      type: TYPES[error.status],
      message: error.text[lang],
      ...(error.field ? { field: error.field } : {}),
    })
    return
  }
  return medusaDefault(error as Error, req, res, next)
}
