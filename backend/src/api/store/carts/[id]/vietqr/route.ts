import type { MedusaResponse, MedusaStoreRequest } from "@medusajs/framework/http"
import { sellersWithoutVietQr } from "../../../../../lib/vietqr-availability"
import { notFound } from "../../../../utils/errors"

/**
 * Whether the cart can be paid by VietQR: every seller in it has a payee the commune confirmed.
 * The storefront offers VietQR only when `available`; the others name the sellers holding it back.
 */
export async function GET(req: MedusaStoreRequest, res: MedusaResponse) {
  const sellers = await sellersWithoutVietQr(req.scope, { cart_id: req.params.id! })
  if (!sellers) throw notFound({ vi: "Không tìm thấy giỏ hàng", en: "Cart not found" })
  res.json({ available: sellers.length === 0, sellers_without_payee: sellers })
}
