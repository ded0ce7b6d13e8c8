import type { FastifyInstance, FastifyRequest } from "fastify"
import QRCode from "qrcode"
import { verifySerial } from "../../domain/serial.js"
import { msg } from "../../messages.js"
import { withDefaults } from "../../render/layout.js"
import { ERROR_CORRECTION, QUIET_ZONE } from "../../render/qr.js"
import { type QrFormat, QrImageCache } from "../../render/qr-images.js"
import { authenticate, callerOf } from "../auth.js"
import type { RouteContext } from "../context.js"
import { errorSchema, HttpError } from "../errors.js"
import { zodSchema, zodValidatorCompiler } from "../zod.js"
import { stampJobRoutes } from "./stamp-jobs.js"
import { stampListRoutes } from "./stamp-list.js"
import { stampOutputRoutes } from "./stamp-outputs.js"
import {
  type IssueBody,
  idempotencyHeaders,
  idParams,
  issueBody,
  issuedSchema,
  jobResponse,
  serialParams,
} from "./stamp-schemas.js"
import { stampVoidRoutes } from "./stamp-void.js"

export const authenticated = (jwtKey: Uint8Array) => async (request: FastifyRequest) => {
  request.actor = await authenticate(request, jwtKey)
}

const notFound = (serial: string) => new HttpError(404, "not_found", msg.stampNotFound(serial))

declare module "fastify" {
  interface FastifyInstance {
    /** The stamps' QR images, rendered once each (tests read its renders). */
    qrImages: QrImageCache
  }
}

/** A stamp's QR code as the label shows it: error correction M, a 4-module quiet zone. */
const renderQr = (uri: string, format: QrFormat): Promise<Buffer> =>
  format === "png"
    ? QRCode.toBuffer(uri, {
        type: "png",
        errorCorrectionLevel: ERROR_CORRECTION,
        margin: QUIET_ZONE,
        scale: 8,
      })
    : QRCode.toString(uri, {
        type: "svg",
        errorCorrectionLevel: ERROR_CORRECTION,
        margin: QUIET_ZONE,
      }).then((svg) => Buffer.from(svg))

/** HTTP for stamps: parse, call services/stamps.ts and services/voids.ts, shape the answer. */
export function stampRoutes(app: FastifyInstance, context: RouteContext): void {
  const { jwtKey, config, services } = context

  app.post<{ Params: { id: string }; Body: IssueBody; Headers: { "idempotency-key": string } }>(
    "/batches/:id/stamps",
    {
      schema: {
        params: zodSchema(idParams),
        headers: zodSchema(idempotencyHeaders),
        body: zodSchema(issueBody),
        response: { 201: issuedSchema, 202: issuedSchema, "4xx": errorSchema },
      },
      validatorCompiler: zodValidatorCompiler,
      // Authentication runs before validation, so an anonymous caller learns nothing.
      preValidation: authenticated(jwtKey),
    },
    async (request, reply) => {
      const { id } = request.params
      const { job, stamps, replayed } = await services.stamps.issue(callerOf(request), id, {
        count: request.body.count,
        layout: withDefaults(request.body.layout),
        idempotencyKey: request.headers["idempotency-key"],
      })
      if (replayed) reply.header("idempotent-replayed", "true")
      else request.log.info({ batchId: id, jobId: job.id, count: job.count }, "stamp job created")
      if (stamps) return reply.status(201).send({ job: jobResponse(job), stamps })
      return reply
        .status(202)
        .header("location", `/stamp-jobs/${job.id}`)
        .send({ job: jobResponse(job) })
    },
  )

  stampJobRoutes(app, context)
  stampOutputRoutes(app, context)
  stampVoidRoutes(app, context)
  stampListRoutes(app, context)

  // The QR codes a seller prints. Public: anyone holding the serial already holds the label.
  // A serial's image never changes: rendered once, cached here and by every client (immutable).
  const images = new QrImageCache(renderQr)
  app.decorate("qrImages", images)
  const uriOf = (serial: string) => services.stamps.uriOf(serial)
  for (const format of ["png", "svg"] as const) {
    app.get<{ Params: { serial: string } }>(
      `/stamps/:serial.${format}`,
      { schema: { params: serialParams } },
      async (request, reply) => {
        const { serial } = request.params
        if (!verifySerial(serial, config.stampSigningSecret)) throw notFound(serial)
        const found = images.get(serial, format, uriOf)
        const image = found instanceof Promise ? await found : found
        if (!image) throw notFound(serial)
        reply
          .header("cache-control", "public, max-age=31536000, immutable")
          .header("etag", image.etag)
        if (request.headers["if-none-match"] === image.etag) return reply.status(304).send()
        return reply.type(format === "png" ? "image/png" : "image/svg+xml").send(image.bytes)
      },
    )
  }
}
