import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { SELLER_MODULE } from "../../../modules/seller"
import type SellerModuleService from "../../../modules/seller/service"
import { updateSellerProfileWorkflow } from "../../../workflows/update-seller-profile"
import { sellerAccess } from "../../utils/access"
import { sellerActor } from "../../utils/audit-actor"
import { parseInput } from "../../utils/validate"
import { UpdateSellerProfile } from "../validators"

/** The seller this login works for, and who is acting (a member, or a helper on its behalf). */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const access = sellerAccess(req)
  const sellers = req.scope.resolve<SellerModuleService>(SELLER_MODULE)
  const seller = await sellers.retrieveSeller(access.sellerId)
  const actor =
    access.actorType === "helper"
      ? await sellers.retrieveHelper(access.actorId, { select: ["id", "name", "email"] })
      : await sellers.retrieveSellerMember(access.actorId, {
          select: ["id", "name", "email", "role"],
        })
  res.json({
    seller,
    actor: { type: access.actorType, role: access.role, ...actor },
    acting_on_behalf_of: access.onBehalfOf,
  })
}

export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const update = parseInput(UpdateSellerProfile, req.body)
  const access = sellerAccess(req)
  const { result } = await updateSellerProfileWorkflow(req.scope).run({
    input: {
      seller_id: access.sellerId,
      commune_code: access.communeCode,
      update,
      actor: sellerActor(access),
    },
  })
  res.json({ seller: result })
}
