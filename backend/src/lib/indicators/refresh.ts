import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { COMMUNE_MODULE } from "../../modules/commune"
import type CommuneModuleService from "../../modules/commune/service"
import { INDICATORS_MODULE } from "../../modules/indicators"
import type IndicatorsModuleService from "../../modules/indicators/service"
import { loadOrderPartFacts, registryFacts, sellerAndListingFacts } from "./derive"

/** What changed in the sources; each id names a subject whose facts must be derived again. */
export interface Changed {
  products?: string[]
  sellers?: string[]
  ocop_entries?: string[]
  order_parts?: string[]
}

/**
 * Brings the indicators up to date with what changed: the changed subjects and those that depend
 * on them (a product's seller and registry entry; a seller's listings and entries) are derived
 * again from the sources and their facts set. Idempotent, so an event delivered twice or late
 * changes nothing: the facts always say what the sources say when this runs.
 */
export async function refreshIndicators(container: MedusaContainer, changed: Changed) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const communes = container.resolve<CommuneModuleService>(COMMUNE_MODULE)
  const indicators = container.resolve<IndicatorsModuleService>(INDICATORS_MODULE)
  const products = [...new Set(changed.products ?? [])]
  const sellers = new Set(changed.sellers ?? [])
  const entries = new Set(changed.ocop_entries ?? [])

  if (products.length) {
    const { data } = await query.graph({
      entity: "product",
      fields: ["id", "seller.id"],
      filters: { id: products },
    })
    for (const p of data as { id: string; seller?: { id: string } | null }[]) {
      if (p.seller) sellers.add(p.seller.id)
    }
  }
  // A listing's registry entries are its seller's, so the sellers' entries cover them.
  if (sellers.size) {
    for (const e of await communes.listOcopEntries({ seller_id: [...sellers] })) entries.add(e.id)
  }

  const [listed, registry, parts] = await Promise.all([
    sellers.size ? sellerAndListingFacts(container, [...sellers]) : [],
    entries.size ? registryFacts(container, [...entries]) : [],
    changed.order_parts?.length ? loadOrderPartFacts(container, changed.order_parts) : [],
  ])
  await indicators.setFacts([...listed, ...registry, ...parts])
  // Products gone (deleted, or no longer any seller's) stop counting where they counted.
  const covered = new Set(listed.filter((f) => f.code === "TRACEABLE").map((f) => f.subject_id))
  await indicators.clearFacts(
    "TRACEABLE",
    products.filter((id) => !covered.has(id)),
  )
}
