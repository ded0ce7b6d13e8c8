"use client"

import { useActionState } from "react"
import { type CommuneFormState, saveEntry } from "@/lib/portal/commune-actions"

type Option = { value: string; label: string }

export type EntryFormLabels = {
  seller: string
  chooseSeller: string
  productName: string
  group: string
  chooseGroup: string
  stars: string
  starsOption: string
  certificateNumber: string
  decisionNumber: string
  optional: string
  issuingLevel: string
  chooseLevel: string
  issuedOn: string
  expiresOn: string
  expiresHint: string
  submit: string
  saving: string
}

type Props = {
  locale: string
  /** The entry being changed; none for a new one. */
  id?: string
  initial: Record<string, string>
  sellers: Option[]
  groups: Option[]
  levels: Option[]
  /** Today in Vietnam (YYYY-MM-DD): a certificate cannot be issued later. */
  today: string
  labels: EntryFormLabels
}

/** A registry entry: the certificate's facts. Its listing is linked on the entry's own page. */
export function EntryForm({ locale, id, initial, sellers, groups, levels, today, labels }: Props) {
  const [state, action, pending] = useActionState<CommuneFormState, FormData>(saveEntry, {
    values: initial,
    errors: {},
    formError: null,
  })
  const v = state.values
  const field = (name: string) => ({
    id: `entry-${name}`,
    name,
    defaultValue: v[name] ?? "",
    "aria-invalid": state.errors[name] ? true : undefined,
    "aria-describedby": state.errors[name] ? `entry-${name}-error` : undefined,
  })
  const error = (name: string) =>
    state.errors[name] ? (
      <p className="field-error" id={`entry-${name}-error`}>
        {state.errors[name]}
      </p>
    ) : null
  return (
    <form
      key={state.attempt ?? 0}
      action={action}
      className="checkout-form commune-entry-form"
      data-testid="entry-form"
    >
      <input type="hidden" name="locale" value={locale} />
      {id ? <input type="hidden" name="id" value={id} /> : null}
      {state.formError ? (
        <p className="notice notice-error" role="alert">
          {state.formError}
        </p>
      ) : null}
      <label htmlFor="entry-seller_id">{labels.seller}</label>
      <select {...field("seller_id")} required>
        <option value="">{labels.chooseSeller}</option>
        {sellers.map((s) => (
          <option key={s.value} value={s.value}>
            {s.label}
          </option>
        ))}
      </select>
      {error("seller_id")}
      <label htmlFor="entry-product_name">{labels.productName}</label>
      <input {...field("product_name")} required minLength={2} maxLength={200} />
      {error("product_name")}
      <label htmlFor="entry-group">{labels.group}</label>
      <select {...field("group")} required>
        <option value="">{labels.chooseGroup}</option>
        {groups.map((g) => (
          <option key={g.value} value={g.value}>
            {g.label}
          </option>
        ))}
      </select>
      {error("group")}
      <fieldset aria-describedby={state.errors.stars ? "entry-stars-error" : undefined}>
        <legend>{labels.stars}</legend>
        {["3", "4", "5"].map((stars) => (
          <label key={stars} className="choice">
            <input
              type="radio"
              name="stars"
              value={stars}
              defaultChecked={v.stars === stars}
              required
            />
            <span>{labels.starsOption.replace("{stars}", stars)}</span>
          </label>
        ))}
      </fieldset>
      {error("stars")}
      <label htmlFor="entry-certificate_number">{labels.certificateNumber}</label>
      <input {...field("certificate_number")} required maxLength={60} autoComplete="off" />
      {error("certificate_number")}
      <label htmlFor="entry-decision_number">
        {labels.decisionNumber} <span className="muted">{labels.optional}</span>
      </label>
      <input {...field("decision_number")} maxLength={60} autoComplete="off" />
      {error("decision_number")}
      <label htmlFor="entry-issuing_level">{labels.issuingLevel}</label>
      <select {...field("issuing_level")} required>
        <option value="">{labels.chooseLevel}</option>
        {levels.map((l) => (
          <option key={l.value} value={l.value}>
            {l.label}
          </option>
        ))}
      </select>
      {error("issuing_level")}
      <label htmlFor="entry-issued_on">{labels.issuedOn}</label>
      <input {...field("issued_on")} type="date" required max={today} />
      {error("issued_on")}
      <label htmlFor="entry-expires_on">
        {labels.expiresOn} <span className="muted">{labels.optional}</span>
      </label>
      <input
        {...field("expires_on")}
        type="date"
        aria-describedby={
          state.errors.expires_on
            ? "entry-expires-hint entry-expires_on-error"
            : "entry-expires-hint"
        }
      />
      <p className="field-hint" id="entry-expires-hint">
        {labels.expiresHint}
      </p>
      {error("expires_on")}
      <button type="submit" className="button button-wide" disabled={pending}>
        {pending ? labels.saving : labels.submit}
      </button>
    </form>
  )
}
