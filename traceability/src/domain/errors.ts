import type { Text } from "../messages.js"

/**
 * What went wrong, in the domain's terms: the services throw these and the HTTP layer turns
 * each kind into its status (http/errors.ts, the one mapper). `code` is the machine-readable
 * word clients match on; `text` is the message in both languages; `field` names the input to
 * blame, as the API spells it.
 */
export type DomainErrorKind =
  /** The input breaks a rule (400). */
  | "invalid"
  /** The caller is not known: the backend refused its token, or none was sent where needed (401). */
  | "unauthorized"
  /** The caller may not do this at all (403). */
  | "forbidden"
  /** Nothing the caller may see goes by that id (404). */
  | "not_found"
  /** The thing's state does not allow it now (409). */
  | "conflict"
  /** A quota is used up until `resetsAt` (429). */
  | "quota_exceeded"
  /** A service this one depends on did not answer (502). */
  | "unavailable"

export class DomainError extends Error {
  readonly text: Text
  /** For quota_exceeded: when the quota starts again. */
  resetsAt?: Date
  /** For quota_exceeded: whole seconds until then, counted when the quota was checked. */
  retryAfterSeconds?: number

  constructor(
    readonly kind: DomainErrorKind,
    readonly code: string,
    text: Text,
    readonly field?: string,
    options?: { cause?: unknown },
  ) {
    super(text.en, options)
    this.text = text
  }
}

/** The input breaks a rule: `invalid_request` naming the field. */
export const invalidInput = (field: string, text: Text) =>
  new DomainError("invalid", "invalid_request", text, field)

export const forbidden = (text: Text, code = "forbidden") =>
  new DomainError("forbidden", code, text)

export const notFound = (text: Text, field?: string) =>
  new DomainError("not_found", "not_found", text, field)

export const conflict = (text: Text, code = "conflict", field?: string) =>
  new DomainError("conflict", code, text, field)
