import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { partChecks } from "../../../../../lib/order-part-actions"
import { amountDue } from "../../../../../lib/order-parts"
import { capturePartPaymentWorkflow } from "../../../../../workflows/order-parts"
import { badRequest } from "../../../../utils/errors"
import { parseInput } from "../../../../utils/validate"
import { ConfirmPayment } from "../../../validators"
import { partAction } from "../../action"

/**
 * The seller saw the buyer's VietQR transfer arrive in its account. It types the amount it
 * received, which must be the part's amount: a short transfer is not a payment.
 */
export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { amount } = parseInput(ConfirmPayment, req.body)
  return partAction(capturePartPaymentWorkflow, (part) => {
    partChecks.confirmPayment(part)
    const due = amountDue(part)
    if (amount !== due) {
      throw badRequest("amount", {
        vi: `Số tiền ${amount} ₫ khác số tiền của đơn ${part.reference} (${due} ₫)`,
        en: `The amount ${amount} VND differs from order ${part.reference}'s amount (${due} VND)`,
      })
    }
  })(req, res)
}
