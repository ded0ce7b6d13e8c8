import { z } from "zod"
import { type EventType, INPUT_KINDS, MAX_PHOTOS } from "./event-kinds.js"
import { offsetOf } from "./event-time.js"

export {
  EVENT_TYPES,
  EVENT_TYPES_AFTER_SEALING,
  type EventType,
  INPUT_KINDS,
  MAX_PHOTOS,
} from "./event-kinds.js"

/**
 * What may be recorded about a batch, one schema per event type. The request body is flat:
 * the common fields (time, place, actor, photos, note) plus the fields of its type, which are
 * stored as the event's `details`.
 */

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/

/** String.prototype.isWellFormed, which ES2023 typings lack. */
const isWellFormed = (value: string) => !LONE_SURROGATE.test(value)

// PostgreSQL text cannot hold NUL, and other control characters have no place in a label.
function hasControlCharacter(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i)
    // Tab, line feed and carriage return are fine in a note.
    if ((code < 32 && code !== 9 && code !== 10 && code !== 13) || code === 127) return true
  }
  return false
}

/** Trimmed, non-empty text of at most `max` characters. */
export const text = (max: number) =>
  z
    .string()
    .trim()
    .min(1, "must not be empty")
    .max(max, `must be at most ${max} characters`)
    .refine((value) => !hasControlCharacter(value), "must not contain control characters")
    // A lone surrogate would be stored as U+FFFD and no longer match the hash taken of it.
    .refine((value) => isWellFormed(value), "must be well-formed Unicode")

export const latitude = z.number().min(-90, "must be -90..90").max(90, "must be -90..90")
export const longitude = z.number().min(-180, "must be -180..180").max(180, "must be -180..180")
const positive = z.number().positive("must be greater than 0").max(1e12, "is too large")

export const httpUrl = z
  .string()
  .max(2048, "must be at most 2048 characters")
  .refine((value) => isWellFormed(value) && !hasControlCharacter(value), "must be an http(s) URL")
  .refine((value) => {
    try {
      const url = new URL(value)
      return url.protocol === "https:" || url.protocol === "http:"
    } catch {
      return false
    }
  }, "must be an http(s) URL")

/** An amount with its unit: 1200 kg, 2.5 l/ha. */
export const quantity = z.strictObject({ amount: positive, unit: text(20) })

const place = z
  .strictObject({ name: text(200), lat: latitude.optional(), lng: longitude.optional() })
  .refine((p) => (p.lat === undefined) === (p.lng === undefined), {
    message: "needs both lat and lng, or neither",
    path: ["lat"],
  })

// Clocks on farmers' phones drift; a day of slack still stops "harvested next year".
const FUTURE_SLACK_MS = 24 * 60 * 60 * 1000

const occurredAt = z.iso
  .datetime({
    offset: true,
    message: "must be an RFC 3339 time with an offset, like 2025-10-01T08:00:00+07:00",
  })
  .refine((value) => offsetOf(value) !== null, "has an offset beyond ±14:00")
  .refine((value) => Date.parse(value) <= Date.now() + FUTURE_SLACK_MS, "must not be in the future")

const common = {
  occurred_at: occurredAt,
  place: place.optional(),
  actor: text(200).optional(),
  photos: z.array(httpUrl).max(MAX_PHOTOS, `at most ${MAX_PHOTOS} photos`).optional(),
  note: text(2000).optional(),
}

const event = <T extends EventType, S extends z.ZodRawShape>(type: T, shape: S) =>
  z.strictObject({ type: z.literal(type), ...common, ...shape })

export const eventBodySchema = z.discriminatedUnion("type", [
  event("planting", {
    crop: text(100),
    variety: text(100).optional(),
    area_m2: positive.optional(),
    seed_source: text(200).optional(),
  }),
  event("input_applied", {
    product: text(200),
    input_kind: z.enum(INPUT_KINDS).optional(),
    dose: quantity,
    pre_harvest_interval_days: z.int().min(0, "must be 0 or more").max(365, "must be at most 365"),
    target: text(200).optional(),
  }),
  event("harvest", { quantity }),
  event("processing", {
    process: text(200),
    input_quantity: quantity.optional(),
    output_quantity: quantity.optional(),
  }),
  event("packing", {
    package: text(100),
    units: z.int().positive("must be greater than 0").max(10_000_000, "is too large"),
    quantity: quantity.optional(),
  }),
  event("inspection", {
    inspector: text(200),
    result: z.enum(["pass", "fail"]),
    report_number: text(100).optional(),
    report_url: httpUrl.optional(),
    tests: z
      .array(
        z.strictObject({
          name: text(200),
          value: z.union([z.number(), text(100)]),
          unit: text(20).optional(),
          limit: z.union([z.number(), text(100)]).optional(),
          pass: z.boolean().optional(),
        }),
      )
      .max(50, "at most 50 tests")
      .optional(),
  }),
  event("shipping", {
    destination: text(200),
    carrier: text(200).optional(),
    quantity: quantity.optional(),
  }),
  event("receiving", {
    receiver: text(200),
    source: text(200).optional(),
    quantity: quantity.optional(),
    condition: text(500).optional(),
  }),
  // A note is all text: here the note is what is recorded, so it is required.
  z.strictObject({ type: z.literal("note"), ...common, note: text(2000) }),
])

export type EventBody = z.infer<typeof eventBodySchema>

const COMMON_KEYS = new Set(["type", ...Object.keys(common)])

/** Splits a validated body into its common fields and the type-specific `details`. */
export function splitEventBody(body: EventBody) {
  const details: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(body)) {
    if (!COMMON_KEYS.has(key) && value !== undefined) details[key] = value
  }
  return {
    type: body.type,
    occurredAt: new Date(body.occurred_at),
    occurredOffset: offsetOf(body.occurred_at)!,
    place: body.place
      ? { name: body.place.name, lat: body.place.lat ?? null, lng: body.place.lng ?? null }
      : null,
    actorName: body.actor ?? null,
    photos: body.photos ?? [],
    note: body.note ?? null,
    details,
  }
}
