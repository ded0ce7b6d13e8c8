import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { sellersWithoutVietQr } from "../../lib/vietqr-availability"
import { VIETQR_PROVIDER_ID } from "../../modules/vietqr"
import { badRequest } from "../utils/errors"

/**
 * A VietQR payment session is refused for a cart with a seller whose payee the commune has not
 * confirmed: the buyer chooses another method before placing the order. The order split refuses
 * it again under the cart's lock (workflows/split-order.ts), whatever happens in between.
 */
export async function refuseUnconfirmedVietQr(
  req: MedusaRequest,
  _res: MedusaResponse,
  next: MedusaNextFunction,
) {
  const body = req.body as { provider_id?: unknown } | undefined
  if (body?.provider_id !== VIETQR_PROVIDER_ID) return next()
  const sellers = await sellersWithoutVietQr(req.scope, { payment_collection_id: req.params.id! })
  if (!sellers?.length) return next()
  const names = sellers.map((s) => s.name).join(", ")
  return next(
    badRequest("provider_id", {
      vi: `Chưa thể chuyển khoản VietQR cho ${names}: tài khoản nhận tiền chưa được xã xác nhận. Vui lòng chọn cách thanh toán khác.`,
      en: `VietQR is not available for ${names}: the payee has not been confirmed by the commune. Please choose another payment method.`,
    }),
  )
}
