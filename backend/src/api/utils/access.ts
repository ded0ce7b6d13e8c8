import type {
  AuthenticatedMedusaRequest,
  MedusaNextFunction,
  MedusaRequest,
  MedusaResponse,
} from "@medusajs/framework/http"
import type { CommuneAccess, SellerAccess } from "../../lib/access"
import { COMMUNE_MODULE } from "../../modules/commune"
import type CommuneModuleService from "../../modules/commune/service"
import { SELLER_MODULE } from "../../modules/seller"
import type SellerModuleService from "../../modules/seller/service"
import { ApiError, badRequest, sellerNotFound } from "./errors"

export { type CommuneAccess, coversCommune, type SellerAccess } from "../../lib/access"

type WithAccess = AuthenticatedMedusaRequest & {
  sellerAccess?: SellerAccess
  communeAccess?: CommuneAccess
}

export const SELLER_HEADER = "x-seller-id"

const signInAgain = () =>
  new ApiError(401, {
    vi: "Tài khoản không còn hiệu lực, vui lòng đăng nhập lại",
    en: "This account no longer exists; sign in again",
  })

/**
 * Resolves the seller a request acts for from the database, never from the client's say-so: a
 * member's own seller, or for a helper the seller named in X-Seller-Id (or its delegated token)
 * that has a live grant for it.
 */
export async function loadSellerAccess(
  req: MedusaRequest,
  _res: MedusaResponse,
  next: MedusaNextFunction,
) {
  const request = req as WithAccess
  const { actor_id, actor_type, app_metadata } = request.auth_context
  const sellers = req.scope.resolve<SellerModuleService>(SELLER_MODULE)
  if (actor_type === "seller_member") {
    const [member] = await sellers.listSellerMembers({ id: actor_id }, { relations: ["seller"] })
    if (!member?.seller) throw signInAgain()
    request.sellerAccess = {
      actorType: "seller_member",
      actorId: actor_id,
      sellerId: member.seller.id,
      sellerState: member.seller.state,
      communeCode: member.seller.commune_code,
      provinceCode: member.seller.province_code,
      role: member.role,
      onBehalfOf: null,
    }
    return next()
  }
  if (actor_type === "helper") {
    const fromHeader = req.headers[SELLER_HEADER]
    const sellerId =
      (typeof fromHeader === "string" && fromHeader) ||
      (typeof app_metadata?.seller_id === "string" && app_metadata.seller_id) ||
      null
    if (!sellerId) {
      throw badRequest(SELLER_HEADER, {
        vi: `Người hỗ trợ phải chọn người bán (header ${SELLER_HEADER})`,
        en: `A helper must name the seller it acts for (header ${SELLER_HEADER})`,
      })
    }
    const [grant] = await sellers.listHelperGrants(
      { helper_id: actor_id, seller_id: sellerId, revoked_at: null, accepted_at: { $ne: null } },
      { relations: ["seller"] },
    )
    if (!grant?.seller) throw sellerNotFound()
    request.sellerAccess = {
      actorType: "helper",
      actorId: actor_id,
      sellerId: grant.seller.id,
      sellerState: grant.seller.state,
      communeCode: grant.seller.commune_code,
      provinceCode: grant.seller.province_code,
      role: "helper",
      onBehalfOf: grant.seller.id,
    }
    return next()
  }
  throw signInAgain()
}

/** Loads the officer behind a commune-portal request and the area it may see. */
export async function loadCommuneAccess(
  req: MedusaRequest,
  _res: MedusaResponse,
  next: MedusaNextFunction,
) {
  const request = req as WithAccess
  const { actor_id, actor_type } = request.auth_context
  const communes = req.scope.resolve<CommuneModuleService>(COMMUNE_MODULE)
  const [officer] = await communes.listOfficers({ id: actor_id })
  const expectedLevel = actor_type === "commune_officer" ? "commune" : "province"
  if (!officer || officer.level !== expectedLevel) throw signInAgain()
  request.communeAccess = {
    actorType: actor_type as CommuneAccess["actorType"],
    actorId: actor_id,
    communeCode: officer.level === "commune" ? officer.commune_code : null,
    provinceCode: officer.province_code,
    readOnly: officer.level === "province",
  }
  return next()
}

/** Only a seller's owner may manage its members and helpers. */
export function requireOwner(req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) {
  if (sellerAccess(req).role !== "owner") {
    return next(
      new ApiError(403, {
        vi: "Chỉ chủ tài khoản người bán mới làm được việc này",
        en: "Only the seller's owner may do this",
      }),
    )
  }
  return next()
}

/** Province officers read; only commune officers write. */
export function requireCommuneOfficer(
  req: MedusaRequest,
  _res: MedusaResponse,
  next: MedusaNextFunction,
) {
  if (communeAccess(req).readOnly) {
    return next(
      new ApiError(403, {
        vi: "Cán bộ tỉnh chỉ được xem, không được sửa",
        en: "Province officers have read-only access",
      }),
    )
  }
  return next()
}

export function sellerAccess(req: MedusaRequest): SellerAccess {
  const access = (req as WithAccess).sellerAccess
  if (!access) throw new Error("loadSellerAccess must run before this handler")
  return access
}

export function communeAccess(req: MedusaRequest): CommuneAccess {
  const access = (req as WithAccess).communeAccess
  if (!access) throw new Error("loadCommuneAccess must run before this handler")
  return access
}

/** The request's full path without the query, whatever router it reached this middleware through. */
export const fullPath = (req: MedusaRequest) =>
  (req.originalUrl ?? req.url).split("?")[0]!.replace(/\/+$/, "")
