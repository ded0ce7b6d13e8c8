import type { FastifyRequest } from "fastify"
import type { OfficerDirectory } from "../catalog/officer-directory.js"
import { CatalogUnavailableError } from "../catalog/product-catalog.js"
import {
  type Actor,
  COMMUNE_OFFICER_ACTOR_TYPE,
  PROVINCE_OFFICER_ACTOR_TYPE,
} from "../domain/actor.js"
import { msg } from "../messages.js"
import { HttpError } from "./errors.js"

/**
 * An officer's actor with the area the backend's database gives it (the token names only the
 * officer). Anyone else's actor is returned as it is. An officer the backend does not know
 * keeps no area, so it sees nothing.
 */
export async function withOfficerArea(
  request: FastifyRequest,
  actor: Actor,
  officers: OfficerDirectory,
): Promise<Actor> {
  const isCommune = actor.actorType === COMMUNE_OFFICER_ACTOR_TYPE
  if (!isCommune && actor.actorType !== PROVINCE_OFFICER_ACTOR_TYPE) return actor
  let area: Awaited<ReturnType<OfficerDirectory["findArea"]>>
  try {
    area = await officers.findArea(request.headers.authorization!)
  } catch (error) {
    if (!(error instanceof CatalogUnavailableError)) throw error
    request.log.error({ err: error }, "officer lookup failed")
    throw new HttpError(502, "backend_unavailable", msg.officersUnavailable())
  }
  return {
    ...actor,
    communeCode: isCommune ? (area?.communeCode ?? null) : null,
    provinceCode: area && !isCommune ? area.provinceCode : null,
  }
}
