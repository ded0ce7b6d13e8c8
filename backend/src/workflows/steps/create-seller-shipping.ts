import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"

export interface SellerShippingTarget {
  seller_id: string
  handle: string
}

export const createSellerShippingProfilesStepId = "create-seller-shipping-profiles"

/** Creates one shipping profile and one fulfilment set (all of Việt Nam) per seller. */
export const createSellerShippingProfilesStep = createStep(
  createSellerShippingProfilesStepId,
  async (sellers: SellerShippingTarget[], { container }) => {
    const fulfillment = container.resolve(Modules.FULFILLMENT)
    const profiles = await fulfillment.createShippingProfiles(
      sellers.map((s) => ({ name: `seller:${s.handle}`, type: "seller" })),
    )
    const sets = await fulfillment.createFulfillmentSets(
      sellers.map((s) => ({
        name: `seller:${s.handle}`,
        type: "shipping",
        service_zones: [
          {
            name: `Việt Nam (${s.handle})`,
            geo_zones: [{ country_code: "vn", type: "country" as const }],
          },
        ],
      })),
    )
    const withZones = await fulfillment.listFulfillmentSets(
      { id: sets.map((s) => s.id) },
      { relations: ["service_zones"] },
    )
    const zoneBySet = new Map(withZones.map((s) => [s.id, s.service_zones[0]!.id]))
    const result = sellers.map((s, i) => ({
      seller_id: s.seller_id,
      shipping_profile_id: profiles[i]!.id,
      fulfillment_set_id: sets[i]!.id,
      service_zone_id: zoneBySet.get(sets[i]!.id)!,
    }))
    return new StepResponse(result, {
      profiles: profiles.map((p) => p.id),
      sets: sets.map((s) => s.id),
    })
  },
  async (created, { container }: { container: MedusaContainer }) => {
    if (!created) return
    const fulfillment = container.resolve(Modules.FULFILLMENT)
    await fulfillment.deleteFulfillmentSets(created.sets)
    await fulfillment.deleteShippingProfiles(created.profiles)
  },
)
