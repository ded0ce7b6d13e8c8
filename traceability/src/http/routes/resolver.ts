import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify"
import { normaliseGtin } from "../../domain/digital-link.js"
import { verifySerial } from "../../domain/serial.js"
import { findStampWithBatch } from "../../store/stamps.js"
import type { RouteContext } from "../context.js"
import { errorSchema, HttpError } from "../errors.js"

/**
 * The scan resolver: every scan of every bag lands here. The serial's signature is checked
 * before the database is touched, so guessed or forged serials cost no query.
 */

const notGenuineSchema = {
  type: "object",
  properties: { verdict: { type: "string", enum: ["not_genuine"] } },
  required: ["verdict"],
} as const

const provenanceSchema = {
  type: "object",
  properties: {
    verdict: { type: "string", enum: ["genuine"] },
    stamp: {
      type: "object",
      properties: {
        serial: { type: "string" },
        uri: { type: "string" },
        state: { type: "string" },
        issued_at: { type: "string", format: "date-time" },
      },
      required: ["serial", "uri", "state", "issued_at"],
    },
    batch: {
      type: "object",
      properties: {
        id: { type: "string" },
        lot_code: { type: "string" },
        quantity: { type: "number" },
        unit: { type: "string" },
        state: { type: "string" },
        created_at: { type: "string", format: "date-time" },
      },
      required: ["id", "lot_code", "quantity", "unit", "state"],
    },
    product: {
      type: "object",
      properties: {
        id: { type: "string" },
        title: { type: "string" },
        gtin: { type: ["string", "null"] },
      },
      required: ["id", "title", "gtin"],
    },
    seller: {
      type: "object",
      properties: { id: { type: "string" } },
      required: ["id"],
    },
  },
  required: ["verdict", "stamp", "batch", "product", "seller"],
} as const

const responses = { 200: provenanceSchema, 404: notGenuineSchema }

/** JSON only when the client asks for it over HTML; browsers and bare scanners get redirected. */
export function prefersJson(accept: string | undefined): boolean {
  if (!accept) return false
  const quality = (type: string) => {
    let best = 0
    for (const part of accept.split(",")) {
      const [mediaRange = "", ...params] = part.trim().toLowerCase().split(";")
      if (mediaRange.trim() !== type) continue
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="))
      best = Math.max(best, q ? Number(q.slice(2)) || 0 : 1)
    }
    return best
  }
  const json = Math.max(quality("application/json"), quality("application/ld+json"))
  return json > 0 && json >= quality("text/html")
}

interface Expected {
  gtin: string | null
  lot: string | null
}

export function resolverRoutes(app: FastifyInstance, { pool, config }: RouteContext): void {
  async function resolve(
    request: FastifyRequest,
    reply: FastifyReply,
    serial: string,
    expected: Expected,
  ) {
    reply.header("access-control-allow-origin", "*").header("vary", "Accept")
    // Scans will be counted; no shared cache may answer one for us.
    reply.header("cache-control", "no-store")
    if (!verifySerial(serial, config.stampSigningSecret)) {
      request.log.info({ serial }, "scan: bad signature")
      return reply.status(404).send({ verdict: "not_genuine" })
    }
    const found = await findStampWithBatch(pool, serial)
    const mismatch =
      found &&
      expected.gtin !== null &&
      (found.batch.gtin !== expected.gtin || found.batch.lotCode !== expected.lot)
    if (!found || mismatch) {
      request.log.info({ serial, known: Boolean(found) }, "scan: unknown stamp or wrong product")
      return reply.status(404).send({ verdict: "not_genuine" })
    }
    if (!prefersJson(request.headers.accept)) {
      return reply.redirect(`${config.storefrontUrl}/vi/trace/${encodeURIComponent(serial)}`, 302)
    }
    const { stamp, batch } = found
    return {
      verdict: "genuine",
      stamp: {
        serial: stamp.serial,
        uri: stamp.uri,
        state: stamp.state,
        issued_at: stamp.issuedAt.toISOString(),
      },
      batch: {
        id: batch.id,
        lot_code: batch.lotCode,
        quantity: batch.quantity,
        unit: batch.unit,
        state: batch.state,
        created_at: batch.createdAt.toISOString(),
      },
      product: { id: batch.productId, title: batch.productTitle, gtin: batch.gtin },
      seller: { id: batch.sellerId },
    }
  }

  app.get<{ Params: { serial: string } }>(
    "/s/:serial",
    { schema: { response: responses } },
    (request, reply) => resolve(request, reply, request.params.serial, { gtin: null, lot: null }),
  )

  app.get<{ Params: { gtin: string; lot: string; serial: string } }>(
    "/01/:gtin/10/:lot/21/:serial",
    { schema: { response: { ...responses, 400: errorSchema } } },
    (request, reply) => {
      const { gtin, lot, serial } = request.params
      const parsed = normaliseGtin(gtin)
      if (!parsed.ok) throw new HttpError(400, "invalid_request", parsed.reason, "gtin")
      return resolve(request, reply, serial, { gtin: parsed.gtin, lot })
    },
  )
}
