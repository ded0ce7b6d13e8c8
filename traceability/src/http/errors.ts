import { preferredLang } from "@coop/contracts/i18n"
import type { FastifyError, FastifyInstance } from "fastify"
import { DomainError, type DomainErrorKind } from "../domain/errors.js"
import { type Lang, msg, schemaText, type Text } from "../messages.js"

/**
 * An error with the status and machine-readable code the client receives, and its message in
 * both languages (from the catalogue, ../messages.ts); the answer carries the one the request's
 * Accept-Language prefers, Vietnamese by default. `message` is the English text (logs, tests).
 */
export class HttpError extends Error {
  readonly text: Text
  constructor(
    readonly statusCode: number,
    readonly code: string,
    text: Text | string,
    readonly field?: string,
  ) {
    const both = typeof text === "string" ? { vi: text, en: text } : text
    super(both.en)
    this.text = both
  }

  /** Set on a 429 for a daily quota: when it starts again. */
  resetsAt?: Date

  /** Headers the answer carries (CORS on a rate limit's refusal). */
  headers?: Record<string, string>
}

/** An HttpError with its message in both languages. */
export const localizedError = (statusCode: number, code: string, text: Text, field?: string) =>
  new HttpError(statusCode, code, text, field)

/** 400 invalid_request naming the field. */
export const badRequest = (field: string, text: Text) =>
  new HttpError(400, "invalid_request", text, field)

/** The status each kind of domain error answers with: the one place they become HTTP. */
const STATUS_OF: Record<DomainErrorKind, number> = {
  invalid: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  quota_exceeded: 429,
  unavailable: 502,
}

/** A service's refusal as the HTTP error the client receives. */
export function httpErrorOf(error: DomainError): HttpError {
  const http = new HttpError(STATUS_OF[error.kind], error.code, error.text, error.field)
  if (error.resetsAt) http.resetsAt = error.resetsAt
  if (error.retryAfterSeconds !== undefined) {
    http.headers = { "retry-after": String(error.retryAfterSeconds) }
  }
  return http
}

/** Fastify's own refusals (content type, body size, malformed JSON), by their code. */
function fastifyText(error: FastifyError, contentType: string | undefined): Text {
  switch (error.code) {
    case "FST_ERR_CTP_INVALID_MEDIA_TYPE":
      return msg.mediaType(contentType ?? "")
    case "FST_ERR_CTP_BODY_TOO_LARGE":
      return msg.bodyTooLarge()
    case "FST_ERR_CTP_EMPTY_JSON_BODY":
      return msg.emptyJson()
    case "FST_ERR_CTP_INVALID_JSON_BODY":
      return msg.badJson()
  }
  if (error instanceof SyntaxError) return msg.badJson()
  return msg.refused(error.message)
}

/** The field a JSON Schema (ajv) failure is about, dotted; undefined for the whole part. */
function schemaField(first: NonNullable<FastifyError["validation"]>[number] | undefined) {
  const missing = first?.params?.missingProperty
  const field = typeof missing === "string" ? missing : first?.instancePath.replace(/^\//, "")
  return field ? field.replaceAll("/", ".") : undefined
}

const say = (text: Text, lang: Lang) => text[lang]

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
  app.setErrorHandler((thrown: FastifyError | HttpError | DomainError, request, reply) => {
    const lang = preferredLang(request.headers["accept-language"])
    if (thrown instanceof DomainError && thrown.kind === "unavailable") {
      request.log.error({ err: thrown.cause ?? thrown }, thrown.message)
    }
    const error = thrown instanceof DomainError ? httpErrorOf(thrown) : thrown
    if (error instanceof HttpError) {
      if (error.headers) reply.headers(error.headers)
      return reply.status(error.statusCode).send({
        error: error.code,
        message: say(error.text, lang),
        ...(error.field ? { field: error.field } : {}),
        ...(error.resetsAt ? { resets_at: error.resetsAt.toISOString() } : {}),
      })
    }
    if (error.validation) {
      const first = error.validation[0]
      const field = schemaField(first)
      const named = field ?? error.validationContext ?? "body"
      return reply.status(400).send({
        error: "invalid_request",
        message: say(schemaText(first?.keyword ?? "", named, first?.params), lang),
        ...(field ? { field } : {}),
      })
    }
    if (error.statusCode && error.statusCode < 500) {
      return reply.status(error.statusCode).send({
        error: error.code ?? "invalid_request",
        message: say(fastifyText(error, request.headers["content-type"]), lang),
      })
    }
    request.log.error({ err: error }, "request failed")
    return reply.status(500).send({ error: "internal_error", message: say(msg.internal(), lang) })
  })
  app.setNotFoundHandler((request, reply) =>
    reply.status(404).send({
      error: "not_found",
      message: say(
        msg.routeNotFound(request.method, request.url),
        preferredLang(request.headers["accept-language"]),
      ),
    }),
  )
}
