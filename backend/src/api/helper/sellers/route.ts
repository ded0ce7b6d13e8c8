import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { SELLER_MODULE } from "../../../modules/seller"
import type SellerModuleService from "../../../modules/seller/service"

/** The sellers that have granted this helper, to pick whose portal to open. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const sellers = req.scope.resolve<SellerModuleService>(SELLER_MODULE)
  const grants = await sellers.listHelperGrants(
    { helper_id: req.auth_context.actor_id, revoked_at: null, accepted_at: { $ne: null } },
    { relations: ["seller"] },
  )
  res.json({
    sellers: grants.map((g) => ({
      id: g.seller.id,
      handle: g.seller.handle,
      name: g.seller.name,
      state: g.seller.state,
      granted_at: g.created_at,
    })),
  })
}
