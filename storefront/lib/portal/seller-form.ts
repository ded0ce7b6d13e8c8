import type { ApiError } from "./api"

// What every seller-portal form and its server action share: the state that comes back (what was
// typed, the errors per field in the person's language, a message about the whole form), and how
// a backend error becomes that state. Pure functions: the unit tests run them without a server.

export type Option = { value: string; label: string }

/** A checkbox group (photos to keep) has several values; every other field one. */
export type FormValues = Record<string, string | string[]>

export type FormState = {
  values: FormValues
  /** Translated messages per form field. */
  errors: Record<string, string>
  /** A message about the whole form: the backend failed or refused without naming a field. */
  formError: string | null
  /** Choices the server looked up (communes of the chosen province, uploaded photos), so the
   * form can be drawn again without JavaScript. */
  options?: Record<string, Option[]>
}

export const emptyFormState = (values: FormValues = {}): FormState => ({
  values,
  errors: {},
  formError: null,
})

/** The trimmed text of each named field (missing = ""). */
export function readText(form: FormData, names: readonly string[]): Record<string, string> {
  return Object.fromEntries(
    names.map((name) => {
      const raw = form.get(name)
      return [name, typeof raw === "string" ? raw.trim() : ""]
    }),
  )
}

/**
 * A whole number typed the way people here type money: "185.000", "185 000", "185000 đ".
 * Returns null for anything that is not a non-negative whole number (fractions, letters).
 */
export function parseWhole(text: string): number | null {
  const cleaned = text.replace(/[\s.,_]|đ|₫|vnd/gi, "")
  if (!/^\d{1,13}$/.test(cleaned)) return null
  return Number(cleaned)
}

/**
 * The backend names fields by their path in the request (`seller.name`, `variants.0.price`) and
 * quotes that path in its message. Next to the field, the person reads the field's own label
 * instead, and a leading `"path": ` is dropped (the message sits beside the field already).
 */
export function humanise(message: string, field: string, label?: string): string {
  const quoted = `"${field}"`
  if (message.startsWith(`${quoted}: `)) return message.slice(quoted.length + 2)
  return label ? message.split(quoted).join(`"${label}"`) : message
}

export type ErrorTexts = {
  /** The backend could not be reached or failed (status 0 or 5xx). */
  unavailable: string
  /** The login is no longer valid (401). */
  signInAgain: string
  /** Refused without a message. */
  failed: string
}

/**
 * A failed call as form state: a field the form shows gets the backend's message beside it
 * (with the field's label); anything else becomes the form's message. `fields` maps the
 * backend's field path (or its prefix before a dot-index) to the form field's name.
 */
export function failureState(
  error: ApiError,
  values: FormValues,
  fields: Record<string, { name: string; label: string }>,
  texts: ErrorTexts,
): FormState {
  if (error.status === 0 || error.status >= 500) {
    return { values, errors: {}, formError: texts.unavailable }
  }
  if (error.status === 401) return { values, errors: {}, formError: texts.signInAgain }
  const target = error.field ? fields[error.field] : undefined
  const message = error.message || texts.failed
  if (target && error.field) {
    return {
      values,
      errors: { [target.name]: humanise(message, error.field, target.label) },
      formError: null,
    }
  }
  return { values, errors: {}, formError: message }
}
