import type { FastifyInstance, FastifyReply } from "fastify"
import type { Batch } from "../../domain/batch.js"
import type { StampJob } from "../../domain/stamp.js"
import { csvStream } from "../../render/csv.js"
import { layoutProblem, type SheetLayout, withDefaults } from "../../render/layout.js"
import { renderSheet } from "../../render/pdf.js"
import { QrPool } from "../../render/qr-pool.js"
import type { RouteContext } from "../context.js"
import { badRequest, errorSchema } from "../errors.js"
import { zodSchema, zodValidatorCompiler } from "../zod.js"
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
  { jwtKey, config, services }: RouteContext,
): void {
  const qrPool = new QrPool(config.stampSheetThreads)
  app.addHook("onClose", () => qrPool.close())
  const withAuth = { preValidation: authenticated(jwtKey), validatorCompiler: zodValidatorCompiler }
  const params = zodSchema(idParams)
  const querystring = zodSchema(layoutQuery)

  const jobRange = (job: StampJob) => ({
    fromSeq: job.firstSeq,
    toSeq: job.firstSeq + job.count - 1,
  })

  app.get<{ Params: { id: string } }>(
    "/batches/:id/stamps.csv",
    { ...withAuth, schema: { params, response: csvResponses } },
    async (request, reply) => {
      const batch = await services.stamps.printableBatch(request.actor!, request.params.id)
      return sendCsv(reply, `tem-${batch.lotCode}`, services.stamps.stampsInOrder(batch))
    },
  )

  app.get<{ Params: { id: string }; Querystring: Partial<SheetLayout> }>(
    "/batches/:id/stamps.pdf",
    { ...withAuth, schema: { params, querystring, response: pdfResponses } },
    async (request, reply) => {
      const batch = await services.stamps.printableBatch(request.actor!, request.params.id)
      const rows = services.stamps.stampsInOrder(batch, { issuedOnly: true })
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
      const { job, batch } = await services.stamps.doneJob(request.actor!, request.params.id)
      const name = `tem-${batch.lotCode}-${job.firstSeq}-${job.firstSeq + job.count - 1}`
      return sendCsv(reply, name, services.stamps.stampsInOrder(batch, jobRange(job)))
    },
  )

  app.get<{ Params: { id: string }; Querystring: Partial<SheetLayout> }>(
    "/stamp-jobs/:id/sheet.pdf",
    { ...withAuth, schema: { params, querystring, response: pdfResponses } },
    async (request, reply) => {
      const { job, batch } = await services.stamps.doneJob(request.actor!, request.params.id)
      const rows = services.stamps.stampsInOrder(batch, { ...jobRange(job), issuedOnly: true })
      const name = `tem-${batch.lotCode}-${job.firstSeq}-${job.firstSeq + job.count - 1}`
      return sendPdf(qrPool, reply, name, batch, { ...job.layout, ...request.query }, rows)
    },
  )
}
