import type { GenuineProvenance, NotGenuineProvenance } from "./types"

/** The service's verdicts for a real stamp (traceability/src/domain/verdict.ts). */
const STAMP_VERDICTS = ["genuine_first_scan", "genuine_repeat", "suspicious", "voided"] as const
type StampVerdict = (typeof STAMP_VERDICTS)[number]

// The service's answer for a real stamp (GET /stamps/{serial}/provenance); fields the storefront
// does not show yet (producer, certifications, events) are left out of this type.
export type ApiProvenance = {
  verdict: StampVerdict
  scan: { id: string; number: number; scanned_at: string } | null
  scans: { count: number; first_scanned_at: string | null; last_scanned_at: string | null }
  stamp: { serial: string; uri: string; state: string; issued_at: string }
  batch: {
    id: string
    lot_code: string
    quantity: number
    unit: string
    state: string
    created_at?: string
  }
  product: { id: string; title: string; gtin: string | null }
  producer: { id: string }
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null

const isString = (value: unknown): value is string => typeof value === "string"
const isDate = (value: unknown) => isString(value) && !Number.isNaN(Date.parse(value))

/** Whether a 200 body has the fields the page shows; anything else is not trusted as genuine. */
export function isApiProvenance(body: unknown): body is ApiProvenance {
  if (!isObject(body) || !(STAMP_VERDICTS as readonly unknown[]).includes(body.verdict))
    return false
  const { stamp, batch, product, producer, scans, scan } = body
  return (
    isObject(scans) &&
    typeof scans.count === "number" &&
    (scans.first_scanned_at === null || isDate(scans.first_scanned_at)) &&
    (scan === null || (isObject(scan) && isString(scan.id) && typeof scan.number === "number")) &&
    isObject(stamp) &&
    isString(stamp.serial) &&
    isString(stamp.uri) &&
    isString(stamp.state) &&
    isString(stamp.issued_at) &&
    !Number.isNaN(Date.parse(stamp.issued_at)) &&
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

/** Voided and suspicious stamps are not vouched for: the page shows the warning, not the product. */
export function reshapeProvenance(api: ApiProvenance): GenuineProvenance | NotGenuineProvenance {
  if (api.verdict === "voided" || api.verdict === "suspicious") {
    return { verdict: "not_genuine", serial: api.stamp.serial, reason: api.verdict }
  }
  return {
    verdict: "genuine",
    stamp: {
      serial: api.stamp.serial,
      uri: api.stamp.uri,
      state: api.stamp.state,
      issuedAt: new Date(api.stamp.issued_at),
    },
    batch: {
      id: api.batch.id,
      lotCode: api.batch.lot_code,
      quantity: api.batch.quantity,
      unit: api.batch.unit,
      state: api.batch.state,
    },
    product: { id: api.product.id, title: api.product.title, gtin: api.product.gtin },
    sellerId: api.producer.id,
    scans: {
      count: api.scans.count,
      firstScannedAt: api.scans.first_scanned_at ? new Date(api.scans.first_scanned_at) : null,
    },
    scan: api.scan ? { id: api.scan.id, number: api.scan.number } : null,
  }
}
