import type pg from "pg"
import type { ProductCatalog } from "../catalog/product-catalog.js"
import type { Config } from "../config.js"
import type { Actor } from "../domain/actor.js"

/** What the services share, built once in buildApp. */
export interface ServiceDeps {
  config: Config
  pool: pg.Pool
  /** The backend's products, as the caller may see them. */
  catalog: ProductCatalog
  /** Seller states a product lookup brought drop the resolver's cached copies (resolver-setup.ts). */
  sellersChanged: (sellerIds: string[]) => Promise<void>
  /** A batch's facts changed behind the resolver: drop its cached provenance. */
  batchChanged: (batchId: string) => Promise<void>
}

/**
 * Who is calling: the token's actor (with an officer's area already filled in, http/officer-area.ts)
 * and the Authorization header itself, which product lookups pass on to the backend so it
 * answers as it would answer the caller.
 */
export interface Caller {
  actor: Actor
  authorization: string
}
