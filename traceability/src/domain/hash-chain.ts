import { createHash } from "node:crypto"

/**
 * The event log of a batch is a hash chain: each event's hash covers its own content and the
 * previous event's hash, so editing, removing or reordering any stored event changes every hash
 * after it. hash = sha256_hex(canonicalJson({...content, prev_hash})); the first event's
 * prev_hash is GENESIS_HASH.
 */

export const GENESIS_HASH = "0".repeat(64)

type Json = null | boolean | number | string | Json[] | { [key: string]: Json | undefined }

/**
 * JSON with object keys sorted at every depth and no whitespace, so the same content always
 * gives the same bytes. Undefined object members are dropped (as JSON.stringify does); numbers
 * must be finite.
 */
export function canonicalJson(value: Json | undefined): string {
  if (value === null || typeof value === "boolean" || typeof value === "string") {
    return JSON.stringify(value)
  }
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new Error(`Cannot hash the number ${value}`)
    return JSON.stringify(value)
  }
  if (Array.isArray(value)) return `[${value.map((item) => canonicalJson(item)).join(",")}]`
  if (typeof value === "object") {
    const members = Object.keys(value)
      .filter((key) => value[key] !== undefined)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonicalJson(value[key])}`)
    return `{${members.join(",")}}`
  }
  throw new Error(`Cannot hash a value of type ${typeof value}`)
}

/** Everything about an event that the chain protects; times as UTC ISO strings with ms. */
export interface HashedEvent {
  id: string
  batch_id: string
  seq: number
  type: string
  occurred_at: string
  occurred_offset: string
  place_name: string | null
  place_lat: number | null
  place_lng: number | null
  actor_name: string | null
  photos: string[]
  note: string | null
  details: { [key: string]: Json | undefined }
  recorded_at: string
  recorded_by_type: string
  recorded_by_id: string
  on_behalf_of: string | null
}

export function eventHash(event: HashedEvent, prevHash: string): string {
  const canonical = canonicalJson({ ...event, prev_hash: prevHash })
  return createHash("sha256").update(canonical).digest("hex")
}

export interface ChainedEvent {
  event: HashedEvent
  prevHash: string
  hash: string
}

export interface ChainBreak {
  seq: number
  event_id: string | null
  reason: string
}

export interface ChainVerdict {
  valid: boolean
  events: number
  broken_at: ChainBreak | null
}

/**
 * Recomputes the chain of one batch's events (in seq order) and checks it ends where the batch
 * says it does (`head`), so a removed last event shows too. Reports the first break.
 */
export function verifyChain(
  events: ChainedEvent[],
  head: { count: number; hash: string | null },
): ChainVerdict {
  const broken = (seq: number, eventId: string | null, reason: string): ChainVerdict => ({
    valid: false,
    events: events.length,
    broken_at: { seq, event_id: eventId, reason },
  })
  let prev = GENESIS_HASH
  for (const [index, { event, prevHash, hash }] of events.entries()) {
    const expectedSeq = index + 1
    if (event.seq !== expectedSeq) {
      return broken(expectedSeq, event.seq > expectedSeq ? null : event.id, "missing_event")
    }
    if (prevHash !== prev) return broken(event.seq, event.id, "prev_hash_mismatch")
    if (eventHash(event, prevHash) !== hash) return broken(event.seq, event.id, "content_altered")
    prev = hash
  }
  if (head.count > events.length) return broken(events.length + 1, null, "missing_event")
  if (head.count < events.length) {
    // Events past the head were written around the service (which moves the head with each one).
    return broken(head.count + 1, events[head.count]!.event.id, "unexpected_event")
  }
  if ((head.hash ?? null) !== (events.length ? prev : null)) {
    return broken(events.length, events.at(-1)?.event.id ?? null, "head_mismatch")
  }
  return { valid: true, events: events.length, broken_at: null }
}
