"use client"

import { useActionState } from "react"
import type { CommuneFormState } from "@/lib/portal/commune-actions"

export type ActionField =
  | {
      kind: "textarea"
      name: string
      label: string
      hint?: string
      required?: boolean
      minLength?: number
      maxLength?: number
    }
  | {
      kind: "select"
      name: string
      label: string
      hint?: string
      required?: boolean
      placeholder: string
      options: { value: string; label: string }[]
    }

type Props = {
  action: (state: CommuneFormState, form: FormData) => Promise<CommuneFormState>
  /** Hidden inputs: locale, the record's id, where to go back to. */
  hidden: Record<string, string>
  fields?: ActionField[]
  submit: string
  pending: string
  /** What the fields show at first (e.g. the listing linked now). */
  initial?: Record<string, string>
  /** A second button that posts the same form with `name=value` (e.g. unlink). */
  secondary?: { name: string; value: string; label: string }
  className?: string
  danger?: boolean
  testId?: string
}

/**
 * One change the officer makes (approve, suspend with a reason, link a listing, close a
 * quarter): a plain post that works without JavaScript. A failure comes back with what was
 * typed and the backend's message beside its field.
 */
export function CommuneActionForm(props: Props) {
  const { action, hidden, fields = [], submit, pending: pendingLabel, secondary } = props
  const [state, formAction, pending] = useActionState(action, {
    values: props.initial ?? {},
    errors: {},
    formError: null,
  })
  const prefix = `${hidden.id ?? hidden.quarter ?? "form"}-${submit}`.replace(/[^a-zA-Z0-9_-]/g, "")
  return (
    <form
      key={state.attempt ?? 0}
      action={formAction}
      className={props.className ?? "commune-action"}
      data-testid={props.testId}
    >
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {state.formError ? (
        <p className="notice notice-error" role="alert">
          {state.formError}
        </p>
      ) : null}
      {fields.map((field) => {
        const id = `${prefix}-${field.name}`
        const error = state.errors[field.name]
        const described = [field.hint ? `${id}-hint` : "", error ? `${id}-error` : ""]
          .filter(Boolean)
          .join(" ")
        const common = {
          id,
          name: field.name,
          required: field.required,
          defaultValue: state.values[field.name] ?? "",
          "aria-invalid": error ? true : undefined,
          "aria-describedby": described || undefined,
        }
        return (
          <div key={field.name} className="commune-field">
            <label htmlFor={id}>{field.label}</label>
            {field.kind === "textarea" ? (
              <textarea
                {...common}
                rows={3}
                minLength={field.minLength}
                maxLength={field.maxLength}
              />
            ) : (
              <select {...common}>
                <option value="">{field.placeholder}</option>
                {field.options.map((o) => (
                  <option key={o.value} value={o.value}>
                    {o.label}
                  </option>
                ))}
              </select>
            )}
            {field.hint ? (
              <p className="field-hint" id={`${id}-hint`}>
                {field.hint}
              </p>
            ) : null}
            {error ? (
              <p className="field-error" id={`${id}-error`}>
                {error}
              </p>
            ) : null}
          </div>
        )
      })}
      <div className="commune-buttons">
        <button
          type="submit"
          className={props.danger ? "button button-danger" : "button"}
          disabled={pending}
        >
          {pending ? pendingLabel : submit}
        </button>
        {secondary ? (
          <button
            type="submit"
            name={secondary.name}
            value={secondary.value}
            className="button button-secondary"
            disabled={pending}
            formNoValidate
          >
            {secondary.label}
          </button>
        ) : null}
      </div>
    </form>
  )
}
