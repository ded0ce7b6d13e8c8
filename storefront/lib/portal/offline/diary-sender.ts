import { listEntries, putEntry, type QueuedEntry, removeEntry } from "./diary-store"

// Sends the waiting diary entries, oldest first, through the portal's own routes
// (app/[locale]/seller/diary/...), which call the services with the signed-in seller's token.
// One sender at a time across the phone's tabs (Web Locks when the browser has them).

/** What the portal's diary route answers. */
export type SendAnswer =
  | { result: "sent"; seq: number }
  /** Refused for good: the words to show, with what to do. */
  | { result: "failed"; message: string }
  /** Signed out meanwhile: entries wait until the person signs in again. */
  | { result: "signin" }
  /** The service is not answering: try later. */
  | { result: "unavailable" }

export type SendOutcome = "done" | "offline" | "signin" | "unavailable"

let running: Promise<SendOutcome> | null = null

async function post(url: string, init: RequestInit): Promise<SendAnswer | null> {
  let response: Response
  try {
    response = await fetch(url, { ...init, credentials: "same-origin", cache: "no-store" })
  } catch {
    return null
  }
  try {
    return (await response.json()) as SendAnswer
  } catch {
    return { result: "unavailable" }
  }
}

/** Uploads an entry's photos once; their URLs replace the photos on the phone. */
async function uploadPhotos(locale: string, entry: QueuedEntry): Promise<SendAnswer | null> {
  if (entry.photoUrls || entry.photos.length === 0) return { result: "sent", seq: 0 }
  const form = new FormData()
  for (const photo of entry.photos) form.append("files", photo.blob, photo.name)
  let response: Response
  try {
    response = await fetch(`/${locale}/seller/diary/photos`, {
      method: "POST",
      body: form,
      credentials: "same-origin",
    })
  } catch {
    return null
  }
  const answer = (await response.json().catch(() => ({ result: "unavailable" }))) as
    | SendAnswer
    | { result: "uploaded"; urls: string[] }
  if (answer.result !== "uploaded") return answer
  await putEntry({ ...entry, photos: [], photoUrls: answer.urls })
  return { result: "sent", seq: 0 }
}

async function sendOne(locale: string, entry: QueuedEntry): Promise<SendAnswer | null> {
  const uploaded = await uploadPhotos(locale, entry)
  if (uploaded?.result !== "sent") return uploaded
  const fresh = (await listEntries()).find((e) => e.id === entry.id) ?? entry
  return post(`/${locale}/seller/diary/events`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      key: fresh.key,
      batch_id: fresh.batchId,
      type: fresh.type,
      values: fresh.values,
      photos: fresh.photoUrls ?? [],
    }),
  })
}

async function sendAll(locale: string): Promise<SendOutcome> {
  for (const entry of await listEntries()) {
    if (entry.status !== "waiting" || entry.id === undefined) continue
    if (!navigator.onLine) return "offline"
    const answer = await sendOne(locale, entry)
    if (answer === null) return "offline"
    if (answer.result === "signin" || answer.result === "unavailable") return answer.result
    if (answer.result === "sent") await removeEntry(entry.id)
    else {
      // Kept, marked, with the words; the ones after it still go.
      const current = (await listEntries()).find((e) => e.id === entry.id) ?? entry
      await putEntry({ ...current, status: "failed", problem: answer.message })
    }
  }
  return "done"
}

/** Sends what waits, unless a send is already under way (then its outcome). */
export function sendWaiting(locale: string): Promise<SendOutcome> {
  running ??= (async () => {
    try {
      const locks = (navigator as Navigator & { locks?: LockManager }).locks
      if (locks) return await locks.request("coop-diary-send", () => sendAll(locale))
      return await sendAll(locale)
    } finally {
      running = null
    }
  })()
  return running
}
