import { z } from "zod"
import { MAX_STAMPS_PER_REQUEST, type StampJob } from "../../domain/stamp.js"
import { DEFAULT_LAYOUT, LAYOUT_LIMITS, type SheetLayout } from "../../render/layout.js"

export const idParams = z.strictObject({ id: z.uuid("must be a UUID") })

export const serialParams = {
  type: "object",
  properties: { serial: { type: "string", maxLength: 20 } },
  required: ["serial"],
} as const

// Other headers pass through untouched: only the key is checked.
export const idempotencyHeaders = z.looseObject({
  "idempotency-key": z
    .string({ error: "is required: send an Idempotency-Key header, new for each print run" })
    .min(1, "must not be empty")
    .max(255, "must be at most 255 characters"),
})

function layoutField(name: keyof SheetLayout, coerce: boolean) {
  const { min, max, integer } = LAYOUT_LIMITS[name]
  const base = coerce ? z.coerce.number("must be a number") : z.number("must be a number")
  const number = integer ? base.int("must be a whole number") : base
  return number.min(min, `must be at least ${min}`).max(max, `must be at most ${max}`).optional()
}

function layoutObject(coerce: boolean) {
  const names = Object.keys(LAYOUT_LIMITS) as (keyof SheetLayout)[]
  return z.strictObject(
    Object.fromEntries(names.map((name) => [name, layoutField(name, coerce)])) as Record<
      keyof SheetLayout,
      ReturnType<typeof layoutField>
    >,
  )
}

export const issueBody = z.strictObject({
  count: z
    .number("must be a number")
    .int("must be a whole number")
    .min(1, "must be at least 1")
    .max(MAX_STAMPS_PER_REQUEST, `must be at most ${MAX_STAMPS_PER_REQUEST}`),
  /** The label sheet this run is for; the PDF of the job uses it. */
  layout: layoutObject(false).optional(),
})
export type IssueBody = z.infer<typeof issueBody>

/** A sheet's layout from the query string, over the job's or the default one. */
export const layoutQuery = layoutObject(true)

const serial = z.string("must be a serial").min(1, "must not be empty").max(20, "is too long")

export const voidBody = z.strictObject({
  from_serial: serial.optional(),
  to_serial: serial.optional(),
  serials: z
    .array(serial)
    .min(1, "must list at least one serial")
    .max(MAX_STAMPS_PER_REQUEST, `must list at most ${MAX_STAMPS_PER_REQUEST} serials`)
    .optional(),
  reason: z
    .string({ error: "is required: say why the stamps are voided" })
    .trim()
    .min(1, "must not be empty")
    .max(500, "must be at most 500 characters"),
})
export type VoidBody = z.infer<typeof voidBody>

export const voidResultSchema = {
  type: "object",
  properties: { voided: { type: "integer" }, already_voided: { type: "integer" } },
  required: ["voided", "already_voided"],
} as const

const layoutResponse = {
  type: "object",
  properties: Object.fromEntries(
    Object.keys(DEFAULT_LAYOUT).map((name) => [name, { type: "number" }]),
  ),
} as const

export const jobSchema = {
  type: "object",
  properties: {
    id: { type: "string" },
    batch_id: { type: "string" },
    state: { type: "string", enum: ["pending", "running", "done", "failed"] },
    count: { type: "integer" },
    issued: { type: "integer" },
    first_seq: { type: "integer" },
    last_seq: { type: "integer" },
    layout: layoutResponse,
    created_at: { type: "string", format: "date-time" },
    finished_at: { type: ["string", "null"], format: "date-time" },
    error: { type: ["string", "null"] },
    links: {
      type: "object",
      properties: {
        self: { type: "string" },
        stamps_csv: { type: "string" },
        sheet_pdf: { type: "string" },
      },
      required: ["self"],
    },
  },
  required: ["id", "batch_id", "state", "count", "issued", "first_seq", "last_seq", "links"],
} as const

export const issuedSchema = {
  type: "object",
  properties: {
    job: jobSchema,
    stamps: {
      type: "array",
      items: {
        type: "object",
        properties: {
          serial: { type: "string" },
          uri: { type: "string" },
          seq: { type: "integer" },
        },
        required: ["serial", "uri", "seq"],
      },
    },
  },
  required: ["job"],
} as const

/** A job as callers see it; the output links appear once its stamps are all issued. */
export function jobResponse(job: StampJob) {
  const self = `/stamp-jobs/${job.id}`
  return {
    id: job.id,
    batch_id: job.batchId,
    state: job.state,
    count: job.count,
    issued: job.issued,
    first_seq: job.firstSeq,
    last_seq: job.firstSeq + job.count - 1,
    layout: job.layout,
    created_at: job.createdAt.toISOString(),
    finished_at: job.finishedAt?.toISOString() ?? null,
    error: job.error,
    links:
      job.state === "done"
        ? { self, stamps_csv: `${self}/stamps.csv`, sheet_pdf: `${self}/sheet.pdf` }
        : { self },
  }
}
