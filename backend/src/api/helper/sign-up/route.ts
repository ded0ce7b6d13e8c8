import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { Modules } from "@medusajs/framework/utils"
import { SELLER_MODULE } from "../../../modules/seller"
import type SellerModuleService from "../../../modules/seller/service"
import { signUpHelperWorkflow } from "../../../workflows/helper-grants"
import { conflict } from "../../utils/errors"
import { requireCommune } from "../../utils/units"
import { parseInput } from "../../utils/validate"
import { SignUpHelper } from "../validators"

/** A community tech helper creates their account; sellers then grant it access. */
export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const body = parseInput(SignUpHelper, req.body)
  const { auth_identity_id, actor_id } = req.auth_context
  if (actor_id)
    throw conflict({ vi: "Tài khoản đã được tạo", en: "This helper account already exists" })
  if (body.commune_code) await requireCommune(req.scope, body.commune_code, "commune_code")
  const identity = await req.scope
    .resolve(Modules.AUTH)
    .retrieveAuthIdentity(auth_identity_id, { relations: ["provider_identities"] })
  const email = identity.provider_identities?.[0]?.entity_id ?? ""
  const sellers = req.scope.resolve<SellerModuleService>(SELLER_MODULE)
  const [existing] = await sellers.listHelpers({ email }, { select: ["id"] })
  if (existing)
    throw conflict(
      { vi: "Email này đã có tài khoản hỗ trợ", en: "This email already has a helper account" },
      "email",
    )
  const { result } = await signUpHelperWorkflow(req.scope).run({
    input: { auth_identity_id, email, ...body },
  })
  res.status(201).json({ helper: result })
}
