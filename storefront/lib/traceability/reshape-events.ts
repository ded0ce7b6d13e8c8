import { isDateTime, isObject, isString, type Json, num, oneOf, quantity, str } from "./read"
import type { EventFacts, InputKind, InspectionTest, TraceEvent } from "./types"

// The batch's events as the service records them (traceability/src/domain/event-types.ts): the
// common fields plus `details`, the fields of the event's type.

const INPUT_KINDS: readonly InputKind[] = [
  "fertiliser",
  "pesticide",
  "herbicide",
  "fungicide",
  "other",
]

function scalar(value: unknown): string | number | undefined {
  return str(value) ?? num(value)
}

function tests(value: unknown): InspectionTest[] | undefined {
  if (!Array.isArray(value)) return undefined
  return value.filter(isObject).flatMap((test) => {
    const name = str(test.name)
    const result = scalar(test.value)
    if (name === undefined || result === undefined) return []
    return [
      {
        name,
        value: result,
        unit: str(test.unit) ?? null,
        limit: scalar(test.limit) ?? null,
        pass: typeof test.pass === "boolean" ? test.pass : null,
      },
    ]
  })
}

function httpUrl(value: unknown): string | undefined {
  const url = str(value)
  return url && /^https?:\/\//i.test(url) ? url : undefined
}

/** The type's facts; fields that are missing or of the wrong type are left out. */
export function reshapeFacts(type: unknown, d: Json): EventFacts {
  switch (type) {
    case "planting":
      return {
        type,
        crop: str(d.crop),
        variety: str(d.variety),
        areaM2: num(d.area_m2),
        seedSource: str(d.seed_source),
      }
    case "input_applied":
      return {
        type,
        product: str(d.product),
        inputKind: oneOf(INPUT_KINDS, d.input_kind),
        dose: quantity(d.dose),
        preHarvestIntervalDays: num(d.pre_harvest_interval_days),
        target: str(d.target),
      }
    case "harvest":
      return { type, quantity: quantity(d.quantity) }
    case "processing":
      return {
        type,
        process: str(d.process),
        inputQuantity: quantity(d.input_quantity),
        outputQuantity: quantity(d.output_quantity),
      }
    case "packing":
      return { type, package: str(d.package), units: num(d.units), quantity: quantity(d.quantity) }
    case "inspection":
      return {
        type,
        inspector: str(d.inspector),
        result: oneOf(["pass", "fail"] as const, d.result),
        reportNumber: str(d.report_number),
        reportUrl: httpUrl(d.report_url),
        tests: tests(d.tests),
      }
    case "shipping":
      return {
        type,
        destination: str(d.destination),
        carrier: str(d.carrier),
        quantity: quantity(d.quantity),
      }
    case "receiving":
      return {
        type,
        receiver: str(d.receiver),
        source: str(d.source),
        quantity: quantity(d.quantity),
        condition: str(d.condition),
      }
    case "note":
      return { type }
    default:
      return { type: "other" }
  }
}

/** The events the page can show; one without an id or a readable time is left out. */
export function reshapeEvents(events: unknown): TraceEvent[] {
  if (!Array.isArray(events)) return []
  return events.filter(isObject).flatMap((event) => {
    if (!isString(event.id) || !isDateTime(event.occurred_at)) return []
    const place = isObject(event.place) ? str(event.place.name) : undefined
    return [
      {
        id: event.id,
        occurredAt: new Date(event.occurred_at),
        occurredAtText: event.occurred_at,
        place: place ?? null,
        actor: str(event.actor) ?? null,
        note: str(event.note) ?? null,
        photos: Array.isArray(event.photos) ? event.photos.flatMap((p) => httpUrl(p) ?? []) : [],
        facts: reshapeFacts(event.type, isObject(event.details) ? event.details : {}),
      },
    ]
  })
}
