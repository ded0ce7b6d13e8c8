import {
  type Actor,
  COMMUNE_OFFICER_ACTOR_TYPE,
  isOperator,
  PROVINCE_OFFICER_ACTOR_TYPE,
  SERVICE_ACTOR_TYPE,
} from "../domain/actor.js"
import { forbidden } from "../domain/errors.js"
import { msg } from "../messages.js"
import {
  type CommuneStats,
  type CounterfeitStamp,
  communeStats,
  counterfeitStamps,
  type SellerStats,
  sellerStats,
} from "../store/stats.js"
import type { ServiceDeps } from "./context.js"

/** What a caller asks counts of: a time range (null: all time) and the places it names. */
export interface StatsQuery {
  start: Date | null
  end: Date | null
  communeCode?: string
  provinceCode?: string
}

/** The area the counts cover once the actor's own area is applied. */
export interface StatsArea {
  communeCode: string | null
  provinceCode: string | null
}

/**
 * The place filters the actor may ask for: the backend and operators any, officers their own
 * commune or province only, anyone else nothing.
 */
export function statsArea(actor: Actor, query: Pick<StatsQuery, "communeCode" | "provinceCode">) {
  let communeCode = query.communeCode ?? null
  let provinceCode = query.provinceCode ?? null
  if (actor.actorType === SERVICE_ACTOR_TYPE || isOperator(actor)) {
    return { communeCode, provinceCode }
  }
  if (actor.actorType === COMMUNE_OFFICER_ACTOR_TYPE && actor.communeCode) {
    if (communeCode && communeCode !== actor.communeCode) {
      throw forbidden(msg.communeOnly(actor.communeCode))
    }
    communeCode = actor.communeCode
    return { communeCode, provinceCode }
  }
  if (actor.actorType === PROVINCE_OFFICER_ACTOR_TYPE && actor.provinceCode) {
    if (provinceCode && provinceCode !== actor.provinceCode) {
      throw forbidden(msg.provinceOnly(actor.provinceCode))
    }
    provinceCode = actor.provinceCode
    return { communeCode, provinceCode }
  }
  throw forbidden(msg.statsWho())
}

/** Counts by quarter, seller and commune, and the stamps behind the counterfeit signals. */
export class StatsService {
  constructor(private readonly deps: Pick<ServiceDeps, "pool">) {}

  async sellers(
    actor: Actor,
    query: StatsQuery & { sellerId?: string },
  ): Promise<{ area: StatsArea; sellers: SellerStats[]; communes: CommuneStats[] }> {
    const area = statsArea(actor, query)
    const sellers = await sellerStats(this.deps.pool, {
      start: query.start,
      end: query.end,
      ...area,
      sellerId: query.sellerId ?? null,
    })
    return { area, sellers, communes: communeStats(sellers) }
  }

  async counterfeitStamps(
    actor: Actor,
    query: StatsQuery,
  ): Promise<{ area: StatsArea; stamps: CounterfeitStamp[] }> {
    const area = statsArea(actor, query)
    const stamps = await counterfeitStamps(this.deps.pool, {
      start: query.start,
      end: query.end,
      ...area,
    })
    return { area, stamps }
  }
}
