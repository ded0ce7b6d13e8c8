/**
 * The EPCIS 2.0 REST query interface (`GET /events`), pure parts: which query parameters are
 * understood and what they mean for this service's events, the opaque page token, and every
 * message a bad query gets, in Vietnamese and English (EPCIS_QUERY_MESSAGES, one place to
 * translate). The SQL is in store/epcis-query.ts.
 */
import { createHash, createHmac, timingSafeEqual } from "node:crypto"
import type { EventType } from "@coop/contracts/events"
import type { Text } from "../messages.js"

/** Bilingual texts of every refusal of the query and capture interfaces. */
export const EPCIS_QUERY_MESSAGES = {
  unknownParameter: (name: string) => ({
    en: `${name} is not a query parameter of this EPCIS interface (GE_eventTime, LT_eventTime, GE_recordTime, LT_recordTime, eventType, EQ_bizStep, MATCH_epc, MATCH_anyEPC, MATCH_epcClass, MATCH_anyEPCClass, perPage, nextPageToken)`,
    vi: `${name} không phải tham số truy vấn EPCIS của dịch vụ này (GE_eventTime, LT_eventTime, GE_recordTime, LT_recordTime, eventType, EQ_bizStep, MATCH_epc, MATCH_anyEPC, MATCH_epcClass, MATCH_anyEPCClass, perPage, nextPageToken)`,
  }),
  repeated: (name: string) => ({
    en: `${name} must be given once`,
    vi: `${name} chỉ được truyền một lần`,
  }),
  time: (name: string) => ({
    en: `${name} must be an RFC 3339 time with an offset, like 2025-10-01T00:00:00+07:00`,
    vi: `${name} phải là thời điểm RFC 3339 có múi giờ, ví dụ 2025-10-01T00:00:00+07:00`,
  }),
  eventType: (value: string) => ({
    en: `eventType ${value} is not an EPCIS event type (ObjectEvent, AggregationEvent, TransactionEvent, TransformationEvent, AssociationEvent)`,
    vi: `eventType ${value} không phải loại sự kiện EPCIS (ObjectEvent, AggregationEvent, TransactionEvent, TransformationEvent, AssociationEvent)`,
  }),
  empty: (name: string) => ({
    en: `${name} must not be empty`,
    vi: `${name} không được để trống`,
  }),
  tooMany: (name: string, max: number) => ({
    en: `${name} takes at most ${max} values`,
    vi: `${name} nhận tối đa ${max} giá trị`,
  }),
  perPage: (max: number) => ({
    en: `perPage must be a whole number from 1 to ${max}`,
    vi: `perPage phải là số nguyên từ 1 đến ${max}`,
  }),
  pageToken: () => ({
    en: "nextPageToken is not a token this service gave for this query; start again without it",
    vi: "nextPageToken không phải mã trang dịch vụ này cấp cho truy vấn này; hãy truy vấn lại từ đầu",
  }),
  lotRequired: () => ({
    en: "Without a token, name the lot: MATCH_epcClass or MATCH_anyEPCClass (the lot's URI, as in its EPCIS export), or MATCH_epc / MATCH_anyEPC",
    vi: "Không có mã đăng nhập thì phải nêu lô: MATCH_epcClass hoặc MATCH_anyEPCClass (URI của lô, như trong bản xuất EPCIS), hoặc MATCH_epc / MATCH_anyEPC",
  }),
  // Capture (POST /capture, GET /capture/:id).
  schema: (path: string, complaint: string) => ({
    en: `The EPCIS document does not validate against GS1's EPCIS 2.0 schema at ${path || "/"}: ${complaint}`,
    vi: `Tài liệu EPCIS không hợp lệ theo lược đồ EPCIS 2.0 của GS1 tại ${path || "/"}: ${complaint}`,
  }),
  notADocument: () => ({
    en: "Send an EPCISDocument (type EPCISDocument) with at least one event in epcisBody.eventList",
    vi: "Hãy gửi một EPCISDocument (type EPCISDocument) có ít nhất một sự kiện trong epcisBody.eventList",
  }),
  tooManyEvents: (max: number) => ({
    en: `A capture takes at most ${max} events`,
    vi: `Mỗi lần ghi nhận tối đa ${max} sự kiện`,
  }),
  unsupportedEvent: (type: string) => ({
    en: `${type} is not captured here: send ObjectEvent or TransformationEvent`,
    vi: `Không nhận ${type}: hãy gửi ObjectEvent hoặc TransformationEvent`,
  }),
  noLot: () => ({
    en: "The event names no lot of this service in its quantity lists (epcClass: the lot's URI)",
    vi: "Sự kiện không nêu lô nào của dịch vụ này trong danh sách số lượng (epcClass: URI của lô)",
  }),
  twoLots: () => ({
    en: "The event names more than one lot; capture one lot per event",
    vi: "Sự kiện nêu nhiều hơn một lô; mỗi sự kiện chỉ cho một lô",
  }),
  unknownLot: (uri: string) => ({
    en: `No batch you may write has the lot ${uri}`,
    vi: `Không có lô nào bạn được ghi với URI ${uri}`,
  }),
  field: (path: string, complaint: string) => ({
    en: `${path}: ${complaint}`,
    vi: `${path}: ${complaint}`,
  }),
  duplicateEventId: (id: string) => ({
    en: `eventID ${id} appears twice in the document`,
    vi: `eventID ${id} xuất hiện hai lần trong tài liệu`,
  }),
  keyReused: (key: string) => ({
    en: `Idempotency-Key ${key} was already used for another document; use a new key`,
    vi: `Idempotency-Key ${key} đã dùng cho một tài liệu khác; hãy dùng khóa mới`,
  }),
  captureNotFound: (id: string) => ({
    en: `No capture job ${id}`,
    vi: `Không có lượt ghi nhận ${id}`,
  }),
  batchClosed: (lot: string, reason: string) => ({
    en: `The lot ${lot} takes no such event: ${reason}`,
    vi: `Lô ${lot} không nhận sự kiện này: ${reason}`,
  }),
}

/** A message in both languages: the service catalogue's own type (src/messages.ts). */
export type Localized = Text

export const EPCIS_EVENT_TYPES = [
  "ObjectEvent",
  "AggregationEvent",
  "TransactionEvent",
  "TransformationEvent",
  "AssociationEvent",
] as const

export const MAX_PER_PAGE = 500
export const DEFAULT_PER_PAGE = 30
const MAX_VALUES = 100

/** The business step of each event type in the export (domain/epcis.ts), `ns` the platform's. */
export function bizStepOf(type: EventType, ns: string): string | null {
  switch (type) {
    case "harvest":
    case "processing":
      return "commissioning"
    case "packing":
      return "packing"
    case "inspection":
      return "inspecting"
    case "shipping":
      return "shipping"
    case "receiving":
      return "receiving"
    case "planting":
      return `${ns}planting`
    case "input_applied":
      return `${ns}applying_input`
    default:
      return null
  }
}

/** The EPCIS event type each recorded type is exported as. */
export const epcisTypeOf = (type: EventType) =>
  type === "processing" ? "TransformationEvent" : "ObjectEvent"

/** A CBV value in any of its spellings (bare, GS1 Web URI, URN) as the bare word. */
export function cbvWord(value: string, kind: "BizStep" | "Disp"): string {
  const web = `https://ref.gs1.org/cbv/${kind}-`
  const urn = `urn:epcglobal:cbv:${kind === "BizStep" ? "bizstep" : "disp"}:`
  if (value.startsWith(web)) return value.slice(web.length)
  if (value.startsWith(urn)) return value.slice(urn.length)
  return value
}

export interface EventQuery {
  geEventTime: Date | null
  ltEventTime: Date | null
  geRecordTime: Date | null
  ltRecordTime: Date | null
  /** EPCIS event types asked for, or null for all. */
  eventTypes: string[] | null
  /** Bare CBV words or full URIs, or null for all. */
  bizSteps: string[] | null
  matchEpc: string[] | null
  matchAnyEpc: string[] | null
  matchEpcClass: string[] | null
  matchAnyEpcClass: string[] | null
  perPage: number
  pageToken: string | null
}

export type QueryParse =
  | { ok: true; query: EventQuery }
  | { ok: false; field: string; message: Localized }

const LIST_PARAMS = {
  eventType: "eventTypes",
  EQ_bizStep: "bizSteps",
  MATCH_epc: "matchEpc",
  MATCH_anyEPC: "matchAnyEpc",
  MATCH_epcClass: "matchEpcClass",
  MATCH_anyEPCClass: "matchAnyEpcClass",
} as const
const TIME_PARAMS = {
  GE_eventTime: "geEventTime",
  LT_eventTime: "ltEventTime",
  GE_recordTime: "geRecordTime",
  LT_recordTime: "ltRecordTime",
} as const

const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/

/**
 * The query string as an EventQuery. Lists are given by repeating a parameter or by separating
 * values with `|` (EPCIS' pipe-delimited style); values are never split at commas, which lot
 * codes may hold.
 */
export function parseEventQuery(params: Record<string, string | string[] | undefined>): QueryParse {
  const fail = (field: string, message: Localized): QueryParse => ({ ok: false, field, message })
  const query: EventQuery = {
    geEventTime: null,
    ltEventTime: null,
    geRecordTime: null,
    ltRecordTime: null,
    eventTypes: null,
    bizSteps: null,
    matchEpc: null,
    matchAnyEpc: null,
    matchEpcClass: null,
    matchAnyEpcClass: null,
    perPage: DEFAULT_PER_PAGE,
    pageToken: null,
  }
  for (const [name, raw] of Object.entries(params)) {
    if (raw === undefined) continue
    const values = Array.isArray(raw) ? raw : [raw]
    if (name in TIME_PARAMS) {
      if (values.length !== 1) return fail(name, EPCIS_QUERY_MESSAGES.repeated(name))
      const value = values[0]!
      if (!RFC3339.test(value) || Number.isNaN(Date.parse(value))) {
        return fail(name, EPCIS_QUERY_MESSAGES.time(name))
      }
      query[TIME_PARAMS[name as keyof typeof TIME_PARAMS]] = new Date(value)
    } else if (name in LIST_PARAMS) {
      const list = values.flatMap((value) => value.split("|")).map((value) => value.trim())
      if (list.some((value) => value === "")) return fail(name, EPCIS_QUERY_MESSAGES.empty(name))
      if (list.length > MAX_VALUES)
        return fail(name, EPCIS_QUERY_MESSAGES.tooMany(name, MAX_VALUES))
      if (name === "eventType") {
        const bad = list.find((value) => !(EPCIS_EVENT_TYPES as readonly string[]).includes(value))
        if (bad !== undefined) return fail(name, EPCIS_QUERY_MESSAGES.eventType(bad))
      }
      query[LIST_PARAMS[name as keyof typeof LIST_PARAMS]] = list
    } else if (name === "perPage") {
      if (values.length !== 1) return fail(name, EPCIS_QUERY_MESSAGES.repeated(name))
      const value = values[0]!
      const n = /^\d{1,4}$/.test(value) ? Number(value) : Number.NaN
      if (!(n >= 1 && n <= MAX_PER_PAGE))
        return fail(name, EPCIS_QUERY_MESSAGES.perPage(MAX_PER_PAGE))
      query.perPage = n
    } else if (name === "nextPageToken") {
      if (values.length !== 1) return fail(name, EPCIS_QUERY_MESSAGES.repeated(name))
      query.pageToken = values[0]!
    } else {
      return fail(name, EPCIS_QUERY_MESSAGES.unknownParameter(name))
    }
  }
  return { ok: true, query }
}

/** Whether the query names lots or items, which is what an anonymous caller must do. */
export const namesLots = (query: EventQuery) =>
  Boolean(query.matchEpc || query.matchAnyEpc || query.matchEpcClass || query.matchAnyEpcClass)

/**
 * What a page token binds to: every filter (not perPage, which may change between pages) and
 * who asks, so a token is worthless for another query or caller.
 */
export function queryFingerprint(query: EventQuery, caller: string): string {
  const { perPage: _perPage, pageToken: _pageToken, ...filters } = query
  return createHash("sha256")
    .update(JSON.stringify({ filters, caller }))
    .digest("base64url")
    .slice(0, 22)
}

export interface PagePosition {
  recordedAt: string
  id: string
}

const tokenMac = (key: string, body: string) =>
  createHmac("sha256", key).update(`epcis-page:${body}`).digest("base64url").slice(0, 32)

/** An opaque token for the page after `after`, signed so it cannot be altered or forged. */
export function signPageToken(key: string, fingerprint: string, after: PagePosition): string {
  const body = Buffer.from(JSON.stringify([fingerprint, after.recordedAt, after.id])).toString(
    "base64url",
  )
  return `${body}.${tokenMac(key, body)}`
}

/** The position a token carries, or null when it is not one this key signed for this query. */
export function readPageToken(
  key: string,
  fingerprint: string,
  token: string,
): PagePosition | null {
  const [body, mac, extra] = token.split(".")
  if (!body || !mac || extra !== undefined) return null
  const expected = Buffer.from(tokenMac(key, body))
  const given = Buffer.from(mac)
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null
  try {
    const value = JSON.parse(Buffer.from(body, "base64url").toString("utf8"))
    if (!Array.isArray(value) || value.length !== 3 || value[0] !== fingerprint) return null
    const [, recordedAt, id] = value
    if (typeof recordedAt !== "string" || Number.isNaN(Date.parse(recordedAt))) return null
    if (typeof id !== "string" || !/^[0-9a-f-]{36}$/.test(id)) return null
    return { recordedAt, id }
  } catch {
    return null
  }
}
