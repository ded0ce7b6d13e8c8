import { quarterOf } from "@coop/contracts/quarters"
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { FactIncrement } from "../../modules/indicators/sql"
import { NOW, STAMPED_PRODUCT } from "./codes"

/** An event of the traceability service's outbox (traceability/README.md, "Indicator events"). */
export interface TraceEvent {
  id: string
  type: "stamps.issued" | "stamps.voided" | "scans.recorded" | "stamps.flagged" | string
  occurred_at: string
  seller_id: string
  product_id: string
  batch_id: string
  count: number
  first_scans?: number
  counterfeit?: number
}

type Seller = { id: string; commune_code: string; province_code: string }

/** The events that change a product's stamp total (and so whether its listing is traceable). */
export const STAMP_COUNT_EVENTS = new Set(["stamps.issued", "stamps.voided"])

/**
 * What each event adds: stamps issued (and the product's stamp total, which makes its listing
 * traceable), scans, first scans and stamps with a counterfeit signal, in the event's quarter and
 * the seller's commune. COUNTERFEIT counts stamps, once each: `scans.recorded`'s `counterfeit` is
 * the stamps whose first signal was among its scans, `stamps.flagged`'s `count` the stamps whose
 * first signal was a located scan's impossible journey (the service sends each stamp in exactly
 * one of them). Events of unknown sellers or types add nothing.
 */
export function traceIncrements(event: TraceEvent, seller: Seller | undefined): FactIncrement[] {
  if (!seller) return []
  const where = {
    dimension: "",
    commune_code: seller.commune_code,
    province_code: seller.province_code,
    denominator: 0,
  }
  const quarterly = (code: string, numerator: number): FactIncrement => ({
    ...where,
    code,
    subject_type: "seller",
    subject_id: seller.id,
    ref_id: null,
    period: quarterOf(event.occurred_at),
    numerator,
  })
  const stamped = (numerator: number): FactIncrement => ({
    ...where,
    code: STAMPED_PRODUCT,
    subject_type: "product",
    subject_id: event.product_id,
    ref_id: event.product_id,
    period: NOW,
    numerator,
  })
  switch (event.type) {
    case "stamps.issued":
      return [quarterly("STAMPS", event.count), stamped(event.count)]
    case "stamps.voided":
      return [stamped(-event.count)]
    case "scans.recorded":
      return [
        quarterly("SCANS", event.count),
        quarterly("SCANNED", event.first_scans ?? 0),
        quarterly("COUNTERFEIT", event.counterfeit ?? 0),
      ]
    case "stamps.flagged":
      return [quarterly("COUNTERFEIT", event.count)]
    default:
      return []
  }
}

export async function sellersOf(container: MedusaContainer, ids: string[]) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "seller",
    fields: ["id", "commune_code", "province_code"],
    filters: { id: [...new Set(ids)] },
  })
  return new Map((data as Seller[]).map((s) => [s.id, s]))
}
