import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { refreshIndicators } from "../../lib/indicators/refresh"
import { CHECKOUT_MODULE } from "../../modules/checkout"
import type CheckoutModuleService from "../../modules/checkout/service"

/**
 * A completion retried for a cart that is already an order: count its seller parts again.
 *
 * The split's `order_part.changed` event is released only after the completion's workflow
 * finished; a backend killed between the commit and that release (test:cluster's SIGKILL case)
 * leaves an order the commune's counts never heard of, while the buyer's retry gets the order
 * from Medusa. The indicators' refresh reads the parts as they are, so doing it again here is
 * harmless when nothing was lost (docs/indicators.md).
 */
export async function recountRetriedCompletion(
  req: MedusaRequest,
  _res: MedusaResponse,
  next: MedusaNextFunction,
) {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "cart",
    fields: ["completed_at", "order.id"],
    filters: { id: req.params.id! },
  })
  const cart = data[0] as { completed_at?: unknown; order?: { id?: string } | null } | undefined
  const orderId = cart?.completed_at ? cart.order?.id : undefined
  if (orderId) {
    const checkout = req.scope.resolve<CheckoutModuleService>(CHECKOUT_MODULE)
    const parts = await checkout.listOrderParts({ order_id: orderId }, { select: ["id"] })
    if (parts.length) {
      await refreshIndicators(req.scope, { order_parts: parts.map((p) => p.id) })
    }
  }
  return next()
}
