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

/** Whether the actor may act for this seller: its own seller, or any seller for an operator. */
export function mayActForSeller(actor: Actor, sellerId: string): boolean {
  return isOperator(actor) || actor.sellerId === sellerId
}
