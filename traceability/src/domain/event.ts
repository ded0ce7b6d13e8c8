import type { EventType } from "@coop/contracts/events"

/** An event of a batch's history (nhật ký): what the recorder wrote, chained by hashes. */

export interface EventPlace {
  name: string | null
  lat: number | null
  lng: number | null
}

/** An event as validated by the service, before it is chained and stored. */
export interface NewEvent {
  type: EventType
  occurredAt: Date
  /** "+07:00": the offset the time was given with. */
  occurredOffset: string
  place: EventPlace | null
  /** Who did it, in the recorder's words ("Chị Lan, tổ sản xuất thôn Phú Hà"). */
  actorName: string | null
  photos: string[]
  note: string | null
  /** The fields of the event's type. */
  details: Record<string, unknown>
}

/** Who recorded the event: the token's actor, and for a helper the seller it acted for. */
export interface Recorder {
  actorType: string
  actorId: string
  onBehalfOf: string | null
}

export interface BatchEvent extends NewEvent {
  id: string
  batchId: string
  seq: number
  recordedAt: Date
  recordedBy: Recorder
  prevHash: string
  hash: string
}
