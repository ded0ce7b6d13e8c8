import type { FastifyInstance, FastifyReply } from "fastify"
import { msg } from "../../messages.js"
import { csvStream } from "../../render/csv.js"
import { layoutProblem, type SheetLayout, withDefaults } from "../../render/layout.js"
import { renderSheet } from "../../render/pdf.js"
import { QrPool } from "../../render/qr-pool.js"
import type { Batch } from "../../store/batches.js"
import { findBatch } from "../../store/batches.js"
import { type StampJob, stampsInOrder } from "../../store/stamps.js"
import { batchNotFound, mayWriteBatch } from "../batch-access.js"
import type { RouteContext } from "../context.js"
import { badRequest, errorSchema, HttpError } from "../errors.js"
import { zodSchema, zodValidatorCompiler } from "../zod.js"
import { findJobForWriter } from "./stamp-jobs.js"
import { idParams, layoutQuery } from "./stamp-schemas.js"
import { authenticated } from "./stamps.js"

/**
 * What a print shop gets: a CSV of serials and URIs, and the A4 label sheet as a PDF, for a whole
 * batch or one job. Both stream page by page from the database in issue order. Sheets leave out
 * voided stamps (there is no point printing them); the CSV lists every stamp with its state.
 */

const CSV_COLUMNS = ["serial", "uri", "state", "seq"] as const

// Streams bypass serialisation; these schemas document the answers.
const pdfResponses = {
  200: { type: "string", format: "binary", description: "A4 label sheet (application/pdf)" },
  "4xx": errorSchema,
}
const csvResponses = {
  200: { type: "string", description: "text/csv: serial,uri,state,seq, one stamp per line" },
  "4xx": errorSchema,
}

function notDone(job: StampJob): HttpError {
  return new HttpError(
    409,
    "job_not_done",
    msg.jobNotDone(job.id, job.state, job.issued, job.count),
  )
}

function sendCsv(reply: FastifyReply, name: string, rows: AsyncIterable<{ seq: number }[]>) {
  return reply
    .type("text/csv; charset=utf-8")
    .header("content-disposition", `attachment; filename="${name}.csv"`)
    .send(
      csvStream(CSV_COLUMNS, rows as AsyncIterable<Record<(typeof CSV_COLUMNS)[number], string>[]>),
    )
}

function sendPdf(
  qrPool: QrPool,
  reply: FastifyReply,
  name: string,
  batch: Batch,
  layout: SheetLayout,
  rows: AsyncIterable<{ serial: string; uri: string }[]>,
) {
  const problem = layoutProblem(layout)
  if (problem) throw badRequest(problem.field, problem.text)
  const text = { productTitle: batch.productTitle, lotCode: batch.lotCode }
  const doc = renderSheet(rows, text, layout, { qrPool })
  return reply
    .type("application/pdf")
    .header("content-disposition", `inline; filename="${name}.pdf"`)
    .send(doc)
}

export function stampOutputRoutes(
  app: FastifyInstance,
  { pool, jwtKey, config }: RouteContext,
): void {
  const qrPool = new QrPool(config.stampSheetThreads)
  app.addHook("onClose", () => qrPool.close())
  const withAuth = { preValidation: authenticated(jwtKey), validatorCompiler: zodValidatorCompiler }
  const params = zodSchema(idParams)
  const querystring = zodSchema(layoutQuery)

  async function writableBatch(id: string, actor: Parameters<typeof mayWriteBatch>[0]) {
    const batch = await findBatch(pool, id)
    if (!batch || !mayWriteBatch(actor, batch)) throw batchNotFound(id)
    return batch
  }

  async function doneJob(id: string, actor: Parameters<typeof mayWriteBatch>[0]) {
    const found = await findJobForWriter(pool, id, actor)
    if (found.job.state !== "done") throw notDone(found.job)
    return found
  }

  const jobRange = (job: StampJob) => ({
    fromSeq: job.firstSeq,
    toSeq: job.firstSeq + job.count - 1,
  })

  app.get<{ Params: { id: string } }>(
    "/batches/:id/stamps.csv",
    { ...withAuth, schema: { params, response: csvResponses } },
    async (request, reply) => {
      const batch = await writableBatch(request.params.id, request.actor!)
      return sendCsv(reply, `tem-${batch.lotCode}`, stampsInOrder(pool, batch.id))
    },
  )

  app.get<{ Params: { id: string }; Querystring: Partial<SheetLayout> }>(
    "/batches/:id/stamps.pdf",
    { ...withAuth, schema: { params, querystring, response: pdfResponses } },
    async (request, reply) => {
      const batch = await writableBatch(request.params.id, request.actor!)
      const rows = stampsInOrder(pool, batch.id, { issuedOnly: true })
      return sendPdf(
        qrPool,
        reply,
        `tem-${batch.lotCode}`,
        batch,
        withDefaults(request.query),
        rows,
      )
    },
  )

  app.get<{ Params: { id: string } }>(
    "/stamp-jobs/:id/stamps.csv",
    { ...withAuth, schema: { params, response: csvResponses } },
    async (request, reply) => {
      const { job, batch } = await doneJob(request.params.id, request.actor!)
      const name = `tem-${batch.lotCode}-${job.firstSeq}-${job.firstSeq + job.count - 1}`
      return sendCsv(reply, name, stampsInOrder(pool, batch.id, jobRange(job)))
    },
  )

  app.get<{ Params: { id: string }; Querystring: Partial<SheetLayout> }>(
    "/stamp-jobs/:id/sheet.pdf",
    { ...withAuth, schema: { params, querystring, response: pdfResponses } },
    async (request, reply) => {
      const { job, batch } = await doneJob(request.params.id, request.actor!)
      const rows = stampsInOrder(pool, batch.id, { ...jobRange(job), issuedOnly: true })
      const name = `tem-${batch.lotCode}-${job.firstSeq}-${job.firstSeq + job.count - 1}`
      return sendPdf(qrPool, reply, name, batch, { ...job.layout, ...request.query }, rows)
    },
  )
}
