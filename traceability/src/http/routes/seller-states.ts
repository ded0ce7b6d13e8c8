import { verifyPayload } from "@coop/contracts/signature"
import type { FastifyInstance } from "fastify"
import { z } from "zod"
import { msg } from "../../messages.js"
import type { RouteContext } from "../context.js"
import { errorSchema, HttpError } from "../errors.js"
import { zodSchema, zodValidatorCompiler } from "../zod.js"

const sellerStatesBody = z.strictObject({
  sellers: z
    .array(
      z.strictObject({
        id: z.string().min(1).max(100),
        state: z.enum(["pending", "approved", "suspended"]),
        changed_at: z.iso.datetime({ offset: true }).nullable(),
      }),
    )
    .min(1)
    .max(10_000),
})
type SellerStatesBody = z.infer<typeof sellerStatesBody>

/**
 * `POST /sellers/states`: the backend's word on sellers' states (its seller-state workflow pushes
 * each approval and suspension, and a periodic job all of them), signed with `X-Coop-Signature`
 * like every webhook between the services. Older facts never overwrite newer ones. Sellers whose
 * state changed lose their batches' cached provenance at once, so the next scan of a suspended
 * seller's stamp already says so; the resolver never asks the backend itself.
 */
export async function sellerStateRoutes(
  app: FastifyInstance,
  { config, services }: RouteContext,
): Promise<void> {
  // The signature covers the raw bytes: keep them beside the parsed body (this plugin only).
  app.addContentTypeParser("application/json", { parseAs: "string" }, (request, body, done) => {
    ;(request as { rawBody?: string }).rawBody = body as string
    try {
      done(null, JSON.parse(body as string))
    } catch {
      done(new HttpError(400, "invalid_request", msg.badJson()), undefined)
    }
  })

  app.post<{ Body: SellerStatesBody }>(
    "/sellers/states",
    {
      schema: {
        tags: ["sellers"],
        summary: "The backend's sellers' states (signed with X-Coop-Signature)",
        description:
          "Pushed by the backend on each approval or suspension and for every seller every 5 minutes. A suspended or never-approved seller's stamps resolve `seller_suspended`; an older `changed_at` never overwrites a newer one.",
        body: zodSchema(sellerStatesBody),
        response: {
          200: {
            type: "object",
            properties: {
              received: { type: "integer" },
              changed: { type: "array", items: { type: "string" } },
            },
            required: ["received", "changed"],
          },
          "4xx": errorSchema,
          "5xx": errorSchema,
        },
      },
      validatorCompiler: zodValidatorCompiler,
      // The signature is checked before the body is even validated: strangers learn nothing.
      preValidation: async (request) => {
        const secret = config.trust.sellerStateSecret
        if (!secret) {
          throw new HttpError(503, "not_configured", msg.webhookNotConfigured())
        }
        const raw = (request as { rawBody?: string }).rawBody ?? ""
        const header = request.headers["x-coop-signature"]
        const check = verifyPayload(raw, typeof header === "string" ? header : undefined, secret)
        if (!check.ok) {
          throw new HttpError(401, "unauthorized", msg.badSignature(check.reason))
        }
      },
    },
    async (request) => {
      const { sellers } = request.body
      const changed = await services.sellerTrust.recordStates(
        sellers.map((s) => ({
          sellerId: s.id,
          state: s.state,
          changedAt: s.changed_at ? new Date(s.changed_at) : null,
        })),
      )
      if (changed.length) request.log.info({ sellers: changed }, "seller states changed")
      return { received: sellers.length, changed }
    },
  )
}
