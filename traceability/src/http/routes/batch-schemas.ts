import type { BatchRecord } from "@coop/contracts/batches"
import { latitude, longitude, text } from "@coop/contracts/events"
import { z } from "zod"
import type { Batch, BatchDetails } from "../../domain/batch.js"
import { lotCodeText } from "../../domain/digital-link.js"

/** Request and response shapes of the batch routes. */

const day = z.iso.date("must be a date like 2025-10-01")
const positive = z.number().positive("must be greater than 0").max(1e12, "is too large")

const lotCode = z.string().superRefine((value, ctx) => {
  const problem = lotCodeText(value)
  if (problem) ctx.addIssue({ code: "custom", message: problem.en, params: { text: problem } })
})

const area = z.strictObject({
  village: text(100).nullish(),
  plot: text(100).nullish(),
  lat: latitude.nullish(),
  lng: longitude.nullish(),
})

const dates = z.strictObject({
  started_on: day.nullish(),
  harvested_on: day.nullish(),
  produced_on: day.nullish(),
  packed_on: day.nullish(),
  expires_on: day.nullish(),
})

const certifications = z.strictObject({
  vietgap: z.strictObject({ number: text(100), valid_from: day, valid_until: day }).nullish(),
  organic: z.strictObject({ certifier: text(200), number: text(100) }).nullish(),
  ocop_stars: z
    .union([z.literal(3), z.literal(4), z.literal(5)], { error: "must be 3, 4 or 5" })
    .nullish(),
})

export const batchIdParams = z.strictObject({ id: z.uuid("must be a UUID") })

export const createBatchBody = z.strictObject({
  product_id: text(100),
  lot_code: lotCode,
  quantity: positive,
  unit: text(20),
  /** Operators name the seller they act for; others may only repeat their own. */
  seller_id: text(100).optional(),
  area: area.optional(),
  dates: dates.optional(),
  certifications: certifications.optional(),
})
export type CreateBatchBody = z.infer<typeof createBatchBody>

export const patchBatchBody = z.strictObject({
  quantity: positive.optional(),
  unit: text(20).optional(),
  area: area.optional(),
  dates: dates.optional(),
  certifications: certifications.optional(),
  state: z.enum(["open", "sealed", "recalled"]).optional(),
  recall_reason: text(500).optional(),
})
export type PatchBatchBody = z.infer<typeof patchBatchBody>

export const recallBody = z.strictObject({ reason: text(500) })

export const listQuery = z.strictObject({
  seller_id: text(100).optional(),
  product_id: text(100).optional(),
  state: z.enum(["open", "sealed", "recalled"]).optional(),
  limit: z.coerce.number().int("must be a whole number").min(1).max(100).default(20),
  offset: z.coerce.number().int("must be a whole number").min(0).max(1_000_000).default(0),
})

const pick = <T>(change: T | null | undefined, current: T | null): T | null =>
  change === undefined ? current : change

/**
 * Applies a body's details over current ones: fields left out keep their value, null clears
 * one. Creating a batch is applying the body over empty details.
 */
export function mergeDetails(
  current: BatchDetails,
  body: Pick<PatchBatchBody, "quantity" | "unit" | "area" | "dates" | "certifications">,
): BatchDetails {
  const a = body.area ?? {}
  const d = body.dates ?? {}
  const c = body.certifications ?? {}
  const vietgap = pick(c.vietgap, null)
  return {
    quantity: body.quantity ?? current.quantity,
    unit: body.unit ?? current.unit,
    area: {
      village: pick(a.village, current.area.village),
      plot: pick(a.plot, current.area.plot),
      lat: pick(a.lat, current.area.lat),
      lng: pick(a.lng, current.area.lng),
    },
    dates: {
      startedOn: pick(d.started_on, current.dates.startedOn),
      harvestedOn: pick(d.harvested_on, current.dates.harvestedOn),
      producedOn: pick(d.produced_on, current.dates.producedOn),
      packedOn: pick(d.packed_on, current.dates.packedOn),
      expiresOn: pick(d.expires_on, current.dates.expiresOn),
    },
    certifications: {
      vietgap:
        c.vietgap === undefined
          ? current.certifications.vietgap
          : vietgap && {
              number: vietgap.number,
              validFrom: vietgap.valid_from,
              validUntil: vietgap.valid_until,
            },
      organic: pick(c.organic, current.certifications.organic),
      // The registry's, set by the service from the backend at every write (withRegistry).
      ocopStars: current.certifications.ocopStars,
      ocopCertificateNumber: current.certifications.ocopCertificateNumber,
      ocopExpiresOn: current.certifications.ocopExpiresOn,
    },
  }
}

const nullableString = { type: ["string", "null"] } as const
const nullableNumber = { type: ["number", "null"] } as const
const dateTime = { type: "string", format: "date-time" } as const
const nullableDateTime = { type: ["string", "null"], format: "date-time" } as const

export const batchSchema = {
  type: "object",
  properties: {
    id: { type: "string" },
    seller_id: { type: "string" },
    product_id: { type: "string" },
    product_title: { type: "string" },
    product_handle: { type: "string" },
    product_thumbnail: nullableString,
    gtin: nullableString,
    lot_code: { type: "string" },
    quantity: { type: "number" },
    unit: { type: "string" },
    state: { type: "string", enum: ["open", "sealed", "recalled"] },
    seller: {
      type: "object",
      properties: {
        handle: { type: "string" },
        name: { type: "string" },
        kind: { type: ["string", "null"], enum: ["cooperative", "household", null] },
        address: nullableString,
        phone: nullableString,
        commune_code: { type: "string" },
        commune_name: { type: "string" },
        province_code: { type: "string" },
        province_name: { type: "string" },
        village_name: nullableString,
      },
    },
    area: {
      type: "object",
      properties: {
        village: nullableString,
        plot: nullableString,
        lat: nullableNumber,
        lng: nullableNumber,
      },
    },
    dates: {
      type: "object",
      properties: {
        started_on: nullableString,
        harvested_on: nullableString,
        produced_on: nullableString,
        packed_on: nullableString,
        expires_on: nullableString,
      },
    },
    certifications: {
      type: "object",
      properties: {
        vietgap: {
          type: ["object", "null"],
          properties: {
            number: { type: "string" },
            valid_from: { type: "string" },
            valid_until: { type: "string" },
          },
        },
        organic: {
          type: ["object", "null"],
          properties: { certifier: { type: "string" }, number: { type: "string" } },
        },
        ocop_stars: { type: ["integer", "null"] },
        ocop: {
          type: ["object", "null"],
          description: "the commune OCOP registry's certificate, copied at every write",
          properties: {
            stars: { type: "integer" },
            certificate_number: nullableString,
            expires_on: nullableString,
          },
        },
      },
    },
    events: {
      type: "object",
      properties: { count: { type: "integer" }, head_hash: nullableString },
    },
    created_at: dateTime,
    created_by: { type: "string" },
    created_by_type: { type: "string" },
    on_behalf_of: nullableString,
    updated_at: dateTime,
    sealed_at: nullableDateTime,
    recalled_at: nullableDateTime,
    recall_reason: nullableString,
  },
  required: ["id", "seller_id", "product_id", "product_title", "gtin", "lot_code", "quantity"],
} as const

/**
 * A batch as every batch route answers it: the wire shape of `@coop/contracts/batches`, which the
 * storefront's portal reads (batchSchema above is its JSON Schema, for the serialiser and the
 * OpenAPI document; test/batches.test.ts checks each answer against the contract).
 */
export function batchResponse(batch: Batch): BatchRecord {
  const { seller: s, area, dates: d, certifications: c } = batch
  return {
    id: batch.id,
    seller_id: batch.sellerId,
    product_id: batch.productId,
    product_title: batch.productTitle,
    product_handle: batch.productHandle,
    product_thumbnail: batch.productThumbnail,
    gtin: batch.gtin,
    lot_code: batch.lotCode,
    quantity: batch.quantity,
    unit: batch.unit,
    state: batch.state,
    seller: {
      handle: s.handle,
      name: s.name,
      kind: s.kind,
      address: s.address,
      phone: s.phone,
      commune_code: s.communeCode,
      commune_name: s.communeName,
      province_code: s.provinceCode,
      province_name: s.provinceName,
      village_name: s.villageName,
    },
    area,
    dates: {
      started_on: d.startedOn,
      harvested_on: d.harvestedOn,
      produced_on: d.producedOn,
      packed_on: d.packedOn,
      expires_on: d.expiresOn,
    },
    certifications: {
      vietgap: c.vietgap && {
        number: c.vietgap.number,
        valid_from: c.vietgap.validFrom,
        valid_until: c.vietgap.validUntil,
      },
      organic: c.organic,
      ocop_stars: c.ocopStars,
      ocop: c.ocopStars
        ? {
            stars: c.ocopStars,
            certificate_number: c.ocopCertificateNumber,
            expires_on: c.ocopExpiresOn,
          }
        : null,
    },
    events: { count: batch.eventCount, head_hash: batch.eventHeadHash },
    created_at: batch.createdAt.toISOString(),
    created_by: batch.createdBy,
    created_by_type: batch.createdByType,
    on_behalf_of: batch.onBehalfOf,
    updated_at: batch.updatedAt.toISOString(),
    sealed_at: batch.sealedAt?.toISOString() ?? null,
    recalled_at: batch.recalledAt?.toISOString() ?? null,
    recall_reason: batch.recallReason,
  }
}
