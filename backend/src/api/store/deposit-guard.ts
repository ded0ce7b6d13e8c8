import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { depositWindowsOfCart } from "../../lib/preorder-deposit"
import { COD_PROVIDER_ID } from "../../modules/cod"
import { DEPOSIT_NEEDS_PAYMENT } from "../../workflows/steps/claim-preorders"
import { conflict } from "../utils/errors"

/**
 * A cash-on-delivery payment session is refused for a cart holding a line of a pre-order window
 * that asks a deposit: nothing would be paid before the harvest. The buyer pays by VietQR (the
 * deposit first) or card. The order split refuses it again under the cart's lock
 * (claimPreordersStep), whatever happens in between.
 */
export async function refuseCashForDeposit(
  req: MedusaRequest,
  _res: MedusaResponse,
  next: MedusaNextFunction,
) {
  const body = req.body as { provider_id?: unknown } | undefined
  if (body?.provider_id !== COD_PROVIDER_ID) return next()
  const windows = await depositWindowsOfCart(req.scope, {
    payment_collection_id: req.params.id!,
  })
  if (!windows?.length) return next()
  return next(conflict(DEPOSIT_NEEDS_PAYMENT, "provider_id"))
}
