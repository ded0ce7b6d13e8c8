import { day, isObject, type Json, nullableStr, num, oneOf, str } from "./read"
import type { Batch, Certifications, Seller } from "./types"

// The parts of the service's provenance record that a stamp's answer (reshape.ts) and a
// product's newest batch (batch-reshape.ts) share.

export function reshapeBatch(batch: Json): Batch {
  const area = isObject(batch.area) ? batch.area : {}
  return {
    id: String(batch.id),
    lotCode: String(batch.lot_code),
    quantity: Number(batch.quantity),
    unit: String(batch.unit),
    state: oneOf(["open", "sealed", "recalled"] as const, batch.state) ?? "open",
    recallReason: nullableStr(batch.recall_reason),
    harvestedOn: day(batch.harvested_on),
    producedOn: day(batch.produced_on),
    packedOn: day(batch.packed_on),
    expiresOn: day(batch.expires_on),
    area: { village: nullableStr(area.village), plot: nullableStr(area.plot) },
  }
}

export function reshapeSeller(producer: Json): Seller {
  const id = String(producer.id)
  return {
    id,
    // The snapshot always has a name; the id is better than a blank if one ever lacks it.
    name: str(producer.name) ?? id,
    kind: oneOf(["cooperative", "household"] as const, producer.kind) ?? null,
    address: nullableStr(producer.address),
    phone: nullableStr(producer.phone),
    village: nullableStr(producer.village_name),
    commune: str(producer.commune_name) ?? "",
    province: str(producer.province_name) ?? "",
  }
}

export function reshapeCertifications(value: unknown): Certifications {
  const c = isObject(value) ? value : {}
  const vietgap = isObject(c.vietgap) ? c.vietgap : null
  const organic = isObject(c.organic) ? c.organic : null
  const vietgapNumber = str(vietgap?.number)
  const validFrom = day(vietgap?.valid_from)
  const validUntil = day(vietgap?.valid_until)
  const certifier = str(organic?.certifier)
  const organicNumber = str(organic?.number)
  const stars = num(c.ocop_stars)
  const ocop = isObject(c.ocop) ? c.ocop : null
  return {
    vietgap:
      vietgapNumber && validFrom && validUntil
        ? { number: vietgapNumber, validFrom, validUntil }
        : null,
    organic: certifier && organicNumber ? { certifier, number: organicNumber } : null,
    ocopStars: stars === 3 || stars === 4 || stars === 5 ? stars : null,
    ocopCertificate:
      ocop && (stars === 3 || stars === 4 || stars === 5)
        ? { number: str(ocop.certificate_number) ?? null, expiresOn: day(ocop.expires_on) }
        : null,
  }
}
