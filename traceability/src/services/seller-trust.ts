import { type Actor, isOperator } from "../domain/actor.js"
import { forbidden } from "../domain/errors.js"
import { msg } from "../messages.js"
import { batchIdsOfGtin } from "../store/batches.js"
import { assignGtin, recordSellerStates, type SellerStateFact } from "../store/seller-trust.js"
import type { ServiceDeps } from "./context.js"

/** Only operators decide whose a GTIN is (the route asks before it reads the input). */
export function checkMayAssignGtin(actor: Actor): void {
  if (!isOperator(actor)) throw forbidden(msg.onlyOperatorGtin())
}

/**
 * What the backend and operators tell the service about sellers: their states (pushed, signed,
 * by the backend) and whose a GTIN is (an operator's decision). Each change drops the resolver's
 * cached copies at once, so the next scan already says it.
 */
export class SellerTrustService {
  constructor(
    private readonly deps: Pick<ServiceDeps, "pool" | "sellersChanged" | "batchChanged">,
  ) {}

  /** Records the states (older facts never overwrite newer ones); returns the sellers changed. */
  async recordStates(facts: SellerStateFact[]): Promise<string[]> {
    const changed = await recordSellerStates(this.deps.pool, facts)
    if (changed.length) await this.deps.sellersChanged(changed)
    return changed
  }

  /** An operator's decision: the GTIN (normalised) belongs to this seller from now on. */
  async assignGtin(actor: Actor, gtin: string, sellerId: string): Promise<void> {
    checkMayAssignGtin(actor)
    const { pool } = this.deps
    await assignGtin(pool, gtin, sellerId, { actorType: actor.actorType, actorId: actor.actorId })
    const batchIds = await batchIdsOfGtin(pool, gtin)
    await Promise.all(batchIds.map((id) => this.deps.batchChanged(id)))
  }
}
