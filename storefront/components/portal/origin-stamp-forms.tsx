"use client"

import { useActionState } from "react"
import {
  issueStampsAction,
  type OriginFormState,
  voidStampsAction,
} from "@/lib/portal/origin-actions"
import { MAX_STAMPS, SERIAL_PATTERN } from "@/lib/portal/origin-forms"
import { useAnswerKey } from "./origin-field"

const empty = (values: Record<string, string> = {}): OriginFormState => ({
  values,
  errors: {},
  details: {},
  formError: null,
})

function Problem({ id, state, name }: { id: string; state: OriginFormState; name: string }) {
  if (!state.errors[name]) return null
  return (
    <p className="field-error" id={id}>
      {state.errors[name]}
      {state.details[name] ? (
        <span className="field-detail" lang="en">
          {state.details[name]}
        </span>
      ) : null}
    </p>
  )
}

type IssueProps = {
  locale: string
  batchId: string
  /** Made when the page was drawn: a double submit or a retry of this form issues once. */
  idempotencyKey: string
  labels: { count: string; hint: string; submit: string; saving: string }
}

/** Issue N stamps for the batch. */
export function OriginIssueForm({ locale, batchId, idempotencyKey, labels }: IssueProps) {
  const [state, action, pending] = useActionState(
    issueStampsAction,
    empty({ count: "", idempotency_key: idempotencyKey }),
  )
  const answerKey = useAnswerKey(state)
  return (
    <form
      key={answerKey}
      action={action}
      className="checkout-form origin-form"
      data-testid="issue-form"
    >
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="batch_id" value={batchId} />
      <input type="hidden" name="idempotency_key" value={state.values.idempotency_key} />
      {state.formError ? (
        <p className="notice notice-error" role="alert">
          {state.formError}
        </p>
      ) : null}
      <label htmlFor="origin-count">{labels.count}</label>
      <input
        id="origin-count"
        name="count"
        type="number"
        inputMode="numeric"
        required
        min={1}
        max={MAX_STAMPS}
        step={1}
        defaultValue={state.values.count}
        aria-invalid={state.errors.count ? true : undefined}
        aria-describedby="origin-count-hint"
      />
      <p className="field-hint" id="origin-count-hint">
        {labels.hint}
      </p>
      <Problem id="origin-count-error" state={state} name="count" />
      <button type="submit" className="button" disabled={pending}>
        {pending ? labels.saving : labels.submit}
      </button>
    </form>
  )
}

type VoidProps = {
  locale: string
  batchId: string
  labels: {
    from: string
    to: string
    serialHint: string
    reason: string
    submit: string
    confirmTitle: string
    confirmText: string
    confirm: string
    cancel: string
    saving: string
  }
}

/** Void a lost or spoilt roll: the first and last serial printed on it, and why; asks twice. */
export function OriginVoidForm({ locale, batchId, labels }: VoidProps) {
  const [state, action, pending] = useActionState(voidStampsAction, empty())
  const answerKey = useAnswerKey(state)
  const v = state.values
  return (
    <form
      key={answerKey}
      action={action}
      className="checkout-form origin-form"
      data-testid="void-form"
    >
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="batch_id" value={batchId} />
      {state.formError ? (
        <p className="notice notice-error" role="alert">
          {state.formError}
        </p>
      ) : null}
      <label htmlFor="origin-from_serial">{labels.from}</label>
      <input
        id="origin-from_serial"
        name="from_serial"
        className="serial-input"
        required
        pattern={SERIAL_PATTERN}
        maxLength={20}
        autoCapitalize="characters"
        autoComplete="off"
        spellCheck={false}
        defaultValue={v.from_serial}
        aria-invalid={state.errors.from_serial ? true : undefined}
      />
      <Problem id="origin-from-error" state={state} name="from_serial" />
      <label htmlFor="origin-to_serial">{labels.to}</label>
      <input
        id="origin-to_serial"
        name="to_serial"
        className="serial-input"
        required
        pattern={SERIAL_PATTERN}
        maxLength={20}
        autoCapitalize="characters"
        autoComplete="off"
        spellCheck={false}
        defaultValue={v.to_serial}
        aria-invalid={state.errors.to_serial ? true : undefined}
      />
      <p className="field-hint">{labels.serialHint}</p>
      <Problem id="origin-to-error" state={state} name="to_serial" />
      <label htmlFor="origin-void-reason">{labels.reason}</label>
      <input
        id="origin-void-reason"
        name="reason"
        required
        maxLength={500}
        defaultValue={v.reason}
        aria-invalid={state.errors.reason ? true : undefined}
      />
      <Problem id="origin-reason-error" state={state} name="reason" />
      {state.confirm ? (
        <div className="notice origin-confirm" role="alert" data-testid="void-confirm">
          <p className="notice-title">{labels.confirmTitle}</p>
          <p>
            {labels.confirmText
              .replace("{from}", v.from_serial ?? "")
              .replace("{to}", v.to_serial ?? "")}
          </p>
          {/* What the person saw: if the fields change before confirming, the server asks again. */}
          <input type="hidden" name="confirmed_range" value={`${v.from_serial}-${v.to_serial}`} />
          <button
            type="submit"
            name="confirm"
            value="yes"
            className="button button-danger"
            disabled={pending}
          >
            {pending ? labels.saving : labels.confirm}
          </button>
          <p className="field-hint">{labels.cancel}</p>
        </div>
      ) : (
        <button type="submit" className="button button-secondary" disabled={pending}>
          {labels.submit}
        </button>
      )}
    </form>
  )
}
