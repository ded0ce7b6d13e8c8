"use client"

import { useActionState } from "react"
import { type OriginFormState, recallBatchAction } from "@/lib/portal/origin-actions"
import { useAnswerKey } from "./origin-field"

type Props = {
  locale: string
  batchId: string
  labels: { reason: string; understood: string; submit: string; saving: string }
}

const initial: OriginFormState = { values: {}, errors: {}, details: {}, formError: null }

/** Recalling is final: it needs a reason and a ticked "I understand". */
export function OriginRecallForm({ locale, batchId, labels }: Props) {
  const [state, action, pending] = useActionState(recallBatchAction, initial)
  const answerKey = useAnswerKey(state)
  return (
    <form
      key={answerKey}
      action={action}
      className="checkout-form origin-form"
      data-testid="recall-form"
    >
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="batch_id" value={batchId} />
      {state.formError ? (
        <p className="notice notice-error" role="alert">
          {state.formError}
        </p>
      ) : null}
      <label htmlFor="origin-recall-reason">{labels.reason}</label>
      <textarea
        id="origin-recall-reason"
        name="reason"
        required
        maxLength={500}
        rows={2}
        defaultValue={state.values.reason}
        aria-invalid={state.errors.reason ? true : undefined}
      />
      {state.errors.reason ? <p className="field-error">{state.errors.reason}</p> : null}
      <label className="choice">
        <input type="checkbox" name="understood" value="yes" required />
        <span>{labels.understood}</span>
      </label>
      {state.errors.understood ? <p className="field-error">{state.errors.understood}</p> : null}
      <button type="submit" className="button button-danger" disabled={pending}>
        {pending ? labels.saving : labels.submit}
      </button>
    </form>
  )
}
