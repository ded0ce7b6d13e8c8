"use client"

import { useActionState } from "react"
import { addEventAction, type OriginFormState } from "@/lib/portal/origin-actions"
import {
  COMMON_EVENT_FIELDS,
  EVENT_FIELDS,
  type EventType,
  type FieldSpec,
} from "@/lib/portal/origin-forms"
import { type FieldText, OriginField, useAnswerKey } from "./origin-field"
import { OriginPhotoInput } from "./origin-photo-input"

type Props = {
  locale: string
  batchId: string
  type: EventType
  /** The datetime-local value the form starts with (now, in Vietnam). */
  now: string
  maxTime: string
  fields: Record<string, FieldText>
  photos: { camera: string; gallery: string; hint: string; kept: string; legend: string }
  submit: string
  saving: string
}

/**
 * One diary entry: when, where, who, the fields of its type, a note and photos taken with the
 * phone's camera (uploaded through the backend, then sent to the service as URLs). Photos that
 * went up before a failed save are kept, so a retry does not ask for them again.
 */
export function OriginEventForm(props: Props) {
  const { locale, batchId, type, fields, photos, submit, saving } = props
  const initial: OriginFormState = {
    values: { occurred_at: props.now },
    errors: {},
    details: {},
    formError: null,
  }
  const [state, action, pending] = useActionState(addEventAction, initial)
  const answerKey = useAnswerKey(state)
  const note: FieldSpec = { name: "note", kind: "textarea", required: type === "note", max: 2000 }
  const render = (spec: FieldSpec) => (
    <OriginField
      key={spec.name}
      spec={spec}
      text={fields[spec.name] ?? { label: spec.name }}
      value={state.values[spec.name] ?? ""}
      error={state.errors[spec.name]}
      detail={state.details[spec.name]}
    />
  )
  const [when, ...common] = COMMON_EVENT_FIELDS
  return (
    <form
      key={answerKey}
      action={action}
      className="checkout-form origin-form"
      data-testid="event-form"
    >
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="batch_id" value={batchId} />
      <input type="hidden" name="type" value={type} />
      {state.formError ? (
        <p className="notice notice-error" role="alert">
          {state.formError}
        </p>
      ) : null}
      {state.errors.type ? (
        <p className="notice notice-error" role="alert">
          {state.errors.type}
        </p>
      ) : null}
      <div className="origin-field" data-field="occurred_at">
        <label htmlFor="origin-occurred_at">
          {fields.occurred_at?.label}
          <span aria-hidden="true"> *</span>
        </label>
        <input
          id="origin-occurred_at"
          name={when!.name}
          type="datetime-local"
          required
          max={props.maxTime}
          defaultValue={state.values.occurred_at ?? props.now}
          aria-invalid={state.errors.occurred_at ? true : undefined}
        />
        {state.errors.occurred_at ? (
          <p className="field-error">{state.errors.occurred_at}</p>
        ) : null}
      </div>
      {EVENT_FIELDS[type].map(render)}
      {common.map(render)}
      {render(note)}
      <fieldset className="origin-photos">
        <legend>{photos.legend}</legend>
        {state.photos?.length ? (
          <div>
            <p className="field-hint">{photos.kept}</p>
            <ul className="origin-thumbs">
              {state.photos.map((url) => (
                <li key={url}>
                  <input type="hidden" name="uploaded_photos" value={url} />
                  {/* biome-ignore lint/performance/noImgElement: backend files, see README */}
                  <img src={url} alt="" width={72} height={72} />
                </li>
              ))}
            </ul>
          </div>
        ) : null}
        <label htmlFor="origin-photos-camera">{photos.camera}</label>
        <OriginPhotoInput id="origin-photos-camera" capture />
        <label htmlFor="origin-photos-gallery">{photos.gallery}</label>
        <OriginPhotoInput id="origin-photos-gallery" multiple />
        <p className="field-hint">{photos.hint}</p>
        {state.errors.photos ? (
          <p className="field-error" role="alert">
            {state.errors.photos}
          </p>
        ) : null}
      </fieldset>
      {state.harvestOver ? (
        <div className="notice origin-warning" role="alert" data-testid="harvest-over">
          <p>
            <strong>{state.harvestOver.title}</strong>
          </p>
          <p>{state.harvestOver.body}</p>
          <label className="choice">
            <input type="checkbox" name="harvest_over_ok" value="yes" required />
            <span>{state.harvestOver.confirm}</span>
          </label>
        </div>
      ) : null}
      <button type="submit" className="button" disabled={pending}>
        {pending ? saving : submit}
      </button>
    </form>
  )
}
