import type { Text } from "@coop/contracts/i18n"

/**
 * What went wrong, in the domain's terms. `lib/` throws these and never speaks HTTP; the API's
 * error handler (api/utils/errors.ts) gives each kind its status and `type`, and answers with
 * the text in the request's language and the field to blame. The kinds are the traceability
 * service's (traceability/src/domain/errors.ts), plus the two refusals only uploads make.
 */
export type DomainErrorKind =
  /** The input breaks a rule (400). */
  | "invalid"
  /** The caller's session no longer stands (401). */
  | "unauthorized"
  /** The caller may not do this at all (403). */
  | "forbidden"
  /** Nothing the caller may see goes by that id (404). */
  | "not_found"
  /** The thing's state does not allow it now (409). */
  | "conflict"
  /** The input is bigger than allowed (413). */
  | "too_large"
  /** Too many attempts; `retryAfterSeconds` says when to try again (429). */
  | "too_many_requests"
  /** A service this one depends on is not configured or did not answer (503). */
  | "unavailable"

/** A refusal a client can act on, in both languages, naming the offending field when there is one. */
export class DomainError extends Error {
  constructor(
    readonly kind: DomainErrorKind,
    readonly text: Text,
    readonly field?: string,
    /** For too_many_requests: whole seconds until the request may be tried again. */
    readonly retryAfterSeconds?: number,
  ) {
    super(text.en)
    this.name = "DomainError"
  }
}

/** The input breaks a rule, naming the field as the API spells it. */
export const invalid = (field: string, text: Text) => new DomainError("invalid", text, field)

export const notFound = (what: Text) => new DomainError("not_found", what)

/** A seller that does not exist, or one the caller may not see: the two must look alike. */
export const sellerNotFound = () =>
  notFound({ vi: "Không tìm thấy người bán", en: "Seller not found" })

export const conflict = (text: Text, field?: string) => new DomainError("conflict", text, field)

export const unavailable = (text: Text) => new DomainError("unavailable", text)
