import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ownerEmails } from "../../../lib/seller-queries"
import { changedPayeeFields, planProfileUpdate } from "../../../lib/seller-review"
import { SELLER_MODULE } from "../../../modules/seller"
import type SellerModuleService from "../../../modules/seller/service"
import { updateSellerProfileWorkflow } from "../../../workflows/update-seller-profile"
import { sellerAccess } from "../../utils/access"
import { sellerActor } from "../../utils/audit-actor"
import { ApiError } from "../../utils/errors"
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

/** The e-invoice fields: printed on every invoice, so only the owner changes them (audited). */
const INVOICE_FIELDS = ["tax_code", "invoice_series"] as const

/**
 * Edits the profile. Description, logo, e-mail and the like apply at once; public name, address,
 * phone and the payee wait for the commune's review (src/lib/seller-review.ts), and only the
 * owner may change the payee, the tax code or the invoice series (their new values go into the
 * audit log).
 */
export async function POST(req: AuthenticatedMedusaRequest, res: MedusaResponse) {
  const update = parseInput(UpdateSellerProfile, req.body)
  const access = sellerAccess(req)
  const sellers = req.scope.resolve<SellerModuleService>(SELLER_MODULE)
  const seller = await sellers.retrieveSeller(access.sellerId)
  if (access.role !== "owner") {
    const [invoiceField] = INVOICE_FIELDS.filter(
      (key) => update[key] !== undefined && (update[key] ?? null) !== (seller[key] ?? null),
    )
    if (invoiceField) {
      throw new ApiError(
        403,
        {
          vi: `Chỉ chủ tài khoản người bán mới được đổi thông tin hóa đơn (${invoiceField})`,
          en: `Only the seller's owner may change the invoice details (${invoiceField})`,
        },
        invoiceField,
      )
    }
    const [field] = changedPayeeFields(seller, update)
    if (field) {
      throw new ApiError(
        403,
        {
          vi: `Chỉ chủ tài khoản người bán mới được đổi tài khoản nhận tiền (${field})`,
          en: `Only the seller's owner may change the payee (${field})`,
        },
        field,
      )
    }
  }
  const plan = planProfileUpdate(seller, update)
  const { result } = await updateSellerProfileWorkflow(req.scope).run({
    input: {
      seller_id: access.sellerId,
      seller_name: seller.name,
      commune_code: access.communeCode,
      ...plan,
      had_pending: !!seller.pending_changes,
      owner_emails: Object.keys(plan.changed).length
        ? await ownerEmails(req.scope, access.sellerId)
        : [],
      invoice_fields: Object.fromEntries(
        INVOICE_FIELDS.filter(
          (key) => update[key] !== undefined && update[key] !== (seller[key] ?? null),
        ).map((key) => [key, update[key] ?? null]),
      ),
      actor: sellerActor(access),
    },
  })
  res.json({ seller: result })
}
