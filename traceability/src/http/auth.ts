import type { FastifyRequest } from "fastify"
import { errors as joseErrors, jwtVerify } from "jose"
import {
  type Actor,
  COMMUNE_OFFICER_ACTOR_TYPE,
  HELPER_ACTOR_TYPE,
  PROVINCE_OFFICER_ACTOR_TYPE,
  SELLER_MEMBER_ACTOR_TYPE,
} from "../domain/actor.js"
import { msg, type Text } from "../messages.js"
import type { Caller } from "../services/context.js"
import { HttpError } from "./errors.js"

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

/** The caller as the services take it: the verified actor and the token to pass to the backend. */
export const callerOf = (request: FastifyRequest, actor: Actor = request.actor!): Caller => ({
  actor,
  authorization: request.headers.authorization!,
})
