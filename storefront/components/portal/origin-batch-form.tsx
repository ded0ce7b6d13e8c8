"use client"

import { useActionState } from "react"
import { createBatchAction, type OriginFormState } from "@/lib/portal/origin-actions"
import {
  BATCH_FIELDS,
  DATE_FIELDS,
  type FieldSpec,
  LOT_CODE_PATTERN,
} from "@/lib/portal/origin-forms"
import { type FieldText, OriginField, useAnswerKey } from "./origin-field"

type Props = {
  locale: string
  products: { id: string; title: string }[]
  fields: Record<string, FieldText>
  legends: { lot: string; area: string; dates: string; vietgap: string; organic: string }
  submit: string
  saving: string
  unitSuggestions: string[]
}

const spec = (name: string): FieldSpec => BATCH_FIELDS.find((f) => f.name === name)!

const initial: OriginFormState = {
  values: { unit: "kg" },
  errors: {},
  details: {},
  formError: null,
}

/** A new batch: which product, the lot code, how much, where it grew, its days, certificates. */
export function OriginBatchForm({
  locale,
  products,
  fields,
  legends,
  submit,
  saving,
  ...rest
}: Props) {
  const [state, action, pending] = useActionState(createBatchAction, initial)
  const answerKey = useAnswerKey(state)
  const field = (name: string, extra?: Record<string, string>) => (
    <OriginField
      key={name}
      spec={spec(name)}
      text={fields[name] ?? { label: name }}
      value={state.values[name] ?? ""}
      error={state.errors[name]}
      detail={state.details[name]}
      extra={extra}
    />
  )
  const productText = fields.product_id ?? { label: "product_id" }
  const productSpec = {
    ...spec("product_id"),
    kind: "select" as const,
    options: products.map((p) => p.id),
  }
  return (
    <form
      key={answerKey}
      action={action}
      className="checkout-form origin-form"
      data-testid="batch-form"
    >
      <input type="hidden" name="locale" value={locale} />
      {state.formError ? (
        <p className="notice notice-error" role="alert">
          {state.formError}
        </p>
      ) : null}
      <fieldset>
        <legend>{legends.lot}</legend>
        <OriginField
          spec={productSpec}
          text={{
            ...productText,
            options: Object.fromEntries(products.map((p) => [p.id, p.title])),
          }}
          value={state.values.product_id ?? ""}
          error={state.errors.product_id}
          detail={state.details.product_id}
        />
        {field("lot_code", { pattern: LOT_CODE_PATTERN, autoCapitalize: "characters" })}
        <div className="origin-pair">
          {field("quantity")}
          {field("unit", { list: "origin-units" })}
        </div>
        <datalist id="origin-units">
          {rest.unitSuggestions.map((u) => (
            <option key={u} value={u} />
          ))}
        </datalist>
      </fieldset>
      <fieldset>
        <legend>{legends.area}</legend>
        {field("area.village")}
        {field("area.plot")}
      </fieldset>
      <fieldset>
        <legend>{legends.dates}</legend>
        {DATE_FIELDS.map((name) => field(name))}
      </fieldset>
      <fieldset>
        <legend>{legends.vietgap}</legend>
        {field("certifications.vietgap.number")}
        {field("certifications.vietgap.valid_from")}
        {field("certifications.vietgap.valid_until")}
      </fieldset>
      <fieldset>
        <legend>{legends.organic}</legend>
        {field("certifications.organic.certifier")}
        {field("certifications.organic.number")}
      </fieldset>
      <button type="submit" className="button" disabled={pending}>
        {pending ? saving : submit}
      </button>
    </form>
  )
}
