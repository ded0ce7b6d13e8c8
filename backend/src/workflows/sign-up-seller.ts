import { Modules } from "@medusajs/framework/utils"
import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import {
  createRemoteLinkStep,
  createStockLocationsWorkflow,
  linkSalesChannelsToStockLocationWorkflow,
  useQueryGraphStep,
} from "@medusajs/medusa/core-flows"
import { SELLER_MODULE } from "../modules/seller"
import { setUpSellerShippingWorkflow } from "./seller-shipping"
import { type CreateSellerStepInput, createSellerStep } from "./steps/create-seller"
import { recordAuditStep } from "./steps/record-audit"
import { setAuthAppMetadataStep } from "./steps/set-auth-app-metadata"

export interface SignUpSellerInput extends CreateSellerStepInput {
  /** The registered (actor-less) auth identity that becomes the owner's login. */
  auth_identity_id: string
}

/**
 * A new cooperative or household signs up: the seller (pending until the commune approves it), its
 * owner's membership bound to the login, its own stock location and shipping, or none of these.
 */
export const signUpSellerWorkflow = createWorkflow("sign-up-seller", (input: SignUpSellerInput) => {
  const { seller, owner } = createSellerStep(input)

  setAuthAppMetadataStep(
    transform({ input, seller, owner }, ({ input, seller, owner }) => ({
      auth_identity_id: input.auth_identity_id,
      values: { seller_member_id: owner.id, seller_id: seller.id, role: "owner" },
    })),
  )

  const locations = createStockLocationsWorkflow.runAsStep({
    input: transform({ seller }, ({ seller }) => ({
      locations: [
        {
          name: `Kho ${seller.name}`,
          address: { address_1: seller.address ?? seller.name, country_code: "vn" },
        },
      ],
    })),
  })
  const { data: stores } = useQueryGraphStep({
    entity: "store",
    fields: ["default_sales_channel_id", "default_region_id"],
  })
  const { data: villages } = useQueryGraphStep({
    entity: "village",
    fields: ["name"],
    // A seller without a village must not match every village.
    filters: transform({ input }, ({ input }) => ({ code: input.seller.village_code ?? "-" })),
  }).config({ name: "seller-village" })
  linkSalesChannelsToStockLocationWorkflow.runAsStep({
    input: transform({ locations, stores }, ({ locations, stores }) => ({
      id: locations[0]!.id,
      add: [stores[0]!.default_sales_channel_id as string],
    })),
  })
  createRemoteLinkStep(
    transform({ seller, locations }, ({ seller, locations }) => [
      {
        [SELLER_MODULE]: { seller_id: seller.id },
        [Modules.STOCK_LOCATION]: { stock_location_id: locations[0]!.id },
      },
    ]),
  )

  setUpSellerShippingWorkflow.runAsStep({
    input: transform(
      { seller, locations, stores, villages },
      ({ seller, locations, stores, villages }) => ({
        region_id: stores[0]!.default_region_id as string,
        sellers: [
          {
            seller_id: seller.id,
            handle: seller.handle,
            commune_code: seller.commune_code,
            village_name: (villages[0]?.name as string | undefined) ?? null,
            location_id: locations[0]!.id,
          },
        ],
      }),
    ),
  })

  recordAuditStep(
    transform({ seller, owner }, ({ seller, owner }) => ({
      actor: { actor_type: "seller_member", actor_id: owner.id },
      action: "seller.sign_up",
      resource_type: "seller",
      resource_id: seller.id,
      seller_id: seller.id,
      commune_code: seller.commune_code,
    })),
  )
  return new WorkflowResponse({ seller, owner })
})
