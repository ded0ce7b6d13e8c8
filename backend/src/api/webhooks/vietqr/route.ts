import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { partNotFound, withOrderPart } from "../../../lib/order-part-actions"
import { dueNow } from "../../../lib/preorder-deposit"
import { CHECKOUT_MODULE } from "../../../modules/checkout"
import type CheckoutModuleService from "../../../modules/checkout/service"
import {
  BANK_SIGNATURE_HEADER,
  findReference,
  parseBankNotification,
  verifyBankNotification,
} from "../../../modules/vietqr/bank-notification"
import { captureBankTransferWorkflow } from "../../../workflows/order-parts"
import { ApiError, badRequest, conflict } from "../../utils/errors"

const SOURCE = "vietqr-bank"

/**
 * A bank's notice that a transfer reached a seller's account (format and signature:
 * src/modules/vietqr/bank-notification.ts). A genuine notice naming an awaiting part, for its
 * account and its exact amount, captures that part's payment; the same notice again changes
 * nothing and answers as the first time did. Anything else is refused and changes nothing.
 */
export async function POST(req: MedusaRequest, res: MedusaResponse) {
  const secret = process.env.VIETQR_WEBHOOK_SECRET
  if (!secret) {
    res.status(503).json({
      type: "not_configured",
      message: "Bank notifications are not configured: set VIETQR_WEBHOOK_SECRET",
    })
    return
  }
  const raw = (req as MedusaRequest & { rawBody?: Buffer }).rawBody?.toString("utf8") ?? ""
  const signature = verifyBankNotification(raw, req.get(BANK_SIGNATURE_HEADER), secret)
  if (!signature.ok) {
    throw new ApiError(401, {
      vi: `Chữ ký thông báo không hợp lệ (${signature.reason})`,
      en: `Invalid notification signature (${signature.reason})`,
    })
  }
  const parsed = parseBankNotification(req.body)
  if (!parsed.ok) {
    const [problem] = parsed.problems
    throw badRequest(problem!.field, { vi: problem!.message, en: problem!.message })
  }
  const notice = parsed.notification
  const checkout = req.scope.resolve<CheckoutModuleService>(CHECKOUT_MODULE)
  const [seen] = await checkout.listPaymentNotifications({ source: SOURCE, external_id: notice.id })
  if (seen) {
    res.json({ status: "duplicate", outcome: seen.outcome, order_part_id: seen.order_part_id })
    return
  }
  // References are "DH" and digits only, so words a bank glues on after them stay out.
  const reference = findReference(notice.description, /DH[0-9]{6,12}/i)
  if (!reference) {
    throw badRequest("description", {
      vi: "Nội dung chuyển khoản không có mã đơn (DH…)",
      en: "The transfer description names no order reference (DH…)",
    })
  }
  const part = await withOrderPart(
    req.scope,
    { reference },
    { actor_type: "bank", actor_id: `${notice.bank_bin}:${notice.account_number}` },
    async (part) => {
      const payee = (part.payee ?? {}) as { bank_bin?: string; account_number?: string }
      if (part.payment_method !== "vietqr") throw partNotFound()
      if (payee.bank_bin !== notice.bank_bin || payee.account_number !== notice.account_number) {
        throw badRequest("account_number", {
          vi: `Đơn ${reference} không thanh toán vào tài khoản này`,
          en: `Order ${reference} is not paid to this account`,
        })
      }
      const due = await dueNow(req.scope, part)
      if (due > 0 && notice.amount !== due) {
        throw badRequest("amount", {
          vi: `Số tiền ${notice.amount} ₫ khác số tiền của đơn ${reference} (${due} ₫)`,
          en: `The amount ${notice.amount} VND differs from order ${reference}'s amount (${due} VND)`,
        })
      }
      if (part.status === "canceled" || due === 0 || part.weighing === "contact_buyer") {
        throw conflict({
          vi: `Đơn ${reference} không còn chờ thanh toán`,
          en: `Order ${reference} is no longer awaiting payment`,
        })
      }
    },
    async (input) => {
      const { result } = await captureBankTransferWorkflow(req.scope).run({
        input: {
          ...input,
          notification: {
            source: SOURCE,
            external_id: notice.id,
            order_part_id: input.part.id,
            outcome: "captured",
            body: notice as unknown as Record<string, unknown>,
          },
        },
      })
      return result
    },
  )
  res.json({ status: "captured", order_part_id: part.id, reference: part.reference })
}
