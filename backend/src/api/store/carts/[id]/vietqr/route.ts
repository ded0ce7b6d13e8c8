import type { MedusaResponse, MedusaStoreRequest } from "@medusajs/framework/http"
import { depositWindowsOfCart } from "../../../../../lib/preorder-deposit"
import { sellersWithoutVietQr } from "../../../../../lib/vietqr-availability"
import { notFound } from "../../../../utils/errors"

/**
 * Which payment methods the cart can use beyond the region's list. VietQR: every seller in it
 * has a payee the commune confirmed (the storefront offers VietQR only when `available`; the
 * others name the sellers holding it back). Cash on delivery: not for a cart holding a pre-order
 * whose window asks a deposit (`deposit_percent`, the highest such; null when none).
 */
export async function GET(req: MedusaStoreRequest, res: MedusaResponse) {
  const [sellers, deposits] = await Promise.all([
    sellersWithoutVietQr(req.scope, { cart_id: req.params.id! }),
    depositWindowsOfCart(req.scope, { cart_id: req.params.id! }),
  ])
  if (!sellers) throw notFound({ vi: "Không tìm thấy giỏ hàng", en: "Cart not found" })
  res.json({
    available: sellers.length === 0,
    sellers_without_payee: sellers,
    cod_available: !deposits?.length,
    deposit_percent: deposits?.length ? Math.max(...deposits.map((w) => w.deposit_percent)) : null,
  })
}
