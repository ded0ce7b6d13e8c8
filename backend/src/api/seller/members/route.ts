import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { SELLER_MODULE } from "../../../modules/seller"
import type SellerModuleService from "../../../modules/seller/service"
import { sellerAccess } from "../../utils/access"

/** The seller's members and its open invitations. */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { sellerId } = sellerAccess(req)
  const sellers = req.scope.resolve<SellerModuleService>(SELLER_MODULE)
  const [members, invites] = await Promise.all([
    sellers.listSellerMembers(
      { seller_id: sellerId },
      { select: ["id", "email", "name", "phone", "role", "created_at"] },
    ),
    sellers.listSellerInvites(
      { seller_id: sellerId, accepted_at: null },
      { select: ["id", "email", "expires_at", "created_at"] },
    ),
  ])
  res.json({ members, invites })
}
