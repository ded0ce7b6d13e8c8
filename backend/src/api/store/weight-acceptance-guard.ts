import { WEIGHT_ACCEPTANCE_FIELD } from "@coop/contracts/sold-by-weight"
import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { unacceptedText } from "../../lib/sold-by-weight"
import { unacceptedWeighing } from "../../lib/weight-acceptance"
import { badRequest } from "../utils/errors"

/**
 * A cart with produce sold by weight completes only when the buyer accepted each line's
 * tolerance (docs/checkout.md): refused here with the field and the buyer's language, before
 * anything is created. The cart completion's validate hook (workflows/hooks/complete-cart.ts)
 * refuses it again for every other path (a payment webhook completing the cart).
 */
export async function refuseUnacceptedWeighing(
  req: MedusaRequest,
  _res: MedusaResponse,
  next: MedusaNextFunction,
) {
  const line = await unacceptedWeighing(req.scope, req.params.id!)
  if (!line) return next()
  return next(badRequest(WEIGHT_ACCEPTANCE_FIELD, unacceptedText(line)))
}
