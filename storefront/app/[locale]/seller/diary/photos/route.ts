import { answer, diaryRequest } from "@/lib/portal/offline/diary-route"
import { uploadPhotos } from "@/lib/portal/upload-photos"

// The offline diary's photos, uploaded through the backend as the seller (like the event form's
// server action does) before the entry is sent; the phone keeps the URLs, so a retry of the entry
// sends the same photos.

const MAX_PHOTOS = 10

export async function POST(request: Request, { params }: { params: Promise<{ locale: string }> }) {
  const checked = await diaryRequest(request, params)
  if ("refused" in checked) return checked.refused
  const { locale, t } = checked
  let form: FormData
  try {
    form = await request.formData()
  } catch {
    return answer({ result: "failed", message: t("photosUnreadable") }, 400)
  }
  const files = form
    .getAll("files")
    .filter((f): f is File => typeof f === "object" && f !== null && f.size > 0)
  if (files.length > MAX_PHOTOS)
    return answer({ result: "failed", message: t("tooManyPhotos") }, 400)
  const result = await uploadPhotos(locale, files)
  if ("urls" in result) return answer({ result: "uploaded", urls: result.urls })
  const { status, message } = result.error
  if (status === 0 || status >= 500) return answer({ result: "unavailable" }, 503)
  if (status === 401) return answer({ result: "signin" }, 401)
  // The backend's message is already in the person's language.
  return answer({ result: "failed", message: `${t("photosRefused")} ${message}`.trim() }, 400)
}
