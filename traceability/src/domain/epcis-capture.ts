/**
 * EPCIS 2.0 capture, pure parts: which lot an incoming event is about, and the event as this
 * service's own event body (event-types.ts), so a partner's event obeys exactly the rules of one
 * recorded by hand. The mapping is the export's (epcis.ts) read backwards:
 *
 * - TransformationEvent → processing (`process` from coop:details, else the bizStep, else
 *   "EPCIS transformation"; input/output quantities from the quantity lists);
 * - ObjectEvent with bizStep commissioning → harvest (the quantity from quantityList);
 *   packing → packing; inspecting → inspection (result from the disposition conformant /
 *   non_conformant); shipping → shipping (destination from destinationList); receiving →
 *   receiving (receiver from bizLocation); the platform's planting / applying_input → those;
 * - any other ObjectEvent → note, its text naming the step and disposition.
 *
 * The platform's own extensions (coop:eventType, coop:details, coop:placeName, coop:actor,
 * coop:photos, coop:note) are read back and win, so this service's export captures back to the
 * same events.
 */

import { isoWithOffset, offsetMinutes } from "@coop/contracts/event-time"
import { EVENT_TYPES } from "@coop/contracts/events"
import { encodeAiValue } from "./digital-link.js"
import { cbvWord, EPCIS_QUERY_MESSAGES, type Localized } from "./epcis-query.js"
import { parseLinkPath } from "./link-path.js"

export type LotRef = { kind: "gtin"; gtin: string; lot: string } | { kind: "batch"; id: string }

const BATCH_PATH = /\/batches\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i

/**
 * The lot a class-level identifier names: a GS1 Digital Link `…/01/{gtin}/10/{lot}` on any host
 * (this resolver's, id.gs1.org), or this service's `{publicUrl}/batches/{id}`; null otherwise.
 */
export function parseLotUri(uri: string, publicUrl: string): LotRef | null {
  let url: URL
  try {
    url = new URL(uri)
  } catch {
    return null
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return null
  const base = publicUrl.replace(/\/+$/, "")
  const batch = BATCH_PATH.exec(url.pathname)
  if (batch && uri.startsWith(`${base}/batches/`))
    return { kind: "batch", id: batch[1]!.toLowerCase() }
  const at = url.pathname.indexOf("/01/")
  if (at === -1) return null
  const parsed = parseLinkPath(url.pathname.slice(at))
  if (!parsed.ok || parsed.link.kind !== "gtin") return null
  const { gtin, lot, serial } = parsed.link
  if (!lot || serial) return null
  return { kind: "gtin", gtin, lot }
}

/** The same lot written the way the export writes it, for messages and matching. */
export const lotKey = (ref: LotRef) =>
  ref.kind === "gtin" ? `01/${ref.gtin}/10/${encodeAiValue(ref.lot)}` : `batch/${ref.id}`

type Json = Record<string, unknown>

const UNITS: Record<string, string> = {
  KGM: "kg",
  GRM: "g",
  TNE: "t",
  LTR: "l",
  MLT: "ml",
  MTK: "m2",
  HAR: "ha",
}

export interface CaptureProblem {
  /** JSON pointer into the document. */
  path: string
  message: Localized
}

export interface MappedEvent {
  index: number
  eventId: string | null
  lot: LotRef
  /** The event as POST /batches/:id/events would take it (validated by the caller). */
  body: Json
}

const asObject = (value: unknown): Json | undefined =>
  value && typeof value === "object" && !Array.isArray(value) ? (value as Json) : undefined
const asString = (value: unknown) => (typeof value === "string" && value ? value : undefined)

function quantityOf(element: unknown): { amount: number; unit: string } | undefined {
  const q = asObject(element)
  if (!q || typeof q.quantity !== "number" || !(q.quantity > 0)) return undefined
  const uom = asString(q.uom)
  return { amount: q.quantity, unit: uom ? (UNITS[uom] ?? uom) : "units" }
}

const lists = ["quantityList", "inputQuantityList", "outputQuantityList", "childQuantityList"]

/** The events of a schema-valid EPCISDocument, each with its lot and as an event body. */
export function mapCapturedEvents(
  document: Json,
  publicUrl: string,
): { ok: true; events: MappedEvent[] } | { ok: false; problem: CaptureProblem } {
  const ns = `${publicUrl.replace(/\/+$/, "")}/ns/epcis#`
  const body = asObject(document.epcisBody)
  const list = body?.eventList
  if (document.type !== "EPCISDocument" || !Array.isArray(list) || list.length === 0) {
    return {
      ok: false,
      problem: { path: "/epcisBody/eventList", message: EPCIS_QUERY_MESSAGES.notADocument() },
    }
  }
  const events: MappedEvent[] = []
  const seen = new Set<string>()
  for (const [index, raw] of list.entries()) {
    const path = `/epcisBody/eventList/${index}`
    const fail = (suffix: string, message: Localized) => ({
      ok: false as const,
      problem: { path: `${path}${suffix}`, message },
    })
    const event = asObject(raw) ?? {}
    const type = asString(event.type) ?? "?"
    if (type !== "ObjectEvent" && type !== "TransformationEvent") {
      return fail("/type", EPCIS_QUERY_MESSAGES.unsupportedEvent(type))
    }
    const eventId = asString(event.eventID) ?? null
    if (eventId) {
      if (seen.has(eventId)) return fail("/eventID", EPCIS_QUERY_MESSAGES.duplicateEventId(eventId))
      seen.add(eventId)
    }

    // The lot: every class named in the quantity lists must be the same lot of this service.
    const lots = new Map<string, LotRef>()
    for (const name of lists) {
      const elements = Array.isArray(event[name]) ? (event[name] as unknown[]) : []
      for (const element of elements) {
        const uri = asString(asObject(element)?.epcClass)
        const ref = uri ? parseLotUri(uri, publicUrl) : null
        if (ref) lots.set(lotKey(ref), ref)
      }
    }
    if (lots.size === 0) return fail("", EPCIS_QUERY_MESSAGES.noLot())
    if (lots.size > 1) return fail("", EPCIS_QUERY_MESSAGES.twoLots())
    const lot = [...lots.values()][0]!

    // Common fields: the time in its own offset, where, who, photos, note.
    const offset = asString(event.eventTimeZoneOffset) ?? "+00:00"
    const eventTime = asString(event.eventTime) ?? ""
    const occurred = new Date(eventTime)
    const occurred_at =
      Number.isNaN(occurred.getTime()) || offsetMinutes(offset) === null
        ? eventTime
        : isoWithOffset(occurred, offset)
    const readPoint = asString(asObject(event.readPoint)?.id)
    const bizLocation = asString(asObject(event.bizLocation)?.id)
    const geo = readPoint ? /^geo:(-?\d+(?:\.\d+)?),(-?\d+(?:\.\d+)?)$/.exec(readPoint) : null
    const placeName = asString(event["coop:placeName"]) ?? readPoint ?? bizLocation
    const details = asObject(event["coop:details"]) ?? {}
    const common: Json = {
      occurred_at,
      ...(placeName
        ? {
            place: {
              name: placeName,
              ...(geo ? { lat: Number(geo[1]), lng: Number(geo[2]) } : {}),
            },
          }
        : {}),
      ...(asString(event["coop:actor"]) ? { actor: event["coop:actor"] } : {}),
      ...(Array.isArray(event["coop:photos"]) ? { photos: event["coop:photos"] } : {}),
      ...(asString(event["coop:note"]) ? { note: event["coop:note"] } : {}),
    }
    const bizStepRaw = asString(event.bizStep)
    const bizStep = bizStepRaw ? cbvWord(bizStepRaw, "BizStep") : undefined
    const disposition = asString(event.disposition)
      ? cbvWord(event.disposition as string, "Disp")
      : undefined
    const first = (name: string) =>
      quantityOf(Array.isArray(event[name]) ? (event[name] as unknown[])[0] : undefined)
    const quantity = first("quantityList")

    let mapped: Json
    const ownType = asString(event["coop:eventType"])
    if (ownType && (EVENT_TYPES as readonly string[]).includes(ownType)) {
      // This platform's own export (or a partner writing its vocabulary): the type as recorded.
      mapped = { type: ownType, ...details }
    } else if (type === "TransformationEvent") {
      mapped = {
        type: "processing",
        process: bizStep ? `EPCIS ${bizStep}` : "EPCIS transformation",
        ...optional("input_quantity", first("inputQuantityList")),
        ...optional("output_quantity", first("outputQuantityList")),
        ...details,
      }
    } else if (bizStep === "commissioning") {
      mapped = { type: "harvest", ...optional("quantity", quantity), ...details }
    } else if (bizStep === "packing") {
      mapped = {
        type: "packing",
        package: "EPCIS packing",
        ...(quantity && quantity.unit === "units" && Number.isInteger(quantity.amount)
          ? { units: quantity.amount }
          : { ...optional("quantity", quantity) }),
        ...details,
      }
    } else if (bizStep === "inspecting") {
      const result =
        disposition === "non_conformant"
          ? "fail"
          : disposition === "conformant"
            ? "pass"
            : undefined
      mapped = {
        type: "inspection",
        inspector: asString(event["coop:actor"]) ?? bizLocation ?? readPoint,
        ...(result ? { result } : {}),
        ...details,
      }
    } else if (bizStep === "shipping") {
      const destination = asString(
        asObject((event.destinationList as unknown[] | undefined)?.[0])?.destination,
      )
      mapped = {
        type: "shipping",
        ...(destination ? { destination } : {}),
        ...optional("quantity", quantity),
        ...details,
      }
    } else if (bizStep === "receiving") {
      const source = asString(asObject((event.sourceList as unknown[] | undefined)?.[0])?.source)
      mapped = {
        type: "receiving",
        receiver: bizLocation ?? readPoint ?? asString(event["coop:actor"]),
        ...(source ? { source } : {}),
        ...optional("quantity", quantity),
        ...details,
      }
    } else if (bizStepRaw === `${ns}planting`) {
      mapped = { type: "planting", ...details }
    } else if (bizStepRaw === `${ns}applying_input`) {
      mapped = { type: "input_applied", ...details }
    } else {
      const words = [
        `EPCIS ${type} ${asString(event.action) ?? ""}`.trim(),
        bizStep ? `bizStep ${bizStep}` : null,
        disposition ? `disposition ${disposition}` : null,
      ].filter(Boolean)
      const note = asString(event["coop:note"])
      mapped = { type: "note", note: note ? `${note} (${words.join(", ")})` : words.join(", ") }
    }
    // Undefined values (a receiver nobody named) are left out, so the schema names what is missing.
    const eventBody = Object.fromEntries(
      Object.entries({ ...common, ...mapped }).filter(([, value]) => value !== undefined),
    )
    events.push({ index, eventId, lot, body: eventBody })
  }
  return { ok: true, events }
}

const optional = (name: string, value: unknown) => (value === undefined ? {} : { [name]: value })
