import type { FastifyInstance, FastifyRequest } from "fastify"
import QRCode from "qrcode"
import { nextVietnamMidnight, quotaRefusal, vietnamDay } from "../../domain/seller-trust.js"
import { verifySerial } from "../../domain/serial.js"
import { newStamps } from "../../jobs/stamp-issuer.js"
import { msg } from "../../messages.js"
import { layoutProblem, type SheetLayout, withDefaults } from "../../render/layout.js"
import { ERROR_CORRECTION, QUIET_ZONE } from "../../render/qr.js"
import { type QrFormat, QrImageCache } from "../../render/qr-images.js"
import { inTransaction } from "../../store/db.js"
import { reserveStampQuota } from "../../store/seller-trust.js"
import {
  findJobByKey,
  findStampUri,
  type IssuedStamp,
  insertJob,
  insertStamps,
  jobStamps,
  type StampJob,
} from "../../store/stamps.js"
import { authenticate } from "../auth.js"
import { lockBatchForWrite, writerOf } from "../batch-access.js"
import type { RouteContext } from "../context.js"
import { badRequest, errorSchema, HttpError } from "../errors.js"
import { approvedBatchWrite } from "../product-access.js"
import { zodSchema, zodValidatorCompiler } from "../zod.js"
import { stampJobRoutes } from "./stamp-jobs.js"
import { stampListRoutes } from "./stamp-list.js"
import { stampOutputRoutes } from "./stamp-outputs.js"
import {
  INLINE_MAX,
  type IssueBody,
  idempotencyHeaders,
  idParams,
  issueBody,
  issuedSchema,
  jobResponse,
  serialParams,
} from "./stamp-schemas.js"
import { stampVoidRoutes } from "./stamp-void.js"

/** What the routes need of the background worker: a nudge when a job was created. */
export interface JobKicker {
  kick(): void
}

export const authenticated = (jwtKey: Uint8Array) => async (request: FastifyRequest) => {
  request.actor = await authenticate(request, jwtKey)
}

/** Over the seller's daily quota: 429 with when it starts again (Vietnam's midnight). */
class QuotaExceededError extends HttpError {
  constructor(limit: number, used: number, requested: number, resetsAt: Date) {
    const text = quotaRefusal(limit, used, requested, resetsAt)
    super(429, "stamp_quota_exceeded", text, "count")
    this.resetsAt = resetsAt
  }
}

/** Two layouts ask for the same sheet (key order in stored JSON does not matter). */
const sameLayout = (a: SheetLayout, b: SheetLayout) =>
  (Object.keys(b) as (keyof SheetLayout)[]).every((key) => a[key] === b[key])

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

export function stampRoutes(app: FastifyInstance, context: RouteContext, jobs: JobKicker): void {
  const { pool, jwtKey, config } = context

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
      const actor = request.actor!
      const { id } = request.params
      const { count } = request.body
      const key = request.headers["idempotency-key"]
      const layout = withDefaults(request.body.layout)
      const problem = layoutProblem(layout)
      if (problem) throw badRequest(problem.field, problem.text)
      // Only an approved seller's stamps, for a product it still lists (or drafts).
      await approvedBatchWrite(request, context, actor, id, (ids) =>
        app.scanService.sellersChanged(ids),
      )

      const result = await inTransaction(pool, async (client) => {
        // The batch row lock serialises issuance per batch: retries racing with the same key
        // cannot both see "no job yet", and the issue numbers a job reserves stay its own.
        const batch = await lockBatchForWrite(client, id, actor)
        const earlier = await findJobByKey(client, id, key)
        if (earlier) {
          if (earlier.count !== count || !sameLayout(earlier.layout, layout)) {
            throw new HttpError(409, "idempotency_key_reused", msg.keyReused(key, earlier.count))
          }
          const stamps = earlier.count <= INLINE_MAX ? await jobStamps(client, earlier) : null
          return { job: earlier, stamps, replayed: true }
        }
        if (batch.state === "recalled") {
          throw new HttpError(409, "batch_recalled", msg.recalledNoStamps(id))
        }
        const quota = config.trust.stampDailyQuota
        if (quota > 0) {
          const now = new Date()
          const { granted, used } = await reserveStampQuota(
            client,
            batch.sellerId,
            vietnamDay(now),
            count,
            quota,
          )
          if (!granted) {
            const resetsAt = nextVietnamMidnight(now)
            reply.header(
              "retry-after",
              String(Math.ceil((resetsAt.getTime() - now.getTime()) / 1000)),
            )
            throw new QuotaExceededError(quota, used, count, resetsAt)
          }
        }
        const writer = writerOf(actor)
        const newJob = {
          batchId: id,
          idempotencyKey: key,
          count,
          layout,
          createdByType: writer.actorType,
          createdBy: writer.actorId,
          onBehalfOf: writer.onBehalfOf,
        }
        if (count > INLINE_MAX) {
          return {
            job: await insertJob(client, newJob, { complete: false }),
            stamps: null,
            replayed: false,
          }
        }
        const job = await insertJob(client, newJob, { complete: true })
        const stamps = newStamps(config, batch, job.firstSeq, count)
        await insertStamps(client, id, job.id, stamps)
        return { job, stamps, replayed: false }
      })

      const { job, stamps, replayed } = result as {
        job: StampJob
        stamps: IssuedStamp[] | null
        replayed: boolean
      }
      if (replayed) reply.header("idempotent-replayed", "true")
      else request.log.info({ batchId: id, jobId: job.id, count }, "stamp job created")
      if (stamps) return reply.status(201).send({ job: jobResponse(job), stamps })
      if (!replayed) jobs.kick()
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
  const uriOf = (serial: string) => findStampUri(pool, serial)
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
