import { isDateTime, isObject, isString, type Json, oneOf, str } from "./read"
import { reshapeEvents } from "./reshape-events"
import { reshapeBatch, reshapeCertifications, reshapeSeller } from "./reshape-record"
import type { StampProvenance, StampVerdict } from "./types"

/** The service's verdicts for a real stamp (traceability/src/domain/verdict.ts). */
const STAMP_VERDICTS: readonly StampVerdict[] = [
  "genuine_first_scan",
  "genuine_repeat",
  "suspicious",
  "voided",
  "seller_suspended",
]

/**
 * The service's answer for a real stamp (GET /stamps/{serial}/provenance, schema in
 * traceability/src/http/routes/resolver-schemas.ts), as far as `isApiProvenance` checks it: the
 * fields a verdict cannot do without. Producer, certifications and events are read leniently.
 */
export type ApiProvenance = {
  verdict: StampVerdict
  scan: { id: string; number: number; scanned_at: string } | null
  scans: { count: number; first_scanned_at: string | null; last_scanned_at?: string | null }
  stamp: { serial: string; uri: string; state: string; issued_at: string }
  batch: Json & { id: string; lot_code: string; quantity: number; unit: string; state: string }
  product: Json & { id: string; title: string; gtin: string | null }
  producer: Json & { id: string }
  certifications?: unknown
  events?: unknown
  chain?: unknown
}

/** Whether a 200 body has what a verdict needs; anything else is not trusted at all. */
export function isApiProvenance(body: unknown): body is ApiProvenance {
  if (!isObject(body) || !oneOf(STAMP_VERDICTS, body.verdict)) return false
  const { stamp, batch, product, producer, scans, scan } = body
  return (
    isObject(scans) &&
    typeof scans.count === "number" &&
    (scans.first_scanned_at === null || isDateTime(scans.first_scanned_at)) &&
    (scan === null ||
      (isObject(scan) &&
        isString(scan.id) &&
        typeof scan.number === "number" &&
        isDateTime(scan.scanned_at))) &&
    isObject(stamp) &&
    isString(stamp.serial) &&
    isString(stamp.uri) &&
    isString(stamp.state) &&
    isDateTime(stamp.issued_at) &&
    isObject(batch) &&
    isString(batch.id) &&
    isString(batch.lot_code) &&
    typeof batch.quantity === "number" &&
    isString(batch.unit) &&
    isString(batch.state) &&
    isObject(product) &&
    isString(product.id) &&
    isString(product.title) &&
    (product.gtin === null || isString(product.gtin)) &&
    isObject(producer) &&
    isString(producer.id)
  )
}

/** Whether a 404 body is the resolver's own verdict, not some other server's "not found". */
export function isNotGenuineAnswer(body: unknown): boolean {
  return isObject(body) && body.verdict === "not_genuine"
}

/** Every verdict keeps the record: a warning still shows what the label claims. */
export function reshapeProvenance(api: ApiProvenance): StampProvenance {
  return {
    verdict: api.verdict,
    stamp: {
      serial: api.stamp.serial,
      uri: api.stamp.uri,
      state: api.stamp.state === "voided" ? "voided" : "issued",
      issuedAt: new Date(api.stamp.issued_at),
    },
    batch: reshapeBatch(api.batch),
    product: {
      id: api.product.id,
      title: api.product.title,
      handle: str(api.product.handle) ?? "",
      gtin: api.product.gtin,
    },
    seller: reshapeSeller(api.producer),
    certifications: reshapeCertifications(api.certifications),
    events: reshapeEvents(api.events),
    scans: {
      count: api.scans.count,
      firstScannedAt: api.scans.first_scanned_at ? new Date(api.scans.first_scanned_at) : null,
    },
    scan: api.scan
      ? { id: api.scan.id, number: api.scan.number, scannedAt: new Date(api.scan.scanned_at) }
      : null,
  }
}
