import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { hashOneTimeToken, newOneTimeToken, storefrontLink } from "../../../lib/one-time-token"
import { SELLER_MODULE } from "../../../modules/seller"
import type SellerModuleService from "../../../modules/seller/service"
import { inviteStaffWorkflow } from "../../../workflows/invite-staff"
import { sellerAccess } from "../../utils/access"
import { sellerActor } from "../../utils/audit-actor"
import { conflict } from "../../utils/errors"
import { parseInput } from "../../utils/validate"
import { InviteStaff } from "../validators"

const INVITE_DAYS = 7

export const hashInviteToken = hashOneTimeToken

/** The owner invites staff by email; the storefront's accept page takes the token from the link. */
export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const { email } = parseInput(InviteStaff, req.body)
  const access = sellerAccess(req)
  const sellers = req.scope.resolve<SellerModuleService>(SELLER_MODULE)
  const [member] = await sellers.listSellerMembers({ email }, { select: ["id"] })
  if (member) {
    throw conflict(
      {
        vi: "Email này đã là thành viên của một người bán",
        en: "This email already belongs to a seller member",
      },
      "email",
    )
  }
  const seller = await sellers.retrieveSeller(access.sellerId, { select: ["id", "name"] })
  const token = newOneTimeToken()
  const { result } = await inviteStaffWorkflow(req.scope).run({
    input: {
      seller_id: seller.id,
      seller_name: seller.name,
      commune_code: access.communeCode,
      email,
      token_hash: hashInviteToken(token),
      accept_url: storefrontLink("/seller/invite", token),
      expires_at: new Date(Date.now() + INVITE_DAYS * 24 * 3600 * 1000).toISOString(),
      actor: sellerActor(access),
    },
  })
  res.status(201).json({
    invite: { id: result.id, email, expires_at: result.expires_at },
  })
}
