// The origin forms' fields and their checks, mirroring the traceability service's rules
// (traceability/README.md "Creating a batch" and the event types) so a person learns what is
// wrong in their language before anything is sent. Pure: no I/O, unit-tested beside it. The event
// types themselves are the contract's (@coop/contracts/event-kinds).

import {
  EVENT_TYPES,
  EVENT_TYPES_AFTER_SEALING,
  type EventType,
  INPUT_KINDS,
  isEventType,
} from "@coop/contracts/event-kinds"

export { EVENT_TYPES, EVENT_TYPES_AFTER_SEALING, type EventType, INPUT_KINDS, isEventType }

export type FormValues = Record<string, string>
/** A problem with one field: a message key under Portal.origin.errors, with its parameters. */
export type FieldProblem = { key: string; params?: Record<string, string | number> }
export type Problems = Record<string, FieldProblem>

/** GS1's 82-character set, which a lot code must use (it is AI 10 in Digital Links). */
export const LOT_CODE_PATTERN = "[A-Za-z0-9!\"%&'\\(\\)*+,\\-.\\/:;<=>?_]{1,20}"
/** Crockford base32 without I L O U, 20 characters: a stamp serial (typed in either case). */
export const SERIAL_PATTERN = "[0-9A-HJKMNP-TV-Za-hjkmnp-tv-z]{20}"

const lotCode = new RegExp(`^${LOT_CODE_PATTERN}$`)
const serial = /^[0-9A-HJKMNP-TV-Z]{20}$/
const day = /^\d{4}-\d{2}-\d{2}$/

export type FieldKind = "text" | "number" | "int" | "date" | "select" | "url" | "textarea"
export type FieldSpec = {
  name: string
  kind: FieldKind
  required?: boolean
  max?: number
  min?: number
  options?: readonly string[]
}

/** Reads every field of a form as trimmed text (files and hidden fields aside). */
export function readValues(form: FormData, names: readonly string[]): FormValues {
  const values: FormValues = {}
  for (const name of names) {
    const value = form.get(name)
    values[name] = typeof value === "string" ? value.trim() : ""
  }
  return values
}

function isRealDay(value: string): boolean {
  if (!day.test(value)) return false
  const date = new Date(`${value}T00:00:00Z`)
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value
}

/** Text over its limit is refused, saying the limit and how long it was; never cut. */
const tooLong = (max: number, text: string): FieldProblem => ({
  key: "tooLongTyped",
  params: { max, length: text.length },
})

/** Checks one field against its spec; the parsed value (number for numbers) or a problem. */
function checkField(
  spec: FieldSpec,
  raw: string,
): { value?: string | number; problem?: FieldProblem } {
  if (!raw) return spec.required ? { problem: { key: "required" } } : {}
  switch (spec.kind) {
    case "number":
    case "int": {
      const n = Number(raw.replace(",", "."))
      if (!Number.isFinite(n)) return { problem: { key: "number" } }
      if (spec.kind === "int" && !Number.isInteger(n)) return { problem: { key: "whole" } }
      const min = spec.min ?? 0
      if (spec.min === undefined ? n <= 0 : n < min) {
        return {
          problem: spec.min === undefined ? { key: "positive" } : { key: "min", params: { min } },
        }
      }
      if (spec.max !== undefined && n > spec.max)
        return { problem: { key: "max", params: { max: spec.max } } }
      return { value: n }
    }
    case "date":
      return isRealDay(raw) ? { value: raw } : { problem: { key: "date" } }
    case "select":
      return spec.options?.includes(raw) ? { value: raw } : { problem: { key: "choose" } }
    case "url":
      return /^https?:\/\/\S+$/.test(raw) ? { value: raw } : { problem: { key: "url" } }
    default:
      if (spec.max && raw.length > spec.max) return { problem: tooLong(spec.max, raw) }
      return { value: raw }
  }
}

/** Sets `a.b.c` in a nested object. */
function setPath(target: Record<string, unknown>, path: string, value: unknown) {
  const parts = path.split(".")
  let node = target
  for (const part of parts.slice(0, -1)) {
    node[part] = (node[part] as Record<string, unknown>) ?? {}
    node = node[part] as Record<string, unknown>
  }
  node[parts.at(-1)!] = value
}

/** Checks fields by spec and builds the nested body the service expects. */
export function buildBody(specs: readonly FieldSpec[], values: FormValues) {
  const body: Record<string, unknown> = {}
  const problems: Problems = {}
  for (const spec of specs) {
    const { value, problem } = checkField(spec, values[spec.name] ?? "")
    if (problem) problems[spec.name] = problem
    else if (value !== undefined) setPath(body, spec.name, value)
  }
  return { body, problems }
}

/** Fields that only mean something together: all filled or all empty. */
export function together(values: FormValues, names: readonly string[], problems: Problems) {
  const filled = names.filter((n) => values[n])
  if (filled.length === 0 || filled.length === names.length) return
  for (const name of names)
    if (!values[name] && !problems[name]) problems[name] = { key: "together" }
}

// ---- Batches ----------------------------------------------------------------------------

export const DATE_FIELDS = [
  "dates.started_on",
  "dates.harvested_on",
  "dates.produced_on",
  "dates.packed_on",
  "dates.expires_on",
] as const

export const BATCH_FIELDS: readonly FieldSpec[] = [
  { name: "product_id", kind: "text", required: true, max: 100 },
  { name: "lot_code", kind: "text", required: true, max: 20 },
  { name: "quantity", kind: "number", required: true, max: 1e12 },
  { name: "unit", kind: "text", required: true, max: 20 },
  { name: "area.village", kind: "text", max: 100 },
  { name: "area.plot", kind: "text", max: 100 },
  ...DATE_FIELDS.map((name) => ({ name, kind: "date" as const })),
  { name: "certifications.vietgap.number", kind: "text", max: 100 },
  { name: "certifications.vietgap.valid_from", kind: "date" },
  { name: "certifications.vietgap.valid_until", kind: "date" },
  { name: "certifications.organic.certifier", kind: "text", max: 200 },
  { name: "certifications.organic.number", kind: "text", max: 100 },
]

/** A new batch's body and the problems found, by the service's rules. */
export function batchBody(values: FormValues) {
  const { body, problems } = buildBody(BATCH_FIELDS, values)
  if (values.lot_code && !problems.lot_code && !lotCode.test(values.lot_code)) {
    problems.lot_code = { key: "lotCode" }
  }
  // Days in order: started ≤ harvested ≤ produced ≤ packed ≤ expires.
  let previous: string | null = null
  for (const name of DATE_FIELDS) {
    const value = values[name]
    if (!value || problems[name]) continue
    if (previous && value < values[previous]!) {
      problems[name] = { key: "dateOrder", params: { field: previous } }
    }
    previous = name
  }
  const vietgap = [
    "certifications.vietgap.number",
    "certifications.vietgap.valid_from",
    "certifications.vietgap.valid_until",
  ]
  together(values, vietgap, problems)
  const from = values[vietgap[1]!]
  const until = values[vietgap[2]!]
  if (from && until && until < from && !problems[vietgap[2]!]) {
    problems[vietgap[2]!] = { key: "untilBeforeFrom" }
  }
  const harvest = values["dates.harvested_on"] || values["dates.produced_on"]
  if (until && harvest && until < harvest && !problems[vietgap[2]!]) {
    problems[vietgap[2]!] = { key: "lapsed" }
  }
  together(values, ["certifications.organic.certifier", "certifications.organic.number"], problems)
  return { body, problems }
}

// ---- Events -----------------------------------------------------------------------------

const quantity = (prefix: string, required = false): FieldSpec[] => [
  { name: `${prefix}.amount`, kind: "number", required, max: 1e12 },
  { name: `${prefix}.unit`, kind: "text", required, max: 20 },
]

export const COMMON_EVENT_FIELDS: readonly FieldSpec[] = [
  { name: "occurred_at", kind: "text", required: true },
  { name: "place.name", kind: "text", max: 200 },
  { name: "actor", kind: "text", max: 200 },
]

export const EVENT_FIELDS: Record<EventType, readonly FieldSpec[]> = {
  planting: [
    { name: "crop", kind: "text", required: true, max: 100 },
    { name: "variety", kind: "text", max: 100 },
    { name: "area_m2", kind: "number", max: 1e12 },
    { name: "seed_source", kind: "text", max: 200 },
  ],
  input_applied: [
    { name: "product", kind: "text", required: true, max: 200 },
    { name: "input_kind", kind: "select", options: INPUT_KINDS },
    ...quantity("dose", true),
    { name: "pre_harvest_interval_days", kind: "int", required: true, min: 0, max: 365 },
    { name: "target", kind: "text", max: 200 },
  ],
  harvest: quantity("quantity", true),
  processing: [
    { name: "process", kind: "text", required: true, max: 200 },
    ...quantity("input_quantity"),
    ...quantity("output_quantity"),
  ],
  packing: [
    { name: "package", kind: "text", required: true, max: 100 },
    { name: "units", kind: "int", required: true, max: 10_000_000 },
    ...quantity("quantity"),
  ],
  inspection: [
    { name: "inspector", kind: "text", required: true, max: 200 },
    { name: "result", kind: "select", required: true, options: ["pass", "fail"] },
    { name: "report_number", kind: "text", max: 100 },
    { name: "report_url", kind: "url" },
  ],
  shipping: [
    { name: "destination", kind: "text", required: true, max: 200 },
    { name: "carrier", kind: "text", max: 200 },
    ...quantity("quantity"),
  ],
  receiving: [
    { name: "receiver", kind: "text", required: true, max: 200 },
    { name: "source", kind: "text", max: 200 },
    ...quantity("quantity"),
    { name: "condition", kind: "text", max: 500 },
  ],
  note: [],
}

/** The names a form of this type posts (the note last: it is required only for `note`). */
export function eventFieldNames(type: EventType): string[] {
  return [...COMMON_EVENT_FIELDS, ...EVENT_FIELDS[type]].map((f) => f.name).concat("note")
}

/** "2026-11-29T08:30" from a datetime-local input, in Vietnam's time (+07:00). */
export function vietnamTime(local: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(local)) return null
  const withSeconds = local.length === 16 ? `${local}:00` : local
  const date = new Date(`${withSeconds}+07:00`)
  return Number.isNaN(date.getTime()) ? null : `${withSeconds}+07:00`
}

/** Now as a datetime-local value in Vietnam's time, the event form's default. */
export function vietnamNow(now = new Date()): string {
  return new Date(now.getTime() + 7 * 3600_000).toISOString().slice(0, 16)
}

/** An event's body (without photos) and the problems found. */
export function eventBody(type: EventType, values: FormValues, now = new Date()) {
  const specs = [...COMMON_EVENT_FIELDS, ...EVENT_FIELDS[type]]
  const { body, problems } = buildBody(specs, values)
  body.type = type
  if (values.occurred_at) {
    const at = vietnamTime(values.occurred_at)
    if (!at) problems.occurred_at = { key: "dateTime" }
    else if (Date.parse(at) > now.getTime() + 24 * 3600_000)
      problems.occurred_at = { key: "future" }
    else body.occurred_at = at
  }
  const note = values.note ?? ""
  if (note.length > 2000) problems.note = tooLong(2000, note)
  else if (note) body.note = note
  else if (type === "note") problems.note = { key: "required" }
  // A quantity is an amount with its unit: both or neither.
  for (const spec of EVENT_FIELDS[type]) {
    if (spec.name.endsWith(".amount")) {
      const prefix = spec.name.slice(0, -".amount".length)
      together(values, [`${prefix}.amount`, `${prefix}.unit`], problems)
    }
  }
  return { body, problems }
}

// ---- Stamps -----------------------------------------------------------------------------

export const MAX_STAMPS = 100_000
/** Up to this many stamps are issued within the request; more become a background job. */
export const INLINE_MAX = 1000

export function issueCount(raw: string): { count?: number; problem?: FieldProblem } {
  const { value, problem } = checkField(
    { name: "count", kind: "int", required: true, min: 1, max: MAX_STAMPS },
    raw,
  )
  return problem ? { problem } : { count: value as number }
}

/** A void request's body: a range of serials (both ends printed on the roll) and why. */
export function voidBody(values: FormValues) {
  const problems: Problems = {}
  const from = values.from_serial?.toUpperCase() ?? ""
  const to = values.to_serial?.toUpperCase() ?? ""
  if (!from) problems.from_serial = { key: "required" }
  else if (!serial.test(from)) problems.from_serial = { key: "serial" }
  if (!to) problems.to_serial = { key: "required" }
  else if (!serial.test(to)) problems.to_serial = { key: "serial" }
  const reason = values.reason ?? ""
  if (!reason) problems.reason = { key: "required" }
  else if (reason.length > 500) problems.reason = tooLong(500, reason)
  return { body: { from_serial: from, to_serial: to, reason }, problems }
}
