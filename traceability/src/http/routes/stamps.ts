import type { FastifyInstance } from "fastify"
import QRCode from "qrcode"
import { stampUri } from "../../domain/digital-link.js"
import { createSerial, verifySerial } from "../../domain/serial.js"
import { findBatch } from "../../store/batches.js"
import { inTransaction } from "../../store/db.js"
import {
  findStampsByIdempotencyKey,
  findStampUri,
  type IssuedStamp,
  insertStamps,
} from "../../store/stamps.js"
import { authenticate, mayActForSeller } from "../auth.js"
import type { RouteContext } from "../context.js"
import { badRequest, errorSchema, HttpError } from "../errors.js"
import { uuidParams } from "./batches.js"

export const MAX_STAMPS_PER_REQUEST = 1000

const issueBody = {
  type: "object",
  properties: { count: { type: "integer", minimum: 1, maximum: MAX_STAMPS_PER_REQUEST } },
  required: ["count"],
  additionalProperties: false,
} as const

const issuedStampsSchema = {
  type: "object",
  properties: {
    stamps: {
      type: "array",
      items: {
        type: "object",
        properties: { serial: { type: "string" }, uri: { type: "string" } },
        required: ["serial", "uri"],
      },
    },
  },
  required: ["stamps"],
} as const

const serialParams = {
  type: "object",
  properties: { serial: { type: "string", maxLength: 20 } },
  required: ["serial"],
} as const

const notFound = (serial: string) => new HttpError(404, "not_found", `No stamp ${serial}`)

export function stampRoutes(app: FastifyInstance, { pool, jwtKey, config }: RouteContext): void {
  app.post<{ Params: { id: string }; Body: { count: number } }>(
    "/batches/:id/stamps",
    {
      schema: {
        params: uuidParams,
        body: issueBody,
        headers: {
          type: "object",
          properties: { "idempotency-key": { type: "string", minLength: 1, maxLength: 255 } },
        },
        response: {
          200: issuedStampsSchema,
          201: issuedStampsSchema,
          "4xx": errorSchema,
        },
      },
      preValidation: async (request) => {
        request.actor = await authenticate(request, jwtKey)
      },
    },
    async (request, reply) => {
      const actor = request.actor!
      const { id } = request.params
      const { count } = request.body
      const idempotencyKey = (request.headers["idempotency-key"] as string | undefined) ?? null

      const result = await inTransaction(pool, async (client) => {
        // Locking the batch row serialises issuance per batch, so two retries carrying the same
        // Idempotency-Key cannot both see "nothing issued yet" and print two sets.
        const batch = await findBatch(client, id, { forUpdate: true })
        if (!batch) throw new HttpError(404, "not_found", `No batch ${id}`)
        if (!mayActForSeller(actor, batch.sellerId)) {
          throw new HttpError(403, "forbidden", `Batch ${id} belongs to another seller`)
        }
        if (batch.state === "recalled") {
          throw new HttpError(409, "conflict", `Batch ${id} is recalled; it gets no new stamps`)
        }
        if (idempotencyKey) {
          const earlier = await findStampsByIdempotencyKey(client, id, idempotencyKey)
          if (earlier.length > 0) {
            if (earlier.length !== count) {
              throw badRequest(
                "count",
                `Idempotency-Key ${idempotencyKey} already issued ${earlier.length} stamps, not ${count}`,
              )
            }
            return { stamps: earlier, replayed: true }
          }
        }
        const stamps: IssuedStamp[] = Array.from({ length: count }, () => {
          const serial = createSerial(config.stampSigningSecret)
          return {
            serial,
            uri: stampUri({
              baseUrl: config.publicUrl,
              serial,
              lotCode: batch.lotCode,
              gtin: batch.gtin,
            }),
          }
        }).sort((a, b) => (a.serial < b.serial ? -1 : 1))
        await insertStamps(client, id, stamps, idempotencyKey)
        return { stamps, replayed: false }
      })

      if (result.replayed) reply.header("idempotent-replayed", "true")
      else request.log.info({ batchId: id, count }, "stamps issued")
      return reply.status(201).send({ stamps: result.stamps })
    },
  )

  // The QR codes a seller prints. Public: anyone holding the serial already holds the label.
  app.get<{ Params: { serial: string } }>(
    "/stamps/:serial.png",
    { schema: { params: serialParams } },
    async (request, reply) => {
      const uri = await stampUriOrThrow(request.params.serial)
      const png = await QRCode.toBuffer(uri, { type: "png", errorCorrectionLevel: "M", scale: 8 })
      return reply
        .type("image/png")
        .header("cache-control", "public, max-age=31536000, immutable")
        .send(png)
    },
  )

  app.get<{ Params: { serial: string } }>(
    "/stamps/:serial.svg",
    { schema: { params: serialParams } },
    async (request, reply) => {
      const uri = await stampUriOrThrow(request.params.serial)
      const svg = await QRCode.toString(uri, { type: "svg", errorCorrectionLevel: "M", margin: 4 })
      return reply
        .type("image/svg+xml")
        .header("cache-control", "public, max-age=31536000, immutable")
        .send(svg)
    },
  )

  async function stampUriOrThrow(serial: string): Promise<string> {
    if (!verifySerial(serial, config.stampSigningSecret)) throw notFound(serial)
    const uri = await findStampUri(pool, serial)
    if (!uri) throw notFound(serial)
    return uri
  }
}
