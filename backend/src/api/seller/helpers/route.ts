import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { SELLER_MODULE } from "../../../modules/seller"
import type SellerModuleService from "../../../modules/seller/service"
import { grantHelperWorkflow } from "../../../workflows/helper-grants"
import { sellerAccess } from "../../utils/access"
import { sellerActor } from "../../utils/audit-actor"
import { conflict, notFound } from "../../utils/errors"
import { parseInput } from "../../utils/validate"
import { GrantHelper } from "../validators"

/** The helpers this seller has granted (live grants). */
export async function GET(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { sellerId } = sellerAccess(req)
  const sellers = req.scope.resolve<SellerModuleService>(SELLER_MODULE)
  const grants = await sellers.listHelperGrants(
    { seller_id: sellerId, revoked_at: null },
    { relations: ["helper"] },
  )
  res.json({
    helpers: grants.map((g) => ({
      grant_id: g.id,
      granted_at: g.created_at,
      helper: {
        id: g.helper.id,
        name: g.helper.name,
        email: g.helper.email,
        phone: g.helper.phone,
      },
    })),
  })
}

/** Grants a signed-up helper (by email) permission to act for the seller. */
export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { email } = parseInput(GrantHelper, req.body)
  const access = sellerAccess(req)
  const sellers = req.scope.resolve<SellerModuleService>(SELLER_MODULE)
  const [helper] = await sellers.listHelpers({ email }, { select: ["id"] })
  if (!helper) {
    throw notFound({
      vi: `Chưa có người hỗ trợ nào đăng ký với email ${email}`,
      en: `No helper has signed up with ${email}`,
    })
  }
  const [live] = await sellers.listHelperGrants(
    { seller_id: access.sellerId, helper_id: helper.id, revoked_at: null },
    { select: ["id"] },
  )
  if (live) {
    throw conflict(
      { vi: "Người hỗ trợ này đã được cấp quyền", en: "This helper already has a grant" },
      "email",
    )
  }
  const { result } = await grantHelperWorkflow(req.scope).run({
    input: {
      seller_id: access.sellerId,
      commune_code: access.communeCode,
      helper_id: helper.id,
      actor: sellerActor(access),
    },
  })
  res.status(201).json({ grant: result })
}
