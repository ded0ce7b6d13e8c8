/**
 * The kinds of event a batch's diary holds, without their schemas (./events.ts): what a form or a
 * page needs to know, small enough for a phone's JavaScript bundle (no zod).
 */

export const EVENT_TYPES = [
  "planting",
  "input_applied",
  "harvest",
  "processing",
  "packing",
  "inspection",
  "shipping",
  "receiving",
  "note",
] as const
export type EventType = (typeof EVENT_TYPES)[number]

/** After sealing, production is over: only what happens to the finished lot may follow. */
export const EVENT_TYPES_AFTER_SEALING: readonly EventType[] = [
  "inspection",
  "shipping",
  "receiving",
  "note",
]

/** What an `input_applied` event applied. */
export const INPUT_KINDS = ["fertiliser", "pesticide", "herbicide", "fungicide", "other"] as const

export const MAX_PHOTOS = 10

export function isEventType(value: unknown): value is EventType {
  return EVENT_TYPES.includes(value as EventType)
}
