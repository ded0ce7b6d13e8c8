import { verifyPayload } from "@coop/contracts/signature"
import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { Logger } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { z } from "zod"
import { refreshIndicators } from "../../../lib/indicators/refresh"
import {
  STAMP_COUNT_EVENTS,
  sellersOf,
  type TraceEvent,
  traceIncrements,
} from "../../../lib/indicators/trace-events"
import { notifySellers } from "../../../lib/seller-notifications/enqueue"
import { stampNotices } from "../../../lib/seller-notifications/facts"
import { queueRevalidation } from "../../../lib/storefront-revalidate"
import { INDICATORS_MODULE } from "../../../modules/indicators"
import type IndicatorsModuleService from "../../../modules/indicators/service"
import { ApiError } from "../../utils/errors"
import { parseInput } from "../../utils/validate"

const count = z.number().int().min(0).max(10_000_000)
const Body = z.strictObject({
  events: z
    .array(
      z.looseObject({
        id: z.string().min(1).max(100),
        type: z.string().min(1).max(60),
        occurred_at: z.iso.datetime({ offset: true }),
        seller_id: z.string().min(1).max(100),
        product_id: z.string().min(1).max(100),
        batch_id: z.string().min(1).max(100),
        count,
        first_scans: count.optional(),
        counterfeit: count.optional(),
      }),
    )
    .min(1)
    .max(10_000),
})

/**
 * The traceability service's counted events (stamps issued, voided and flagged, scans), signed with
 * `X-Coop-Signature` (INDICATORS_WEBHOOK_SECRET). Each event is applied once by its id, so the
 * at-least-once delivery's repeats change nothing; events naming an unknown seller are
 * acknowledged and add nothing, so one bad event never holds back the others.
 */
export async function POST(req: MedusaRequest, res: MedusaResponse) {
  const secret = process.env.INDICATORS_WEBHOOK_SECRET
  if (!secret) {
    res.status(503).json({
      type: "not_configured",
      message: "Indicator events are not configured: set INDICATORS_WEBHOOK_SECRET",
    })
    return
  }
  const raw = (req as MedusaRequest & { rawBody?: Buffer }).rawBody?.toString("utf8") ?? ""
  const check = verifyPayload(raw, req.get("x-coop-signature"), secret)
  if (!check.ok) {
    throw new ApiError(401, {
      vi: `Chữ ký sự kiện không hợp lệ (${check.reason})`,
      en: `Invalid event signature (${check.reason})`,
    })
  }
  const { events } = parseInput(Body, req.body) as { events: TraceEvent[] }
  const sellers = await sellersOf(
    req.scope,
    events.map((e) => e.seller_id),
  )
  const indicators = req.scope.resolve<IndicatorsModuleService>(INDICATORS_MODULE)
  const result = await indicators.addEventFacts(
    "traceability",
    events.map((e) => ({
      id: e.id,
      type: e.type,
      increments: traceIncrements(e, sellers.get(e.seller_id)),
    })),
  )
  // Stamps make listings traceable (or not, once voided): derive those listings again.
  const stampedProducts = events
    .filter((e) => STAMP_COUNT_EVENTS.has(e.type))
    .map((e) => e.product_id)
  if (result.applied && stampedProducts.length) {
    await refreshIndicators(req.scope, { products: stampedProducts })
  }
  // A batch gained or lost stamps: the storefront's cached batch reads are stale.
  if (stampedProducts.length)
    queueRevalidation(["batches"], req.scope.resolve<Logger>(ContainerRegistrationKeys.LOGGER))
  // A stamp job is done: its seller is told (queued; the answer does not wait for the sending).
  if (events.some((e) => e.type === "stamps.issued")) {
    const log = req.scope.resolve<Logger>(ContainerRegistrationKeys.LOGGER)
    void stampNotices(req.scope, events)
      .then((notices) => notifySellers(req.scope, notices))
      .catch((error: Error) => log.warn(`Stamp notices not queued: ${error.message}`))
  }
  res.json({ ...result, unknown_sellers: events.filter((e) => !sellers.has(e.seller_id)).length })
}
