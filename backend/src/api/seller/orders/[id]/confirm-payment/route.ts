import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { partChecks } from "../../../../../lib/order-part-actions"
import { dueNow } from "../../../../../lib/preorder-deposit"
import { capturePartPaymentWorkflow } from "../../../../../workflows/order-parts"
import { badRequest, conflict } from "../../../../utils/errors"
import { parseInput } from "../../../../utils/validate"
import { ConfirmPayment } from "../../../validators"
import { partAction } from "../../action"

/**
 * The seller saw the buyer's VietQR transfer arrive in its account. It types the amount it
 * received, which must be what is due (the part's amount; a pre-order's deposit, then the rest
 * after the harvest): a short transfer is not a payment.
 */
export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { amount } = parseInput(ConfirmPayment, req.body)
  return partAction(capturePartPaymentWorkflow, async (part, container) => {
    partChecks.confirmPayment(part)
    const due = await dueNow(container, part)
    // A deposit paid, the rest waits for the harvest: there is nothing to confirm yet.
    if (due === 0) {
      throw conflict(
        {
          vi: `Đơn ${part.reference} đã nhận tiền cọc; phần còn lại chỉ thu sau khi ghi thu hoạch`,
          en: `Order ${part.reference}'s deposit is received; the rest is due only once the harvest is recorded`,
        },
        "amount",
      )
    }
    if (amount !== due) {
      throw badRequest("amount", {
        vi: `Số tiền ${amount} ₫ khác số tiền của đơn ${part.reference} (${due} ₫)`,
        en: `The amount ${amount} VND differs from order ${part.reference}'s amount (${due} VND)`,
      })
    }
  })(req, res)
}
