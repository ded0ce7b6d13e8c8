import type { Locale } from "@/i18n/routing"
import { type ApiError, backend } from "./api"

/**
 * Sends photos to the backend's uploads as the signed-in seller (the event form's server action
 * and the offline diary's photo route); their public URLs, or the backend's refusal.
 */
export async function uploadPhotos(
  locale: Locale,
  files: File[],
): Promise<{ urls: string[] } | { error: ApiError }> {
  if (!files.length) return { urls: [] }
  const upload = new FormData()
  for (const file of files) upload.append("files", file, file.name || "photo.jpg")
  const result = await backend<{ files: { url: string }[] }>("/seller/uploads", {
    method: "POST",
    form: upload,
    locale,
  })
  return result.ok ? { urls: result.data.files.map((f) => f.url) } : { error: result.error }
}
