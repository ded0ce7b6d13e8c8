import type { MedusaContainer } from "@medusajs/framework/types"
import { INDICATORS_MODULE } from "../../modules/indicators"
import type IndicatorsModuleService from "../../modules/indicators/service"
import { DERIVED_CODES } from "./codes"
import { loadOrderPartFacts, registryFacts, sellerAndListingFacts } from "./derive"

/**
 * Recomputes every indicator the backend derives (registry, sellers, listings, orders and
 * payments) from the sources, replaces their facts and rebuilds every count from the facts, in
 * one transaction. Stamp and scan facts come from the traceability service's events and are kept.
 * Returns how many facts it wrote and how long it took.
 */
export async function reconcileIndicators(container: MedusaContainer) {
  const started = Date.now()
  const [listed, registry, parts] = await Promise.all([
    sellerAndListingFacts(container, "all"),
    registryFacts(container, "all"),
    loadOrderPartFacts(container, "all"),
  ])
  const facts = [...listed, ...registry, ...parts]
  await container
    .resolve<IndicatorsModuleService>(INDICATORS_MODULE)
    .replaceFacts([...DERIVED_CODES], facts)
  return { facts: facts.length, ms: Date.now() - started }
}
