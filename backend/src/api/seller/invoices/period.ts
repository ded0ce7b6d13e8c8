import type { AuthenticatedMedusaRequest } from "@medusajs/framework/http"
import { periodBounds, vietnamDay } from "../../../lib/einvoice/invoice"
import { ensureSellerInvoices } from "../../../lib/einvoice/store"
import { CHECKOUT_MODULE } from "../../../modules/checkout"
import type CheckoutModuleService from "../../../modules/checkout/service"
import { sellerAccess } from "../../utils/access"
import { badRequest } from "../../utils/errors"

/** `?period=YYYY-MM` (this month in Vietnam when absent), or a 400 naming `period`. */
export function readPeriod(req: AuthenticatedMedusaRequest): string {
  const raw = req.query.period
  if (raw === undefined) return vietnamDay(new Date()).period
  if (typeof raw !== "string" || !periodBounds(raw)) {
    throw badRequest("period", {
      vi: `"period" phải là một tháng dạng YYYY-MM, ví dụ 2026-12 (đã nhập ${JSON.stringify(raw)})`,
      en: `"period" must be a month as YYYY-MM, e.g. 2026-12 (got ${JSON.stringify(raw)})`,
    })
  }
  return raw
}

/** The seller's invoices of a month, made first for any paid part still without one. */
export async function periodInvoices(req: AuthenticatedMedusaRequest, period: string) {
  const { sellerId } = sellerAccess(req)
  const { missing } = await ensureSellerInvoices(req.scope, sellerId)
  const checkout = req.scope.resolve<CheckoutModuleService>(CHECKOUT_MODULE)
  const invoices = await checkout.listSellerInvoices(
    { seller_id: sellerId, period },
    { order: { series: "ASC", number: "ASC" } },
  )
  return { missing, invoices }
}
