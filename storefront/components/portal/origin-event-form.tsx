"use client"

import { type FormEvent, useActionState, useEffect, useRef, useState } from "react"
import { addEntry, newKey, shrinkPhoto } from "@/lib/portal/offline/diary-store"
import { addEventAction, type OriginFormState } from "@/lib/portal/origin-actions"
import {
  COMMON_EVENT_FIELDS,
  EVENT_FIELDS,
  type EventType,
  eventBody,
  eventFieldNames,
  type FieldSpec,
  vietnamNow,
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
  /** Without a connection the entry waits on the phone (components/portal/diary-queue.tsx). */
  offline: { batchLabel: string; saved: string; checkFields: string }
}

const DAY_MS = 24 * 3600_000

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
  const form = useRef<HTMLFormElement>(null)
  const [offlineNote, setOfflineNote] = useState<{ ok: boolean; text: string } | null>(null)

  /** The field time starts at now on the phone: a page kept for offline use was made earlier. */
  const setNow = () => {
    const input = form.current?.querySelector<HTMLInputElement>("#origin-occurred_at")
    if (!input) return
    const now = new Date()
    input.max = vietnamNow(new Date(now.getTime() + DAY_MS))
    input.value = vietnamNow(now)
  }
  // biome-ignore lint/correctness/useExhaustiveDependencies: once per form, not per render
  useEffect(() => {
    if (!state.values.occurred_at || state.values.occurred_at === props.now) setNow()
  }, [answerKey])

  /** No connection: checked here, photos shrunk, and kept on the phone with its own key. */
  async function keepOffline(event: FormEvent<HTMLFormElement>) {
    if (navigator.onLine) return
    event.preventDefault()
    const target = event.currentTarget
    const data = new FormData(target)
    const values: Record<string, string> = {}
    for (const name of eventFieldNames(type)) {
      const value = data.get(name)
      values[name] = typeof value === "string" ? value.trim() : ""
    }
    const { problems } = eventBody(type, values)
    const wrong = Object.keys(problems)
    if (wrong.length) {
      const names = wrong.map((name) => fields[name]?.label ?? name).join(", ")
      setOfflineNote({ ok: false, text: props.offline.checkFields.replace("{fields}", names) })
      return
    }
    const files = data
      .getAll("photos")
      .filter((f): f is File => typeof f === "object" && f !== null && f.size > 0)
      .slice(0, 10)
    const photos = await Promise.all(files.map(shrinkPhoto))
    await addEntry({
      key: newKey(),
      batchId,
      batchLabel: props.offline.batchLabel,
      type,
      values,
      recordedAt: new Date().toISOString(),
      photos,
      photoUrls: null,
      status: "waiting",
      problem: null,
    })
    target.reset()
    setNow()
    setOfflineNote({ ok: true, text: props.offline.saved })
  }

  return (
    <form
      key={answerKey}
      ref={form}
      action={action}
      onSubmit={keepOffline}
      className="checkout-form origin-form"
      data-testid="event-form"
    >
      {offlineNote ? (
        <p
          className={`notice ${offlineNote.ok ? "notice-ok" : "notice-error"}`}
          role={offlineNote.ok ? "status" : "alert"}
          data-testid="offline-note"
        >
          {offlineNote.text}
        </p>
      ) : null}
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
