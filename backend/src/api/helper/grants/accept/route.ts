import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { hashOneTimeToken } from "../../../../lib/one-time-token"
import { SELLER_MODULE } from "../../../../modules/seller"
import type SellerModuleService from "../../../../modules/seller/service"
import { acceptHelperGrantWorkflow } from "../../../../workflows/helper-grants"
import { badRequest } from "../../../utils/errors"
import { parseInput } from "../../../utils/validate"
import { AcceptHelperGrant } from "../../validators"

/**
 * The helper accepts a seller's grant with the token mailed to its address. Both are needed: the
 * login (the account the owner chose by e-mail) and the token (whoever reads that mailbox). An
 * account registered under someone else's address has the login but never the token.
 */
export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { token } = parseInput(AcceptHelperGrant, req.body)
  const sellers = req.scope.resolve<SellerModuleService>(SELLER_MODULE)
  const [grant] = await sellers.listHelperGrants(
    { token_hash: hashOneTimeToken(token), revoked_at: null, accepted_at: null },
    { relations: ["seller"] },
  )
  const valid =
    grant &&
    grant.helper_id === req.auth_context.actor_id &&
    grant.expires_at &&
    new Date(grant.expires_at) > new Date()
  if (!valid) {
    throw badRequest("token", {
      vi: "Lời mời hỗ trợ không hợp lệ, đã dùng, đã hết hạn hoặc gửi cho tài khoản khác",
      en: "The helper invitation is not valid, already used, expired or meant for another account",
    })
  }
  await acceptHelperGrantWorkflow(req.scope).run({
    input: {
      grant_id: grant.id,
      seller_id: grant.seller.id,
      commune_code: grant.seller.commune_code,
      helper_id: grant.helper_id,
      actor: { actor_type: "helper", actor_id: grant.helper_id },
    },
  })
  res.json({
    seller: { id: grant.seller.id, handle: grant.seller.handle, name: grant.seller.name },
  })
}
