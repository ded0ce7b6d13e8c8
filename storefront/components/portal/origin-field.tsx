import { useRef } from "react"
import type { FieldSpec } from "@/lib/portal/origin-forms"

export type FieldText = {
  label: string
  hint?: string
  /** Labels of a select's options, by value. */
  options?: Record<string, string>
  choose?: string
}

type Props = {
  spec: FieldSpec
  text: FieldText
  value: string
  error?: string
  /** The service's own words about the field, under the translated problem. */
  detail?: string
  /** Extra input attributes: pattern, list, autoCapitalize… */
  extra?: Record<string, string>
}

const id = (name: string) => `origin-${name.replaceAll(".", "-")}`

/**
 * One labelled field of an origin form. Its HTML attributes (required, min/max, pattern, type)
 * let the browser check it as the person types (styled with :user-invalid); the server checks
 * again and its message, in the person's language, appears under the field.
 */
export function OriginField({ spec, text, value, error, detail, extra }: Props) {
  const fieldId = id(spec.name)
  const described = [text.hint ? `${fieldId}-hint` : null, error ? `${fieldId}-error` : null]
    .filter(Boolean)
    .join(" ")
  const common = {
    id: fieldId,
    name: spec.name,
    defaultValue: value,
    required: spec.required,
    "aria-invalid": error ? true : undefined,
    "aria-describedby": described || undefined,
    ...extra,
  }
  let control: React.ReactNode
  if (spec.kind === "select") {
    control = (
      <select {...common}>
        <option value="">{text.choose ?? ""}</option>
        {(spec.options ?? []).map((o) => (
          <option key={o} value={o}>
            {text.options?.[o] ?? o}
          </option>
        ))}
      </select>
    )
  } else if (spec.kind === "textarea") {
    control = <textarea {...common} rows={3} />
  } else if (spec.kind === "number" || spec.kind === "int") {
    control = (
      <input
        {...common}
        type="number"
        inputMode={spec.kind === "int" ? "numeric" : "decimal"}
        step={spec.kind === "int" ? 1 : "any"}
        min={spec.min ?? (spec.kind === "int" ? 1 : 0.001)}
        max={spec.max}
      />
    )
  } else if (spec.kind === "date") {
    control = <input {...common} type="date" />
  } else if (spec.kind === "url") {
    control = <input {...common} type="url" inputMode="url" />
  } else {
    control = <input {...common} type="text" />
  }
  return (
    <div className="origin-field" data-field={spec.name}>
      <label htmlFor={fieldId}>
        {text.label}
        {spec.required ? <span aria-hidden="true"> *</span> : null}
      </label>
      {control}
      {text.hint ? (
        <p className="field-hint" id={`${fieldId}-hint`}>
          {text.hint}
        </p>
      ) : null}
      {error ? (
        <p className="field-error" id={`${fieldId}-error`}>
          {error}
          {detail ? (
            <span className="field-detail" lang="en">
              {detail}
            </span>
          ) : null}
        </p>
      ) : null}
    </div>
  )
}

/**
 * A number that changes with every answer of a form's action. Keying the form with it redraws
 * the fields from the answer's values: React's automatic form reset would otherwise put selects
 * back on their first option, losing what the person chose.
 */
export function useAnswerKey(state: object): number {
  const seen = useRef({ state, key: 0 })
  if (seen.current.state !== state) seen.current = { state, key: seen.current.key + 1 }
  return seen.current.key
}
