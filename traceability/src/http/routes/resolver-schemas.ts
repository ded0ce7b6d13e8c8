import { VERDICTS } from "../../domain/verdict.js"

/**
 * JSON Schemas of the resolver's answers, for the OpenAPI document. The hot path splices cached
 * JSON instead of serialising through them; test/resolver.test.ts validates real answers against
 * these schemas so the two cannot drift apart.
 */

const nullable = (type: string, extra: Record<string, unknown> = {}) => ({
  type: [type, "null"],
  ...extra,
})
const dateTime = { type: "string", format: "date-time" } as const
const day = nullable("string", { format: "date" })
const object = (properties: Record<string, unknown>, required = Object.keys(properties)) => ({
  type: "object",
  properties,
  required,
})

/** What a buyer sees of a batch (store/provenance.ts), at the lot level and within a stamp's answer. */
export const batchProvenanceProperties = {
  batch: object({
    id: { type: "string", format: "uuid" },
    lot_code: { type: "string" },
    quantity: { type: "number" },
    unit: { type: "string" },
    state: { type: "string", enum: ["open", "sealed", "recalled"] },
    created_at: dateTime,
    sealed_at: nullable("string", { format: "date-time" }),
    recalled_at: nullable("string", { format: "date-time" }),
    recall_reason: nullable("string"),
    production_date: day,
    started_on: day,
    harvested_on: day,
    produced_on: day,
    packed_on: day,
    expires_on: day,
    area: object({
      village: nullable("string"),
      plot: nullable("string"),
      lat: nullable("number"),
      lng: nullable("number"),
    }),
  }),
  product: object({
    id: { type: "string" },
    title: { type: "string" },
    handle: { type: "string" },
    thumbnail: nullable("string"),
    gtin: nullable("string"),
  }),
  producer: object({
    id: { type: "string" },
    handle: { type: "string" },
    name: { type: "string" },
    kind: { type: ["string", "null"], enum: ["cooperative", "household", null] },
    address: nullable("string"),
    phone: nullable("string"),
    village_name: nullable("string"),
    commune_code: { type: "string" },
    commune_name: { type: "string" },
    province_code: { type: "string" },
    province_name: { type: "string" },
    state: {
      type: ["string", "null"],
      enum: ["pending", "approved", "suspended", null],
      description:
        "the seller's state as the backend last told this service (null: never told); only approved sellers' stamps read genuine",
    },
  }),
  certifications: object({
    vietgap: {
      type: ["object", "null"],
      properties: {
        number: { type: "string" },
        valid_from: { type: "string", format: "date" },
        valid_until: { type: "string", format: "date" },
      },
      required: ["number", "valid_from", "valid_until"],
    },
    organic: {
      type: ["object", "null"],
      properties: { certifier: { type: "string" }, number: { type: "string" } },
      required: ["certifier", "number"],
    },
    ocop_stars: { type: ["integer", "null"], enum: [3, 4, 5, null] },
    ocop: {
      type: ["object", "null"],
      description:
        "the commune OCOP registry's certificate, copied from the registry at every write",
      properties: {
        stars: { type: "integer", enum: [3, 4, 5] },
        certificate_number: nullable("string"),
        expires_on: day,
      },
      required: ["stars", "certificate_number", "expires_on"],
    },
  }),
  events: {
    type: "array",
    items: object({
      id: { type: "string", format: "uuid" },
      seq: { type: "integer" },
      type: { type: "string" },
      occurred_at: { type: "string", description: "local time with its offset" },
      place: {
        type: ["object", "null"],
        properties: { name: nullable("string"), lat: nullable("number"), lng: nullable("number") },
      },
      actor: nullable("string"),
      photos: { type: "array", items: { type: "string" } },
      note: nullable("string"),
      details: { type: "object", additionalProperties: true },
    }),
  },
  chain: object({ events: { type: "integer" }, head_hash: nullable("string") }),
}

export const lotProvenanceSchema = object(batchProvenanceProperties)

export const stampProvenanceSchema = object({
  verdict: { type: "string", enum: VERDICTS.filter((v) => v !== "not_genuine") },
  scan: {
    type: ["object", "null"],
    description:
      "This scan; `id` is the signed scan id for the storefront and POST /scans/{id}/location",
    properties: {
      id: { type: "string" },
      number: { type: "integer", minimum: 1 },
      scanned_at: dateTime,
    },
    required: ["id", "number", "scanned_at"],
  },
  scans: object({
    count: { type: "integer", minimum: 0 },
    first_scanned_at: nullable("string", { format: "date-time" }),
    last_scanned_at: nullable("string", { format: "date-time" }),
  }),
  stamp: object({
    serial: { type: "string" },
    uri: { type: "string" },
    state: { type: "string", enum: ["issued", "voided"] },
    issued_at: dateTime,
  }),
  ...batchProvenanceProperties,
})

export const productRecordSchema = object({
  product: batchProvenanceProperties.product,
  producer: batchProvenanceProperties.producer,
  lots: {
    type: "array",
    items: object({
      id: { type: "string", format: "uuid" },
      lot_code: { type: "string" },
      state: { type: "string" },
      production_date: day,
      expires_on: day,
      uri: { type: "string" },
    }),
  },
})

export const notGenuineSchema = object({ verdict: { type: "string", enum: ["not_genuine"] } })

// The default link has only href and title, as GS1 defines it.
const linkSchema = object(
  {
    href: { type: "string" },
    title: { type: "string" },
    type: { type: "string" },
    hreflang: { type: "array", items: { type: "string" } },
  },
  ["href", "title"],
)

export const linksetSchema = object({
  linkset: {
    type: "array",
    items: {
      type: "object",
      properties: { anchor: { type: "string" }, itemDescription: { type: "string" } },
      required: ["anchor", "itemDescription"],
      additionalProperties: { type: "array", items: linkSchema },
    },
  },
})

/** A redirect: the target is in Location. */
export const redirectSchema = { type: "null", description: "redirect; see Location" }
