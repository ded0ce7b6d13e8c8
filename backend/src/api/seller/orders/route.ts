import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { describeOrderParts } from "../../../lib/order-parts"
import { CHECKOUT_MODULE } from "../../../modules/checkout"
import type CheckoutModuleService from "../../../modules/checkout/service"
import { sellerAccess } from "../../utils/access"
import { parseInput } from "../../utils/validate"
import { SellerOrderList } from "../validators"

/**
 * The seller's orders, newest first: its parts of buyers' orders, each with the buyer's address,
 * items, shipping, status and payment (method and whether the money is in). `?status=placed`
 * keeps the new ones, still to be sent (the dashboard counts them with `limit=1`).
 */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { limit, offset, status } = parseInput(SellerOrderList, req.query)
  const { sellerId } = sellerAccess(req)
  const checkout = req.scope.resolve<CheckoutModuleService>(CHECKOUT_MODULE)
  const [page, count] = await checkout.listAndCountOrderParts(
    { seller_id: sellerId, ...(status ? { status } : {}) },
    { skip: offset, take: limit, order: { created_at: "DESC" } },
  )
  const orders = await describeOrderParts(req.scope, page)
  res.json({ orders, count, limit, offset })
}
