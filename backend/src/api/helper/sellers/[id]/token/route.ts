import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, generateJwtToken } from "@medusajs/framework/utils"
import { SELLER_MODULE } from "../../../../../modules/seller"
import type SellerModuleService from "../../../../../modules/seller/service"
import { sellerNotFound } from "../../../../utils/errors"

/** How long a delegated token lives: a revoked grant stops working elsewhere within this time. */
export const DELEGATED_TOKEN_TTL = "15m"

/**
 * A short-lived token for acting for one granting seller. It carries the seller id, so services
 * that only verify tokens (traceability) know whom the helper acts for without asking the backend.
 */
export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const sellers = req.scope.resolve<SellerModuleService>(SELLER_MODULE)
  const { actor_id, auth_identity_id } = req.auth_context
  const [grant] = await sellers.listHelperGrants(
    { helper_id: actor_id, seller_id: req.params.id, revoked_at: null, accepted_at: { $ne: null } },
    { select: ["id", "seller_id"] },
  )
  if (!grant) throw sellerNotFound()
  const { http } = req.scope.resolve(ContainerRegistrationKeys.CONFIG_MODULE).projectConfig
  const token = generateJwtToken(
    {
      actor_id,
      actor_type: "helper",
      auth_identity_id,
      app_metadata: {
        helper_id: actor_id,
        seller_id: grant.seller_id,
        on_behalf_of: grant.seller_id,
      },
      user_metadata: {},
    },
    { secret: http.jwtSecret!, expiresIn: DELEGATED_TOKEN_TTL, jwtOptions: http.jwtOptions },
  )
  res.json({ token, seller_id: grant.seller_id, expires_in: DELEGATED_TOKEN_TTL })
}
