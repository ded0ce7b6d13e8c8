"use server"

import { MAX_PHOTOS } from "@coop/contracts/event-kinds"
import { redirect } from "next/navigation"
import { getTranslations } from "next-intl/server"
import { formLocale } from "@/i18n/form-locale"
import { localePath } from "@/i18n/paths"
import type { Locale } from "@/i18n/routing"
import { formatQuantity } from "@/lib/format"
import { reshapeEvents } from "@/lib/traceability/reshape-events"
import { type ApiError, traceability } from "./api"
import { harvestOverBatch } from "./harvest-check"
import { getBatch, getEvents, isBatchId, type OriginBatch, type StampJob } from "./origin-api"
import {
  BATCH_FIELDS,
  batchBody,
  eventBody,
  eventFieldNames,
  type FormValues,
  isEventType,
  issueCount,
  type Problems,
  readValues,
  voidBody,
} from "./origin-forms"
import { type KnownRefusal, refusalProblems } from "./origin-refusal"
import { uploadPhotos } from "./upload-photos"

// The origin pages' server actions. Each returns what was typed with the problems in the
// person's language, so nothing is lost when a request fails and a retry keeps the form; a
// success ends in a redirect with a short status in the query.

export type OriginFormState = {
  values: FormValues
  /** Translated problems per field. */
  errors: Record<string, string>
  /** The service's own words about a field, shown small under the translated problem. */
  details: Record<string, string>
  formError: string | null
  /** Photos already uploaded by an earlier try, so a retry need not send them again. */
  photos?: string[]
  /** The void form asks once more before it acts. */
  confirm?: boolean
  /** A harvest over the batch's quantity: the warning, asked once before it is written. */
  harvestOver?: { title: string; body: string; confirm: string }
}

type T = Awaited<ReturnType<typeof getTranslations<"Portal.origin">>>

function batchIdOf(form: FormData): string {
  const id = String(form.get("batch_id") ?? "")
  if (!isBatchId(id)) throw new Error("A batch form without a batch id")
  return id
}

const originPath = (locale: Locale, path = "") => localePath(locale, `/seller/origin${path}`)

function translate(t: T, problems: Problems): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [field, p] of Object.entries(problems)) {
    const params = { ...p.params }
    // "must not be before {field}": name the other field as the person sees it.
    if (typeof params.field === "string") params.field = t(`fields.${params.field}.label` as never)
    out[field] = t(`errors.${p.key}` as never, params as never)
  }
  return out
}

/** The service's refusal, as a state (origin-refusal.ts). */
function refused(
  t: T,
  error: ApiError,
  values: FormValues,
  known: Record<number, KnownRefusal> = {},
): OriginFormState {
  const say = (key: string) => t(`errors.${key}` as never)
  return { values, details: {}, ...refusalProblems(error, values, known, say) }
}

export async function createBatchAction(
  _previous: OriginFormState,
  form: FormData,
): Promise<OriginFormState> {
  const locale = formLocale(form)
  const t = await getTranslations({ locale, namespace: "Portal.origin" })
  const values = readValues(
    form,
    BATCH_FIELDS.map((f) => f.name),
  )
  const { body, problems } = batchBody(values)
  if (Object.keys(problems).length) {
    return { values, errors: translate(t, problems), details: {}, formError: null }
  }
  const result = await traceability<OriginBatch>("/batches", { method: "POST", body, locale })
  if (!result.ok) {
    return refused(t, result.error, values, {
      409: { field: "lot_code", key: "lotTaken" },
      404: { field: "product_id", key: "productMissing" },
    })
  }
  redirect(`${originPath(locale, `/${result.data.id}`)}?status=created`)
}

export async function addEventAction(
  _previous: OriginFormState,
  form: FormData,
): Promise<OriginFormState> {
  const locale = formLocale(form)
  const t = await getTranslations({ locale, namespace: "Portal.origin" })
  const batchId = batchIdOf(form)
  const type = form.get("type")
  if (!isEventType(type)) redirect(originPath(locale, `/${batchId}/events/new`))
  const values = readValues(form, eventFieldNames(type))
  const kept = form
    .getAll("uploaded_photos")
    .map(String)
    .filter((url) => /^https?:\/\//.test(url))
  const files = form
    .getAll("photos")
    .filter((f): f is File => typeof f === "object" && f !== null && f.size > 0)
  const { body, problems } = eventBody(type, values)
  if (kept.length + files.length > MAX_PHOTOS) problems.photos = { key: "tooManyPhotos" }
  if (files.some((f) => !f.type.startsWith("image/"))) problems.photos = { key: "photoType" }
  const errors = translate(t, problems)
  // Photos go up first, even when a field needs fixing: taking them again is the hard part.
  let photos = kept
  if (!problems.photos) {
    const uploaded = await uploadPhotos(locale, files)
    if ("error" in uploaded) {
      const unreachable = uploaded.error.status === 0 || uploaded.error.status >= 500
      // The backend's message is already in the person's language.
      errors.photos = unreachable
        ? t("errors.uploadFailed")
        : uploaded.error.message || t("errors.photoType")
    } else photos = [...kept, ...uploaded.urls]
  }
  if (Object.keys(errors).length) {
    return { values, errors, details: {}, formError: null, photos }
  }
  if (type === "harvest" && form.get("harvest_over_ok") !== "yes") {
    const harvestOver = await harvestWarning(t, locale, batchId, body.quantity)
    if (harvestOver) return { values, errors, details: {}, formError: null, photos, harvestOver }
  }
  if (photos.length) body.photos = photos
  const result = await traceability(`/batches/${batchId}/events`, { method: "POST", body, locale })
  if (!result.ok) {
    const refusal = refused(t, result.error, values, {
      409: { field: "type", key: "sealedType" },
    })
    // The photos went up already: keep them for the retry.
    return { ...refusal, photos }
  }
  redirect(`${originPath(locale, `/${batchId}`)}?status=event_added#timeline`)
}

/**
 * The warning for a harvest that takes the batch's harvests over its declared quantity, or null.
 * The service would take it (a season can yield more than planned): this only asks the person to
 * look again, since a diary entry cannot be changed once written. Unreadable batch: no warning.
 */
async function harvestWarning(t: T, locale: Locale, batchId: string, quantity: unknown) {
  const q = quantity as { amount?: unknown; unit?: unknown } | undefined
  if (typeof q?.amount !== "number" || typeof q.unit !== "string") return null
  const [batch, events] = await Promise.all([getBatch(locale, batchId), getEvents(locale, batchId)])
  if (!batch.ok || !events.ok) return null
  const earlier = reshapeEvents(events.data.events).flatMap((e) =>
    e.facts.type === "harvest" && e.facts.quantity ? [e.facts.quantity] : [],
  )
  const { quantity: declared, unit } = batch.data
  const total = harvestOverBatch({ amount: declared, unit }, [
    ...earlier,
    { amount: q.amount, unit: q.unit },
  ])
  if (total === null) return null
  return {
    title: t("harvestOver.title"),
    body: t("harvestOver.body", {
      batch: `${formatQuantity(declared, locale)} ${unit}`,
      total: `${formatQuantity(total, locale)} ${unit}`,
    }),
    confirm: t("harvestOver.confirm"),
  }
}

export async function sealBatchAction(form: FormData) {
  const locale = formLocale(form)
  const batchId = batchIdOf(form)
  const result = await traceability(`/batches/${batchId}/seal`, { method: "POST", locale })
  const status = result.ok ? "sealed" : "seal_failed"
  redirect(`${originPath(locale, `/${batchId}`)}?status=${status}`)
}

export async function recallBatchAction(
  _previous: OriginFormState,
  form: FormData,
): Promise<OriginFormState> {
  const locale = formLocale(form)
  const t = await getTranslations({ locale, namespace: "Portal.origin" })
  const batchId = batchIdOf(form)
  const values = readValues(form, ["reason"])
  const errors: Record<string, string> = {}
  if (!values.reason) errors.reason = t("errors.required")
  else if (values.reason.length > 500)
    errors.reason = t("errors.tooLongTyped", { max: 500, length: values.reason.length })
  if (form.get("understood") !== "yes") errors.understood = t("errors.confirmRecall")
  if (Object.keys(errors).length) return { values, errors, details: {}, formError: null }
  const result = await traceability(`/batches/${batchId}/recall`, {
    method: "POST",
    body: { reason: values.reason },
    locale,
  })
  if (!result.ok) return refused(t, result.error, values)
  redirect(`${originPath(locale, `/${batchId}`)}?status=recalled`)
}

export async function issueStampsAction(
  _previous: OriginFormState,
  form: FormData,
): Promise<OriginFormState> {
  const locale = formLocale(form)
  const t = await getTranslations({ locale, namespace: "Portal.origin" })
  const batchId = batchIdOf(form)
  const values = readValues(form, ["count", "idempotency_key"])
  const { count, problem } = issueCount(values.count ?? "")
  if (problem)
    return { values, errors: translate(t, { count: problem }), details: {}, formError: null }
  // The key was made when the form was drawn: a double submit or a retry of this form issues once.
  const result = await traceability<{ job: StampJob }>(`/batches/${batchId}/stamps`, {
    method: "POST",
    body: { count },
    locale,
    headers: { "idempotency-key": values.idempotency_key || crypto.randomUUID() },
  })
  if (!result.ok) {
    const recalled = result.error.code === "batch_recalled"
    const refusal = refused(t, result.error, values, {
      409: { field: "count", key: recalled ? "recalledStamps" : "keyReused" },
    })
    // The key went with another count: a fresh one lets the person send this count on purpose.
    if (result.error.status === 409 && !recalled)
      refusal.values.idempotency_key = crypto.randomUUID()
    return refusal
  }
  const query = new URLSearchParams({ job: result.data.job.id })
  if (result.status === 201) query.set("status", "issued")
  redirect(`${originPath(locale, `/${batchId}/stamps`)}?${query}`)
}

export async function voidStampsAction(
  _previous: OriginFormState,
  form: FormData,
): Promise<OriginFormState> {
  const locale = formLocale(form)
  const t = await getTranslations({ locale, namespace: "Portal.origin" })
  const batchId = batchIdOf(form)
  const values = readValues(form, ["from_serial", "to_serial", "reason"])
  const { body, problems } = voidBody(values)
  values.from_serial = body.from_serial
  values.to_serial = body.to_serial
  if (Object.keys(problems).length) {
    return { values, errors: translate(t, problems), details: {}, formError: null }
  }
  // First time: show what will be voided and ask again; the person confirms with a second post.
  // Confirmed only for the range shown in the question; a changed field asks again.
  const shown = `${body.from_serial}-${body.to_serial}`
  if (form.get("confirm") !== "yes" || form.get("confirmed_range") !== shown) {
    return { values, errors: {}, details: {}, formError: null, confirm: true }
  }
  const result = await traceability<{ voided: number; already_voided: number }>(
    `/batches/${batchId}/stamps/void`,
    { method: "POST", body, locale },
  )
  if (!result.ok) return refused(t, result.error, values)
  const query = new URLSearchParams({
    status: "voided",
    voided: String(result.data.voided),
    already: String(result.data.already_voided),
  })
  redirect(`${originPath(locale, `/${batchId}/stamps`)}?${query}#stamp-list`)
}
