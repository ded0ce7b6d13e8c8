// The diary entries recorded without a connection, kept on the phone in IndexedDB until they are
// sent (browser only). They survive closing the browser and restarting the phone. Each entry has
// the idempotency key made when it was recorded, so sending it twice writes one event.

import { redrawAsJpeg } from "../redraw-photo"

export type QueuedPhoto = { name: string; blob: Blob }

export type QueuedEntry = {
  /** IndexedDB's own increasing number: the order the entries were recorded in. */
  id?: number
  /** Sent as the Idempotency-Key header; the same entry is the same event. */
  key: string
  batchId: string
  /** "Lô GP-2025-10 · Gạo Séng Cù", to tell entries of several batches apart. */
  batchLabel: string
  type: string
  /** The form's fields as typed, `occurred_at` the field time (Vietnam's datetime-local). */
  values: Record<string, string>
  /** When the entry was saved on the phone (ISO). */
  recordedAt: string
  /** Shrunk photos, until they are uploaded. */
  photos: QueuedPhoto[]
  /** The uploaded photos' URLs, once the upload went through (then `photos` is emptied). */
  photoUrls: string[] | null
  status: "waiting" | "failed"
  /** Why the service refused it, in the person's language, with what to do. */
  problem: string | null
}

const DB = "coop-seller-diary"
const STORE = "entries"
export const QUEUE_CHANGED = "coop-diary-queue-changed"

/** A request as a promise. */
function done<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result)
    request.onerror = () => reject(request.error)
  })
}

let opening: Promise<IDBDatabase> | null = null

function open(): Promise<IDBDatabase> {
  opening ??= new Promise((resolve, reject) => {
    const request = indexedDB.open(DB, 1)
    request.onupgradeneeded = () => {
      request.result.createObjectStore(STORE, { keyPath: "id", autoIncrement: true })
    }
    request.onsuccess = () => resolve(request.result)
    request.onerror = () => {
      opening = null
      reject(request.error)
    }
  })
  return opening
}

async function store(mode: IDBTransactionMode): Promise<IDBObjectStore> {
  return (await open()).transaction(STORE, mode).objectStore(STORE)
}

function changed() {
  window.dispatchEvent(new Event(QUEUE_CHANGED))
}

/** Every waiting or failed entry, oldest first. */
export async function listEntries(): Promise<QueuedEntry[]> {
  return done((await store("readonly")).getAll() as IDBRequest<QueuedEntry[]>)
}

export async function addEntry(entry: Omit<QueuedEntry, "id">): Promise<void> {
  await done((await store("readwrite")).add(entry))
  changed()
}

export async function putEntry(entry: QueuedEntry): Promise<void> {
  await done((await store("readwrite")).put(entry))
  changed()
}

export async function removeEntry(id: number): Promise<void> {
  await done((await store("readwrite")).delete(id))
  changed()
}

/** A new idempotency key (crypto.randomUUID needs https; getRandomValues does not). */
export function newKey(): string {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID()
  const bytes = crypto.getRandomValues(new Uint8Array(16))
  return [...bytes].map((b) => b.toString(16).padStart(2, "0")).join("")
}

const MAX_SIDE_PX = 1280

/** A photo redrawn at most 1280 px on its long side as JPEG 0.8, before it waits on the phone. */
export async function shrinkPhoto(file: File): Promise<QueuedPhoto> {
  const name = `${file.name.replace(/\.\w+$/, "") || "photo"}.jpg`
  const blob = await redrawAsJpeg(file, MAX_SIDE_PX, 0.8)
  if (blob) return { name, blob }
  // Not an image the browser can draw: kept as it is; the backend says if it refuses it.
  return { name: file.name || "photo", blob: file }
}
