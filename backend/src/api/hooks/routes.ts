import { verifyPayload } from "@coop/contracts/signature"
import type {
  MedusaNextFunction,
  MedusaRequest,
  MedusaResponse,
  MiddlewareRoute,
} from "@medusajs/framework/http"
import { ApiError } from "../utils/errors"

/**
 * Medusa answers every payment webhook with 200 and checks the signature later, in a subscriber,
 * where a forgery only reaches the log. Stripe's signature is checked here first, so a forged or
 * corrupted webhook gets a 400 naming the reason and is never queued. Without a secret nothing
 * can be checked, so nothing is accepted: 503 until STRIPE_WEBHOOK_SECRET is set (a production
 * start with Stripe on refuses to run without it, medusa-config.ts).
 */
function verifyStripeSignature(req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) {
  const secret = process.env.STRIPE_WEBHOOK_SECRET
  if (!secret) {
    return next(
      new ApiError(503, {
        vi: "Chưa cấu hình STRIPE_WEBHOOK_SECRET nên không thể xác minh webhook Stripe",
        en: "Stripe webhooks cannot be verified: STRIPE_WEBHOOK_SECRET is not set",
      }),
    )
  }
  const raw = (req as MedusaRequest & { rawBody?: Buffer }).rawBody?.toString("utf8") ?? ""
  const check = verifyPayload(raw, req.get("stripe-signature"), secret)
  if (check.ok) return next()
  next(
    new ApiError(400, {
      vi: `Chữ ký webhook Stripe không hợp lệ (${check.reason})`,
      en: `Invalid Stripe webhook signature (${check.reason})`,
    }),
  )
}

export const hookRoutes: MiddlewareRoute[] = [
  {
    matcher: "/hooks/payment/stripe_stripe",
    method: ["POST"],
    bodyParser: { preserveRawBody: true },
    middlewares: [verifyStripeSignature],
  },
]
