import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import SellerOrderLink from "../../../links/seller-order"
import { sellerAccess } from "../../utils/access"
import { parseInput } from "../../utils/validate"
import { Pagination } from "../validators"

const ORDER_FIELDS = [
  "id",
  "display_id",
  "status",
  "created_at",
  "currency_code",
  "total",
  "email",
  "shipping_address.*",
  "items.id",
  "items.title",
  "items.quantity",
  "items.unit_price",
  "payment_collections.status",
  "fulfillments.id",
  "fulfillments.shipped_at",
  "fulfillments.delivered_at",
]

/** The orders (seller parts) this seller fulfils, newest first. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { limit, offset } = parseInput(Pagination, req.query)
  const { sellerId } = sellerAccess(req)
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data: links } = await query.graph({
    entity: SellerOrderLink.entryPoint,
    fields: ["order_id"],
    filters: { seller_id: sellerId },
  })
  const ids = links.map((l: { order_id: string }) => l.order_id)
  if (!ids.length) {
    res.json({ orders: [], count: 0, limit, offset })
    return
  }
  const { data, metadata } = await query.graph({
    entity: "order",
    fields: ORDER_FIELDS,
    filters: { id: ids },
    pagination: { skip: offset, take: limit, order: { created_at: "DESC" } },
  })
  res.json({ orders: data, count: metadata?.count ?? ids.length, limit, offset })
}
