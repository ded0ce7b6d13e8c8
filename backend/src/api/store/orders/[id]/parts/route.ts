import type { MedusaResponse, MedusaStoreRequest } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { loadOrderParts } from "../../../../../lib/order-parts"
import { notFound } from "../../../../utils/errors"

/**
 * The seller parts of a buyer's order: each seller's items, shipping, status and payment, and for
 * VietQR parts still awaiting payment the QR to pay that seller. Like Medusa's own
 * `GET /store/orders/{id}`, the order id (unguessable) is what grants access.
 */
export async function GET(req: MedusaStoreRequest, res: MedusaResponse) {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "order",
    fields: ["id", "display_id", "status", "currency_code", "total", "created_at"],
    filters: { id: req.params.id },
  })
  const order = data[0]
  if (!order) throw notFound({ vi: "Không tìm thấy đơn hàng", en: "Order not found" })
  const parts = await loadOrderParts(req.scope, { order_id: order.id }, { withQr: true })
  if (!parts.length) throw notFound({ vi: "Không tìm thấy đơn hàng", en: "Order not found" })
  res.json({ order, parts })
}
