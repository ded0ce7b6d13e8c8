import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { Modules } from "@medusajs/framework/utils"
import { SELLER_MODULE } from "../../../../modules/seller"
import type SellerModuleService from "../../../../modules/seller/service"
import { acceptInviteWorkflow } from "../../../../workflows/accept-invite"
import { badRequest, conflict } from "../../../utils/errors"
import { parseInput } from "../../../utils/validate"
import { AcceptInvite } from "../../validators"
import { hashInviteToken } from "../route"

/** An invited person, signed up with the invited email, joins the seller as staff. */
export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const body = parseInput(AcceptInvite, req.body)
  const { auth_identity_id, actor_id } = req.auth_context
  if (actor_id) {
    throw conflict({
      vi: "Tài khoản này đã thuộc một người bán",
      en: "This login already belongs to a seller",
    })
  }
  const sellers = req.scope.resolve<SellerModuleService>(SELLER_MODULE)
  const [invite] = await sellers.listSellerInvites(
    { token_hash: hashInviteToken(body.token) },
    { relations: ["seller"] },
  )
  const invalid = badRequest("token", {
    vi: "Lời mời không hợp lệ, đã dùng hoặc đã hết hạn",
    en: "The invitation is not valid, already used or expired",
  })
  if (!invite || invite.accepted_at || new Date(invite.expires_at) < new Date()) throw invalid
  const identity = await req.scope
    .resolve(Modules.AUTH)
    .retrieveAuthIdentity(auth_identity_id, { relations: ["provider_identities"] })
  const email = identity.provider_identities?.[0]?.entity_id ?? ""
  if (email.toLowerCase() !== invite.email.toLowerCase()) {
    throw badRequest("email", {
      vi: "Hãy đăng ký bằng đúng email được mời",
      en: "Sign up with the email address the invitation was sent to",
    })
  }
  const { result } = await acceptInviteWorkflow(req.scope).run({
    input: {
      invite_id: invite.id,
      seller_id: invite.seller.id,
      commune_code: invite.seller.commune_code,
      auth_identity_id,
      email,
      name: body.name,
      phone: body.phone ?? null,
    },
  })
  res.status(201).json({ member: result })
}
