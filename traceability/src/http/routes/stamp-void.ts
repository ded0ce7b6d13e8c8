import type { FastifyInstance } from "fastify"
import { verifySerial } from "../../domain/serial.js"
import { msg } from "../../messages.js"
import { inTransaction } from "../../store/db.js"
import { seqsOf, voidStamps } from "../../store/stamps.js"
import { lockBatchForWrite, writerOf } from "../batch-access.js"
import type { RouteContext } from "../context.js"
import { badRequest, errorSchema } from "../errors.js"
import { zodSchema, zodValidatorCompiler } from "../zod.js"
import { idParams, type VoidBody, voidBody, voidResultSchema } from "./stamp-schemas.js"
import { authenticated } from "./stamps.js"

/**
 * Voiding a lost or spoilt roll: by a range in issue order (`from_serial` .. `to_serial`, both
 * printed on the roll) or by a list of serials. Voided stamps still resolve, as voided, so a
 * buyer holding one is warned. Voiding again changes nothing and keeps the first who and why.
 */
export function stampVoidRoutes(
  app: FastifyInstance,
  { pool, jwtKey, config }: RouteContext,
): void {
  app.post<{ Params: { id: string }; Body: VoidBody }>(
    "/batches/:id/stamps/void",
    {
      schema: {
        params: zodSchema(idParams),
        body: zodSchema(voidBody),
        response: { 200: voidResultSchema, "4xx": errorSchema },
      },
      validatorCompiler: zodValidatorCompiler,
      preValidation: authenticated(jwtKey),
    },
    async (request) => {
      const actor = request.actor!
      const { id } = request.params
      const body = request.body
      const byRange = body.from_serial !== undefined || body.to_serial !== undefined
      if (byRange && body.serials) {
        throw badRequest("serials", msg.voidEither())
      }
      if (!byRange && !body.serials) {
        throw badRequest("serials", msg.voidNeither())
      }
      if (byRange) {
        if (body.from_serial === undefined)
          throw badRequest("from_serial", msg.missing("from_serial"))
        if (body.to_serial === undefined) throw badRequest("to_serial", msg.missing("to_serial"))
      }
      const serials = byRange ? [body.from_serial!, body.to_serial!] : [...new Set(body.serials!)]
      // Forged serials are refused before the database is asked.
      const forged = serials.find((serial) => !verifySerial(serial, config.stampSigningSecret))
      if (forged) throw badRequest(fieldOf(byRange, body, forged), msg.notGenuineSerial(forged))

      const result = await inTransaction(pool, async (client) => {
        await lockBatchForWrite(client, id, actor)
        const seqs = await seqsOf(client, id, serials)
        const unknown = serials.find((serial) => !seqs.has(serial))
        if (unknown) {
          throw badRequest(fieldOf(byRange, body, unknown), msg.notStampOfBatch(unknown, id))
        }
        const writer = writerOf(actor)
        const by = { ...writer, reason: body.reason }
        if (!byRange) return voidStamps(client, id, { serials }, by)
        const fromSeq = seqs.get(body.from_serial!)!
        const toSeq = seqs.get(body.to_serial!)!
        if (fromSeq > toSeq) {
          throw badRequest("to_serial", msg.voidRangeOrder(toSeq, fromSeq))
        }
        return voidStamps(client, id, { fromSeq, toSeq }, by)
      })
      request.log.info({ batchId: id, ...result }, "stamps voided")
      return { voided: result.voided, already_voided: result.alreadyVoided }
    },
  )
}

function fieldOf(byRange: boolean, body: VoidBody, serial: string): string {
  if (!byRange) return "serials"
  return body.from_serial === serial ? "from_serial" : "to_serial"
}
