import type { FastifyError, FastifyInstance } from "fastify"

/** An error with the status and machine-readable code the client receives. */
export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    readonly field?: string,
    /** The message in Vietnamese, sent instead when the client prefers it (Accept-Language). */
    readonly vi?: string,
  ) {
    super(message)
  }

  /** Set on a 429 for a daily quota: when it starts again. */
  resetsAt?: Date

  /** Headers the answer carries (CORS on a rate limit's refusal). */
  headers?: Record<string, string>
}

/** An HttpError with its message in both languages. */
export const localizedError = (
  statusCode: number,
  code: string,
  text: { vi: string; en: string },
  field?: string,
) => new HttpError(statusCode, code, text.en, field, text.vi)

const prefersVietnamese = (acceptLanguage: string | undefined) =>
  /^\s*vi\b/i.test(acceptLanguage ?? "")

export const badRequest = (field: string, message: string) =>
  new HttpError(400, "invalid_request", message, field)

/** The JSON schema of every error body. */
export const errorSchema = {
  type: "object",
  properties: {
    error: { type: "string" },
    message: { type: "string" },
    field: { type: "string" },
    resets_at: { type: "string", format: "date-time", description: "when a daily quota resets" },
  },
  required: ["error", "message"],
} as const

/** Turns thrown errors into `{error, message, field?}`; validation errors name the field. */
export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | HttpError, request, reply) => {
    if (error instanceof HttpError) {
      if (error.headers) reply.headers(error.headers)
      return reply.status(error.statusCode).send({
        error: error.code,
        message:
          error.vi && prefersVietnamese(request.headers["accept-language"])
            ? error.vi
            : error.message,
        ...(error.field ? { field: error.field } : {}),
        ...(error.resetsAt ? { resets_at: error.resetsAt.toISOString() } : {}),
      })
    }
    if (error.validation) {
      const first = error.validation[0]
      const missing = first?.params?.missingProperty
      const field = typeof missing === "string" ? missing : first?.instancePath.replace(/^\//, "")
      return reply.status(400).send({
        error: "invalid_request",
        message: error.message,
        ...(field ? { field: field.replaceAll("/", ".") } : {}),
      })
    }
    if (error.statusCode && error.statusCode < 500) {
      return reply
        .status(error.statusCode)
        .send({ error: error.code ?? "invalid_request", message: error.message })
    }
    request.log.error({ err: error }, "request failed")
    return reply.status(500).send({ error: "internal_error", message: "Internal server error" })
  })
  app.setNotFoundHandler((request, reply) =>
    reply
      .status(404)
      .send({ error: "not_found", message: `No route ${request.method} ${request.url}` }),
  )
}
