import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import {
  emitEventStep,
  linkProductsToSalesChannelWorkflow,
  useQueryGraphStep,
} from "@medusajs/medusa/core-flows"
import { IndicatorSourceEvents } from "../lib/indicators/events"
import { type AuditActor, recordAuditStep } from "./steps/record-audit"
import { setSellerStateStep } from "./steps/set-seller-state"

export interface SetSellerStateWorkflowInput {
  seller_id: string
  state: "approved" | "suspended"
  reason?: string | null
  actor: AuditActor
}

/**
 * Approves or suspends a seller. A seller's products sit in the storefront's sales channel exactly
 * while the seller is approved, so the store never shows a pending or suspended seller's goods.
 */
export const setSellerStateWorkflow = createWorkflow(
  "set-seller-state",
  (input: SetSellerStateWorkflowInput) => {
    const seller = setSellerStateStep(
      transform({ input }, ({ input }) => ({
        seller_id: input.seller_id,
        state: input.state,
        reason: input.reason ?? null,
        changed_by: `${input.actor.actor_type}:${input.actor.actor_id}`,
      })),
    )
    const { data: sellers } = useQueryGraphStep({
      entity: "seller",
      fields: ["id", "commune_code", "products.id", "products.sales_channels.id"],
      filters: { id: input.seller_id },
    }).config({ name: "seller-products" })
    const { data: stores } = useQueryGraphStep({
      entity: "store",
      fields: ["default_sales_channel_id"],
    }).config({ name: "store" })

    const change = transform({ sellers, stores, input }, ({ sellers, stores, input }) => {
      const channel = stores[0]?.default_sales_channel_id as string
      const products = (sellers[0]?.products ?? []) as {
        id: string
        sales_channels?: { id: string }[]
      }[]
      const inChannel = (p: (typeof products)[number]) =>
        (p.sales_channels ?? []).some((sc) => sc?.id === channel)
      return {
        id: channel,
        add:
          input.state === "approved" ? products.filter((p) => !inChannel(p)).map((p) => p.id) : [],
        remove: input.state === "suspended" ? products.filter(inChannel).map((p) => p.id) : [],
      }
    })
    linkProductsToSalesChannelWorkflow.runAsStep({ input: change })

    recordAuditStep(
      transform({ input, sellers }, ({ input, sellers }) => ({
        actor: input.actor,
        action: input.state === "approved" ? "seller.approve" : "seller.suspend",
        resource_type: "seller",
        resource_id: input.seller_id,
        seller_id: input.seller_id,
        commune_code: sellers[0]?.commune_code ?? null,
        data: input.reason ? { reason: input.reason } : null,
      })),
    )
    emitEventStep({
      eventName: IndicatorSourceEvents.SELLER_STATE_CHANGED,
      data: transform({ input }, ({ input }) => ({ id: input.seller_id })),
    })
    return new WorkflowResponse(seller)
  },
)
