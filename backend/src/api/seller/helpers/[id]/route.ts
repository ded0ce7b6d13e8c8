import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { SELLER_MODULE } from "../../../../modules/seller"
import type SellerModuleService from "../../../../modules/seller/service"
import { revokeHelperWorkflow } from "../../../../workflows/helper-grants"
import { sellerAccess } from "../../../utils/access"
import { sellerActor } from "../../../utils/audit-actor"
import { notFound } from "../../../utils/errors"

/** Revokes a live grant (by grant id) of this seller. */
export async function DELETE(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const access = sellerAccess(req)
  const sellers = req.scope.resolve<SellerModuleService>(SELLER_MODULE)
  const [grant] = await sellers.listHelperGrants(
    { id: req.params.id, seller_id: access.sellerId, revoked_at: null },
    { select: ["id", "helper_id"] },
  )
  if (!grant) throw notFound({ vi: "Không tìm thấy quyền hỗ trợ", en: "Helper grant not found" })
  await revokeHelperWorkflow(req.scope).run({
    input: {
      grant_id: grant.id,
      helper_id: grant.helper_id,
      seller_id: access.sellerId,
      commune_code: access.communeCode,
      actor: sellerActor(access),
    },
  })
  res.json({ id: grant.id, revoked: true })
}
