import type { FulfillmentWorkflow, LinkDefinition } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { createRemoteLinkStep, createShippingOptionsWorkflow } from "@medusajs/medusa/core-flows"
import { DEFAULT_WEIGHT_BANDS, sellerShippingOptions } from "../modules/coop-shipping/rates"
import { SELLER_MODULE } from "../modules/seller"
import { createSellerShippingProfilesStep } from "./steps/create-seller-shipping"

/** The coop fulfilment provider (src/modules/coop-shipping) as medusa-config registers it. */
export const COOP_FULFILLMENT_PROVIDER = "coop_coop"

export interface SetUpSellerShippingInput {
  region_id: string
  sellers: {
    seller_id: string
    handle: string
    commune_code: string
    village_name?: string | null
    location_id: string
  }[]
}

/**
 * Gives sellers their own shipping: a shipping profile (the seller's products go in it), a
 * fulfilment set at the seller's stock location, and the four options every seller offers.
 */
export const setUpSellerShippingWorkflow = createWorkflow(
  "set-up-seller-shipping",
  (input: SetUpSellerShippingInput) => {
    const created = createSellerShippingProfilesStep(
      transform({ input }, ({ input }) =>
        input.sellers.map((s) => ({ seller_id: s.seller_id, handle: s.handle })),
      ),
    )
    createRemoteLinkStep(
      transform({ input, created }, ({ input, created }) =>
        input.sellers.flatMap((s, i): LinkDefinition[] => [
          {
            [SELLER_MODULE]: { seller_id: s.seller_id },
            [Modules.FULFILLMENT]: { shipping_profile_id: created[i]!.shipping_profile_id },
          },
          {
            [Modules.STOCK_LOCATION]: { stock_location_id: s.location_id },
            [Modules.FULFILLMENT]: { fulfillment_set_id: created[i]!.fulfillment_set_id },
          },
          {
            [Modules.STOCK_LOCATION]: { stock_location_id: s.location_id },
            [Modules.FULFILLMENT]: { fulfillment_provider_id: COOP_FULFILLMENT_PROVIDER },
          },
        ]),
      ),
    )
    const options = transform({ input, created }, ({ input, created }) =>
      input.sellers.flatMap(
        (s, i) =>
          sellerShippingOptions(s).map((o) => ({
            name: o.name,
            price_type: o.amount === null ? ("calculated" as const) : ("flat" as const),
            provider_id: COOP_FULFILLMENT_PROVIDER,
            service_zone_id: created[i]!.service_zone_id,
            shipping_profile_id: created[i]!.shipping_profile_id,
            data: {
              code: o.code,
              seller_id: s.seller_id,
              commune_code: s.commune_code,
              ...(o.amount === null ? { bands: DEFAULT_WEIGHT_BANDS } : {}),
            },
            type: { label: o.name, description: o.description, code: o.code },
            ...(o.amount === null
              ? {}
              : {
                  prices: [
                    { currency_code: "vnd", amount: o.amount },
                    { region_id: input.region_id, amount: o.amount },
                  ],
                }),
            rules: [
              { attribute: "enabled_in_store", value: "true", operator: "eq" as const },
              { attribute: "is_return", value: "false", operator: "eq" as const },
            ],
          })) as FulfillmentWorkflow.CreateShippingOptionsWorkflowInput[],
      ),
    )
    createShippingOptionsWorkflow.runAsStep({ input: options })
    return new WorkflowResponse(created)
  },
)
