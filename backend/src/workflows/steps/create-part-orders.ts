import type { CreateOrderDTO } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"

export const createPartOrdersStepId = "create-part-orders"

/** Creates every seller part's Medusa order in one call; deletes them again on rollback. */
export const createPartOrdersStep = createStep(
  createPartOrdersStepId,
  async (orders: CreateOrderDTO[], { container }) => {
    const orderModule = container.resolve(Modules.ORDER)
    const created = await orderModule.createOrders(orders)
    return new StepResponse(
      created.map((o) => ({
        id: o.id,
        display_id: o.display_id,
        seller_id: o.metadata?.seller_id as string,
        items: (o.items ?? []).map((i) => ({
          id: i.id,
          parent_item_id: (i.metadata?.parent_item_id as string) ?? null,
        })),
      })),
      created.map((o) => o.id),
    )
  },
  async (ids, { container }) => {
    if (!ids?.length) return
    await container.resolve(Modules.ORDER).deleteOrders(ids)
  },
)
