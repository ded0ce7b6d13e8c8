import { toHandle } from "@coop/contracts/text"
import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { Modules } from "@medusajs/framework/utils"
import { PAYEE_FIELDS } from "../../../lib/seller-review"
import { SELLER_MODULE } from "../../../modules/seller"
import type SellerModuleService from "../../../modules/seller/service"
import { signUpSellerWorkflow } from "../../../workflows/sign-up-seller"
import { conflict } from "../../utils/errors"
import { requireCommune } from "../../utils/units"
import { parseInput } from "../../utils/validate"
import { SignUpSeller } from "../validators"

function withoutPayee<T extends Record<string, unknown>>(seller: T) {
  const rest: Record<string, unknown> = { ...seller }
  for (const key of PAYEE_FIELDS) delete rest[key]
  return rest as Omit<T, (typeof PAYEE_FIELDS)[number]>
}

function pendingPayee(seller: Record<string, unknown>) {
  const payee = Object.fromEntries(
    PAYEE_FIELDS.filter((k) => seller[k] != null).map((k) => [k, seller[k] as string]),
  )
  return Object.keys(payee).length
    ? { pending_changes: payee, pending_changes_at: new Date(), pending_changes_by: "sign-up" }
    : {}
}

/** A new cooperative or household signs up; it stays pending until the commune approves it. */
export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const body = parseInput(SignUpSeller, req.body)
  const { auth_identity_id, actor_id } = req.auth_context
  if (actor_id) {
    throw conflict({
      vi: "Tài khoản này đã thuộc một người bán",
      en: "This login already belongs to a seller",
    })
  }
  const commune = await requireCommune(req.scope, body.seller.commune_code, "seller.commune_code")
  const identity = await req.scope
    .resolve(Modules.AUTH)
    .retrieveAuthIdentity(auth_identity_id, { relations: ["provider_identities"] })
  const email = identity.provider_identities?.[0]?.entity_id ?? ""

  const sellers = req.scope.resolve<SellerModuleService>(SELLER_MODULE)
  const handle = body.seller.handle ?? toHandle(body.seller.name)
  const [taken] = await sellers.listSellers({ handle }, { select: ["id"] })
  if (taken) {
    throw conflict(
      { vi: `Tên định danh "${handle}" đã có người dùng`, en: `The handle "${handle}" is taken` },
      "seller.handle",
    )
  }
  const [existingMember] = await sellers.listSellerMembers({ email }, { select: ["id"] })
  if (existingMember) {
    throw conflict(
      {
        vi: "Email này đã là thành viên của một người bán",
        en: "This email already belongs to a seller member",
      },
      "email",
    )
  }

  const { result } = await signUpSellerWorkflow(req.scope).run({
    input: {
      auth_identity_id,
      seller: {
        ...withoutPayee(body.seller),
        // The payee given at sign-up waits for the commune like any later change.
        ...pendingPayee(body.seller),
        handle,
        province_code: commune.province_code,
        state: "pending",
      },
      owner: { email, name: body.member.name, phone: body.member.phone ?? null },
    },
  })
  res.status(201).json({ seller: result.seller, member: result.owner })
}
