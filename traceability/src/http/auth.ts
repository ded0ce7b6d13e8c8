import type { FastifyRequest } from "fastify"
import { errors as joseErrors, jwtVerify } from "jose"
import { msg, type Text } from "../messages.js"
import { HttpError } from "./errors.js"

/** Who is calling, as the Medusa backend's token says. */
export interface Actor {
  actorId: string
  /** "user" for operators (Medusa admin users); custom types for seller members and others. */
  actorType: string
  /**
   * The seller the token is scoped to, from `app_metadata.seller_id`; only seller members and
   * helpers have one (a seller_id in any other token, e.g. a customer's, is ignored).
   */
  sellerId: string | null
  /** For a helper: the seller it acts for (`app_metadata.on_behalf_of`), recorded on writes. */
  onBehalfOf: string | null
  /** For a commune officer: `app_metadata.commune_code`. */
  communeCode: string | null
  /** For a province officer: `app_metadata.province_code`. */
  provinceCode: string | null
}

export const OPERATOR_ACTOR_TYPE = "user"
export const SELLER_MEMBER_ACTOR_TYPE = "seller_member"
export const HELPER_ACTOR_TYPE = "helper"
export const COMMUNE_OFFICER_ACTOR_TYPE = "commune_officer"
export const PROVINCE_OFFICER_ACTOR_TYPE = "province_officer"
export const SERVICE_ACTOR_TYPE = "service"

export const isOperator = (actor: Actor) => actor.actorType === OPERATOR_ACTOR_TYPE

const unauthorized = (text: Text) => new HttpError(401, "unauthorized", text)

/** Verifies the request's Medusa bearer token (HS256, shared JWT_SECRET) and returns its actor. */
export async function authenticate(request: FastifyRequest, jwtKey: Uint8Array): Promise<Actor> {
  const header = request.headers.authorization
  const match = header ? /^Bearer\s+(\S+)$/i.exec(header) : null
  if (!match) throw unauthorized(msg.sendBearer())
  let payload: Record<string, unknown>
  try {
    ;({ payload } = await jwtVerify(match[1]!, jwtKey, { algorithms: ["HS256"] }))
  } catch (error) {
    throw unauthorized(
      error instanceof joseErrors.JWTExpired ? msg.tokenExpired() : msg.tokenInvalid(),
    )
  }
  const { actor_id, actor_type, app_metadata } = payload
  if (typeof actor_id !== "string" || !actor_id || typeof actor_type !== "string" || !actor_type) {
    throw unauthorized(msg.tokenNoActor())
  }
  const metadata = (app_metadata && typeof app_metadata === "object" ? app_metadata : {}) as Record<
    string,
    unknown
  >
  const text = (key: string) => {
    const value = metadata[key]
    return typeof value === "string" && value ? value : null
  }
  const isHelper = actor_type === HELPER_ACTOR_TYPE
  // A helper's delegated token names the seller twice; one that disagrees with itself acts for none.
  const helperSeller =
    isHelper && text("on_behalf_of") === text("seller_id") ? text("seller_id") : null
  return {
    actorId: actor_id,
    actorType: actor_type,
    sellerId: actor_type === SELLER_MEMBER_ACTOR_TYPE ? text("seller_id") : helperSeller,
    onBehalfOf: helperSeller,
    communeCode: actor_type === COMMUNE_OFFICER_ACTOR_TYPE ? text("commune_code") : null,
    provinceCode: actor_type === PROVINCE_OFFICER_ACTOR_TYPE ? text("province_code") : null,
  }
}

/** Whether the actor may act for this seller: its own seller, or any seller for an operator. */
export function mayActForSeller(actor: Actor, sellerId: string): boolean {
  return isOperator(actor) || actor.sellerId === sellerId
}
