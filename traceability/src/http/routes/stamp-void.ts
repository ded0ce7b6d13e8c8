import type { FastifyInstance } from "fastify"
import { msg } from "../../messages.js"
import type { VoidSelection } from "../../services/voids.js"
import type { RouteContext } from "../context.js"
import { badRequest, errorSchema } from "../errors.js"
import { zodSchema, zodValidatorCompiler } from "../zod.js"
import { idParams, type VoidBody, voidBody, voidResultSchema } from "./stamp-schemas.js"
import { authenticated } from "./stamps.js"

/** The body's selection: a range (`from_serial` .. `to_serial`) or a list (`serials`), not both. */
function selectionOf(body: VoidBody): VoidSelection {
  const byRange = body.from_serial !== undefined || body.to_serial !== undefined
  if (byRange && body.serials) throw badRequest("serials", msg.voidEither())
  if (!byRange && !body.serials) throw badRequest("serials", msg.voidNeither())
  if (!byRange) return { serials: body.serials! }
  if (body.from_serial === undefined) throw badRequest("from_serial", msg.missing("from_serial"))
  if (body.to_serial === undefined) throw badRequest("to_serial", msg.missing("to_serial"))
  return { fromSerial: body.from_serial, toSerial: body.to_serial }
}

/** HTTP for voiding a lost or spoilt roll (the rules: services/voids.ts). */
export function stampVoidRoutes(app: FastifyInstance, { jwtKey, services }: RouteContext): void {
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
      const { id } = request.params
      const result = await services.voids.void(
        { actor: request.actor! },
        id,
        selectionOf(request.body),
        request.body.reason,
      )
      request.log.info({ batchId: id, ...result }, "stamps voided")
      return { voided: result.voided, already_voided: result.alreadyVoided }
    },
  )
}
