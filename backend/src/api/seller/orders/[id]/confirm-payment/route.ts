import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { partChecks, withOrderPart } from "../../../../../lib/order-part-actions"
import { loadOrderParts } from "../../../../../lib/order-parts"
import { capturePartPaymentWorkflow } from "../../../../../workflows/order-parts"
import { sellerAccess } from "../../../../utils/access"
import { sellerActor } from "../../../../utils/audit-actor"
import { badRequest } from "../../../../utils/errors"
import { parseInput } from "../../../../utils/validate"
import { ConfirmPayment } from "../../../validators"

/**
 * The seller saw the buyer's VietQR transfer arrive in its account. It types the amount it
 * received, which must be the part's amount: a short transfer is not a payment.
 */
export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { amount } = parseInput(ConfirmPayment, req.body)
  const access = sellerAccess(req)
  await withOrderPart(
    req.scope,
    { part_order_id: req.params.id, seller_id: access.sellerId },
    sellerActor(access),
    (part) => {
      partChecks.confirmPayment(part)
      if (amount !== Number(part.amount)) {
        throw badRequest("amount", {
          vi: `Số tiền ${amount} ₫ khác số tiền của đơn ${part.reference} (${Number(part.amount)} ₫)`,
          en: `The amount ${amount} VND differs from order ${part.reference}'s amount (${Number(part.amount)} VND)`,
        })
      }
    },
    (input) => capturePartPaymentWorkflow(req.scope).run({ input }),
  )
  const [order] = await loadOrderParts(req.scope, {
    part_order_id: req.params.id,
    seller_id: access.sellerId,
  })
  res.json({ order })
}
