import type pg from "pg"
import type { OfficerDirectory } from "../catalog/officer-directory.js"
import type { ProductCatalog } from "../catalog/product-catalog.js"
import type { Config } from "../config.js"
import type { Services } from "../services/index.js"

/** What every route needs, built once in buildApp. */
export interface RouteContext {
  config: Config
  pool: pg.Pool
  /** JWT_SECRET as the key bytes `jose` verifies with. */
  jwtKey: Uint8Array
  /** The backend's products, as the caller may see them. */
  catalog: ProductCatalog
  /** Officers' areas, as the backend's database says. */
  officers: OfficerDirectory
  /** Batches, events, stamps and voids: who may do what, and the rules (src/services). */
  services: Services
}
