import type { MedusaResponse, MedusaStoreRequest } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { loadOrderParts } from "../../../../../lib/order-parts"
import { PREORDER_MODULE } from "../../../../../modules/preorder"
import type PreorderModuleService from "../../../../../modules/preorder/service"
import { notFound } from "../../../../utils/errors"

/**
 * The seller parts of a buyer's order: each seller's items, shipping, status and payment, and for
 * VietQR parts still awaiting payment the QR to pay that seller. Like Medusa's own
 * `GET /store/orders/{id}`, the order id (unguessable) is what grants access. A part whose
 * pre-ordered share shrank at harvest, or whose pre-order was cancelled, carries the seller's
 * message (`preorder_note`: vi, en, and whether the difference was refunded or is owed less).
 *
 * `order.total` is what the buyer owes in the end: the sum of the parts' amounts, each part's
 * final one (after a harvest cut its share, after weighing), a cancelled part counting nothing.
 * Medusa's buyer order keeps its checkout figure, answered as `order.original_total`: the parts
 * are the orders that are edited, and editing the buyer order as well would count money twice.
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
  const lines = await req.scope
    .resolve<PreorderModuleService>(PREORDER_MODULE)
    .listPreorderLines({ order_id: order.id })
  const noteOf = new Map(
    lines
      .filter((l) => l.message)
      .map((l) => [l.part_order_id, l.message as Record<string, unknown>]),
  )
  const total = parts
    .filter((p) => p.status !== "canceled")
    .reduce((sum, p) => sum + Number(p.amount), 0)
  res.json({
    order: { ...order, total, original_total: Number(order.total) },
    parts: parts.map((p) => ({ ...p, preorder_note: noteOf.get(p.part_order_id) ?? null })),
  })
}
