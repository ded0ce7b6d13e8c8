import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { hashOneTimeToken, newOneTimeToken, storefrontLink } from "../../../lib/one-time-token"
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
      // Null until the helper accepts with the mailed link; only then may it act.
      accepted_at: g.accepted_at,
      helper: {
        id: g.helper.id,
        name: g.helper.name,
        email: g.helper.email,
        phone: g.helper.phone,
      },
    })),
  })
}

const GRANT_DAYS = 7

/**
 * Offers a signed-up helper (by email) permission to act for the seller; the helper accepts it
 * with the link mailed to that address (POST /helper/grants/accept).
 */
export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { email } = parseInput(GrantHelper, req.body)
  const access = sellerAccess(req)
  const sellers = req.scope.resolve<SellerModuleService>(SELLER_MODULE)
  const [helper] = await sellers.listHelpers({ email }, { select: ["id", "email"] })
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
  const seller = await sellers.retrieveSeller(access.sellerId, { select: ["id", "name"] })
  const token = newOneTimeToken()
  const { result } = await grantHelperWorkflow(req.scope).run({
    input: {
      seller_id: access.sellerId,
      seller_name: seller.name,
      commune_code: access.communeCode,
      helper_id: helper.id,
      helper_email: helper.email,
      token_hash: hashOneTimeToken(token),
      expires_at: new Date(Date.now() + GRANT_DAYS * 24 * 3600 * 1000).toISOString(),
      accept_url: storefrontLink("/seller/helper-accept", token),
      actor: sellerActor(access),
    },
  })
  const { token_hash: _hash, ...grant } = result as Record<string, unknown>
  res.status(201).json({ grant })
}
