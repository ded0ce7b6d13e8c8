import type { MedusaContainer } from "@medusajs/framework/types"
import { INDICATORS_MODULE } from "../../modules/indicators"
import type IndicatorsModuleService from "../../modules/indicators/service"
import { DERIVED_CODES } from "./codes"
import { allOrderPartFacts, registryFacts, sellerAndListingFacts } from "./derive"

/**
 * Recomputes every indicator the backend derives (registry, sellers, listings, orders and
 * payments) from the sources, replaces their facts and rebuilds every count from the facts, in
 * one transaction; order parts are read and written a page at a time. Stamp and scan facts come from the traceability service's events and are kept.
 * Returns how many facts it wrote and how long it took.
 */
export async function reconcileIndicators(container: MedusaContainer) {
  const started = Date.now()
  async function* pages() {
    yield await sellerAndListingFacts(container, "all")
    yield await registryFacts(container, "all")
    yield* allOrderPartFacts(container)
  }
  const facts = await container
    .resolve<IndicatorsModuleService>(INDICATORS_MODULE)
    .replaceFacts([...DERIVED_CODES], pages())
  return { facts, ms: Date.now() - started }
}
