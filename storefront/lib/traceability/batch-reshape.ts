import { isObject, isString, type Json } from "./read"
import { reshapeEvents } from "./reshape-events"
import { reshapeBatch, reshapeCertifications, reshapeSeller } from "./reshape-record"
import type { Batch, Certifications, Seller, TraceEvent } from "./types"

/**
 * What the shop's product page shows of where a product comes from: its newest batch that is not
 * recalled, with the batch's events (GET /products/{product_id}/provenance). No stamp, no scan.
 */
export type ProductOrigin = {
  batch: Batch
  seller: Seller
  certifications: Certifications
  /** In the order they were recorded. */
  events: TraceEvent[]
}

/** Whether a 200 body has the batch and producer the section needs; the rest is read leniently. */
export function isApiProductOrigin(body: unknown): body is Json & { batch: Json; producer: Json } {
  if (!isObject(body) || !isObject(body.batch) || !isObject(body.producer)) return false
  const { batch, producer } = body
  return (
    isString(batch.id) &&
    isString(batch.lot_code) &&
    typeof batch.quantity === "number" &&
    isString(batch.unit) &&
    isString(producer.id)
  )
}

export function reshapeProductOrigin(body: Json & { batch: Json; producer: Json }): ProductOrigin {
  return {
    batch: reshapeBatch(body.batch),
    seller: reshapeSeller(body.producer),
    certifications: reshapeCertifications(body.certifications),
    events: reshapeEvents(body.events),
  }
}
