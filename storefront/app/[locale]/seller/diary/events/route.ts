import { getTranslations } from "next-intl/server"
import { traceability } from "@/lib/portal/api"
import { answer, diaryRequest } from "@/lib/portal/offline/diary-route"
import { getBatch, isBatchId } from "@/lib/portal/origin-api"
import { eventBody, eventFieldNames, isEventType } from "@/lib/portal/origin-forms"

// One diary entry recorded offline, sent when the connection returned: checked by the event
// form's rules, then posted to the traceability service as the signed-in seller, with the key
// the phone made when it was recorded (Idempotency-Key), so a retry never writes it twice. The
// service keeps its own rules: only the seller's own batches, only approved sellers.

type Entry = {
  key?: unknown
  batch_id?: unknown
  type?: unknown
  values?: unknown
  photos?: unknown
}

export async function POST(request: Request, { params }: { params: Promise<{ locale: string }> }) {
  const checked = await diaryRequest(request, params)
  if ("refused" in checked) return checked.refused
  const { locale, t } = checked
  const entry = (await request.json().catch(() => null)) as Entry | null
  const key = entry?.key
  const batchId = entry?.batch_id
  const type = entry?.type
  const raw = entry?.values
  const photos = Array.isArray(entry?.photos) ? entry.photos : []
  if (
    typeof key !== "string" ||
    !/^[\w-]{8,64}$/.test(key) ||
    typeof batchId !== "string" ||
    !isBatchId(batchId) ||
    !isEventType(type) ||
    typeof raw !== "object" ||
    raw === null ||
    photos.length > 10 ||
    !photos.every((p) => typeof p === "string" && /^https?:\/\//.test(p))
  ) {
    return answer({ result: "failed", message: t("malformed") }, 400)
  }
  const values: Record<string, string> = {}
  for (const name of eventFieldNames(type)) {
    const value = (raw as Record<string, unknown>)[name]
    values[name] = typeof value === "string" ? value.trim() : ""
  }
  const { body, problems } = eventBody(type, values)
  const fields = Object.keys(problems)
  if (fields.length) {
    const tOrigin = await getTranslations({ locale, namespace: "Portal.origin" })
    const label = (f: string) =>
      tOrigin.has(`eventFields.${f}.label` as never)
        ? tOrigin(`eventFields.${f}.label` as never)
        : f
    const named = fields.map(label).join(", ")
    return answer({ result: "failed", message: t("invalid", { fields: named }) }, 400)
  }
  if (photos.length) body.photos = photos
  const result = await traceability<{ seq: number }>(`/batches/${batchId}/events`, {
    method: "POST",
    body,
    locale,
    headers: { "idempotency-key": key },
  })
  if (result.ok) return answer({ result: "sent", seq: result.data.seq })
  const { status, message } = result.error
  if (status === 0 || status >= 500) return answer({ result: "unavailable" }, 503)
  if (status === 401) return answer({ result: "signin" }, 401)
  if (status === 409) {
    // Sealed or recalled while the entry waited on the phone: say which, and what to do.
    const batch = await getBatch(locale, batchId)
    const state = batch.ok ? batch.data.state : null
    const words =
      state === "recalled"
        ? t("conflictRecalled")
        : state === "sealed"
          ? t("conflictSealed")
          : t("conflict")
    return answer({ result: "failed", message: words }, 409)
  }
  if (status === 404) return answer({ result: "failed", message: t("batchMissing") }, 404)
  return answer(
    { result: "failed", message: message ? `${t("refused")} (${message})` : t("refused") },
    status,
  )
}
