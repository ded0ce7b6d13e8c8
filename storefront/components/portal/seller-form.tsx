"use client"

import { type ReactNode, useActionState, useState } from "react"
import { communesOf } from "@/lib/medusa/checkout-actions"
import type { FormState, Option } from "@/lib/portal/seller-form"
import { villagesOf } from "@/lib/portal/seller-units"

export type FieldSpec = {
  name: string
  label: string
  type?:
    | "text"
    | "email"
    | "password"
    | "tel"
    | "number"
    | "textarea"
    | "select"
    | "radio"
    | "photos"
    /** One picture (a logo): the current one shown and kept, a file input to replace it. */
    | "image"
    /** The two-tier unit pickers: choosing a province loads its communes, a commune its villages. */
    | "province"
    | "commune"
    | "village"
  hint?: string
  required?: boolean
  pattern?: string
  min?: number
  max?: number
  minLength?: number
  autoComplete?: string
  inputMode?: "numeric" | "decimal" | "tel" | "email" | "text"
  /** Choices of a select or radio group; the photos already on the product. */
  options?: Option[]
  /** The empty first choice of a select. */
  placeholder?: string
  /** For "photos": the label of the camera input and of each kept photo's checkbox. */
  addLabel?: string
  keepLabel?: string
  /** A class on the field's wrapper (the per-kg fields show only when selling by weight). */
  className?: string
  /** Shown after the field (a computed price). */
  after?: ReactNode
}

type Props = {
  action: (state: FormState, form: FormData) => Promise<FormState>
  initial: FormState
  fields: FieldSpec[]
  hidden?: Record<string, string>
  submit: string
  pendingLabel: string
  id?: string
  testId?: string
  secondary?: boolean
  /** A step that cannot be undone (cancel an order): the button is red. */
  danger?: boolean
  /** Shown above the button: what the button will do (a confirmation). */
  children?: ReactNode
}

/**
 * Every seller-portal form: a plain post to a server action (it works without JavaScript), the
 * input attributes check as the person types, and a refused post comes back with what was
 * typed and the backend's message beside the field it names.
 */
export function SellerForm(props: Props) {
  const { action, initial, fields, hidden, submit, pendingLabel, id, testId, children } = props
  const [state, formAction, pending] = useActionState(action, initial)
  const [loaded, setLoaded] = useState<Record<string, Option[]>>({})
  // Remount the commune picker when the province changes and the village picker when the commune
  // does, so each starts empty with the new choices.
  const [picked, setPicked] = useState({ province: "", commune: "" })
  const v = state.values
  const e = state.errors
  const text = (name: string) => (typeof v[name] === "string" ? (v[name] as string) : "")
  const list = (name: string) => (Array.isArray(v[name]) ? (v[name] as string[]) : [])
  const choices = (f: FieldSpec) =>
    loaded[f.type ?? ""] ?? state.options?.[f.name] ?? f.options ?? []

  async function unitChanged(type: FieldSpec["type"], code: string) {
    if (type === "province") {
      setPicked({ province: code, commune: "" })
      const communes = code ? await communesOf(code) : []
      setLoaded({ commune: communes.map((c) => ({ value: c.code, label: c.name })), village: [] })
    } else if (type === "commune") {
      setPicked((now) => ({ ...now, commune: code }))
      const villages = code ? await villagesOf(code) : []
      setLoaded((now) => ({ ...now, village: villages }))
    }
  }

  function control(f: FieldSpec) {
    const fid = `${id ?? "form"}-${f.name}`
    const common = {
      id: fid,
      name: f.name,
      required: f.required,
      "aria-invalid": e[f.name] ? true : undefined,
      "aria-describedby": e[f.name] ? `${fid}-error` : f.hint ? `${fid}-hint` : undefined,
    }
    switch (f.type) {
      case "textarea":
        return <textarea {...common} rows={5} defaultValue={text(f.name)} />
      case "select":
      case "province":
      case "commune":
      case "village":
        return (
          <select
            {...common}
            // React never moves a select's default choice after mounting, and the form's reset
            // after each post goes back to it: remount with the value the server sent back.
            key={`${f.name}-${text(f.name)}-${
              f.type === "commune"
                ? picked.province
                : f.type === "village"
                  ? `${picked.province}-${picked.commune}`
                  : ""
            }`}
            defaultValue={text(f.name)}
            onChange={(event) => unitChanged(f.type, event.target.value)}
          >
            <option value="">{f.placeholder ?? ""}</option>
            {choices(f).map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        )
      case "radio":
        return null
      case "image":
        return (
          <input
            {...common}
            name={`${f.name}_file`}
            type="file"
            accept="image/jpeg,image/png,image/webp"
          />
        )
      case "photos":
        return (
          <input
            {...common}
            required={false}
            name="photos"
            type="file"
            accept="image/*"
            capture="environment"
            multiple
          />
        )
      default:
        return (
          <input
            {...common}
            type={f.type ?? "text"}
            defaultValue={text(f.name)}
            pattern={f.pattern}
            min={f.min}
            max={f.max}
            step={f.type === "number" ? 1 : undefined}
            minLength={f.minLength}
            autoComplete={f.autoComplete}
            inputMode={f.inputMode}
          />
        )
    }
  }

  return (
    <form action={formAction} className="checkout-form seller-form" id={id} data-testid={testId}>
      {Object.entries(hidden ?? {}).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {state.formError ? (
        <p className="notice notice-error" role="alert">
          {state.formError}
        </p>
      ) : null}
      {fields.map((f) => {
        const fid = `${id ?? "form"}-${f.name}`
        const error = e[f.name] ? (
          <p className="field-error" id={`${fid}-error`}>
            {e[f.name]}
          </p>
        ) : null
        const hint = f.hint ? (
          <p className="field-hint" id={`${fid}-hint`}>
            {f.hint}
          </p>
        ) : null
        if (f.type === "radio") {
          return (
            <fieldset
              key={f.name}
              className={f.className}
              aria-invalid={e[f.name] ? true : undefined}
            >
              <legend>{f.label}</legend>
              {choices(f).map((o) => (
                <label key={o.value} className="choice">
                  <input
                    type="radio"
                    name={f.name}
                    value={o.value}
                    required={f.required}
                    defaultChecked={text(f.name) === o.value}
                  />
                  <span>{o.label}</span>
                </label>
              ))}
              {hint}
              {error}
              {f.after}
            </fieldset>
          )
        }
        if (f.type === "photos") {
          const kept = list(f.name)
          return (
            <fieldset key={f.name} className="seller-photos">
              <legend>{f.label}</legend>
              {choices(f).length ? (
                <ul className="seller-photo-list">
                  {choices(f).map((o, i) => (
                    <li key={o.value}>
                      {/* biome-ignore lint/performance/noImgElement: a thumbnail of an uploaded photo; next/image adds nothing here */}
                      <img src={o.value} alt="" width={96} height={96} />
                      <label className="choice">
                        <input
                          type="checkbox"
                          name={f.name}
                          value={o.value}
                          defaultChecked={kept.includes(o.value)}
                        />
                        <span>{f.keepLabel ? `${f.keepLabel} ${i + 1}` : o.label}</span>
                      </label>
                    </li>
                  ))}
                </ul>
              ) : null}
              <label htmlFor={fid}>{f.addLabel ?? f.label}</label>
              {control(f)}
              {hint}
              {error}
            </fieldset>
          )
        }
        return (
          <div
            key={f.name}
            className={f.className ? `seller-field ${f.className}` : "seller-field"}
          >
            <label htmlFor={fid}>{f.label}</label>
            {f.type === "image" && text(f.name) ? (
              <>
                {/* biome-ignore lint/performance/noImgElement: the uploaded logo as it is stored */}
                <img className="seller-logo" src={text(f.name)} alt={f.keepLabel ?? ""} />
                <input type="hidden" name={f.name} value={text(f.name)} />
              </>
            ) : null}
            {control(f)}
            {hint}
            {error}
            {f.after}
          </div>
        )
      })}
      {children}
      <button
        type="submit"
        className={`button button-wide${props.secondary ? " button-secondary" : ""}${
          props.danger ? " button-danger" : ""
        }`}
        disabled={pending}
      >
        {pending ? pendingLabel : submit}
      </button>
    </form>
  )
}
