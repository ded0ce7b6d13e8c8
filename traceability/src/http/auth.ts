import type { FastifyRequest } from "fastify"
import { errors as joseErrors, jwtVerify } from "jose"
import { HttpError } from "./errors.js"

/** Who is calling, as the Medusa backend's token says. */
export interface Actor {
  actorId: string
  /** "user" for operators (Medusa admin users); custom types for seller members and others. */
  actorType: string
  /** The seller the token is scoped to, from `app_metadata.seller_id`. */
  sellerId: string | null
}

export const OPERATOR_ACTOR_TYPE = "user"

export const isOperator = (actor: Actor) => actor.actorType === OPERATOR_ACTOR_TYPE

const unauthorized = (message: string) => new HttpError(401, "unauthorized", message)

/** Verifies the request's Medusa bearer token (HS256, shared JWT_SECRET) and returns its actor. */
export async function authenticate(request: FastifyRequest, jwtKey: Uint8Array): Promise<Actor> {
  const header = request.headers.authorization
  const match = header ? /^Bearer\s+(\S+)$/i.exec(header) : null
  if (!match) throw unauthorized("Send Authorization: Bearer <token>")
  let payload: Record<string, unknown>
  try {
    ;({ payload } = await jwtVerify(match[1]!, jwtKey, { algorithms: ["HS256"] }))
  } catch (error) {
    const reason =
      error instanceof joseErrors.JWTExpired ? "The token has expired" : "The token is not valid"
    throw unauthorized(reason)
  }
  const { actor_id, actor_type, app_metadata } = payload
  if (typeof actor_id !== "string" || !actor_id || typeof actor_type !== "string" || !actor_type) {
    throw unauthorized("The token names no actor")
  }
  const sellerId =
    app_metadata && typeof app_metadata === "object" && "seller_id" in app_metadata
      ? (app_metadata as { seller_id?: unknown }).seller_id
      : null
  return {
    actorId: actor_id,
    actorType: actor_type,
    sellerId: typeof sellerId === "string" && sellerId ? sellerId : null,
  }
}

/** Whether the actor may act for this seller: its own seller, or any seller for an operator. */
export function mayActForSeller(actor: Actor, sellerId: string): boolean {
  return isOperator(actor) || actor.sellerId === sellerId
}
