import type { ApiError } from "./api"
import type { FormValues } from "./origin-forms"

/** A refusal the portal has its own advice for: shown beside `field`, in words `key` names. */
export type KnownRefusal = { field: string; key: string }

/**
 * The traceability service's refusal as a form's problems: beside its field when the form has
 * one, otherwise above the form. The service answers in the person's language (the portal sends
 * Accept-Language), so its message is shown as it is; the portal's own advice (`say(key)`) only
 * for the refusals it knows by status (a lot code taken, a recalled batch), or when the service
 * said nothing, or could not be reached.
 */
export function refusalProblems(
  error: ApiError,
  values: FormValues,
  known: Record<number, KnownRefusal>,
  say: (key: string) => string,
): { errors: Record<string, string>; formError: string | null } {
  const errors: Record<string, string> = {}
  if (error.status === 0 || error.status >= 500) return { errors, formError: say("unavailable") }
  const mapped = known[error.status]
  const field = error.field && error.field in values ? error.field : mapped?.field
  if (mapped && (!error.field || error.field === mapped.field)) {
    errors[mapped.field] = say(mapped.key)
  } else if (field) {
    errors[field] = error.message || say("service")
  } else {
    return { errors, formError: error.message || say("refused") }
  }
  return { errors, formError: null }
}
