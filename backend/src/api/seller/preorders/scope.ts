import type { AuthenticatedMedusaRequest } from "@medusajs/framework/http"
import type { SellerScope } from "../../../lib/preorders"
import { sellerAccess } from "../../utils/access"
import { sellerActor } from "../../utils/audit-actor"

/** The seller a pre-order route acts for, and who acts. */
export function preorderScope(req: AuthenticatedMedusaRequest): SellerScope {
  const access = sellerAccess(req)
  return {
    seller_id: access.sellerId,
    commune_code: access.communeCode,
    actor: sellerActor(access),
  }
}
