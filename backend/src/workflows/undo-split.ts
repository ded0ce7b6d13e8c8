import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { CHECKOUT_MODULE } from "../modules/checkout"
import type CheckoutModuleService from "../modules/checkout/service"
import { PREORDER_MODULE } from "../modules/preorder"
import type PreorderModuleService from "../modules/preorder/service"
import { SELLER_MODULE } from "../modules/seller"
import { moveReservations } from "./steps/move-reservations"

/**
 * Removes the seller parts of an order after its split finished but the cart completion around
 * it failed later: stock reservations go back to the buyer's order items, pre-ordered quantities
 * back to their windows, then the parts go.
 */
export async function undoSplit(container: MedusaContainer, partOrderIds: string[]) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const checkout = container.resolve<CheckoutModuleService>(CHECKOUT_MODULE)
  const { data: orders } = await query.graph({
    entity: "order",
    fields: ["id", "metadata", "items.id", "items.metadata"],
    filters: { id: partOrderIds },
  })
  const moves = orders.flatMap((order) =>
    (
      (order.items ?? []) as ({ id: string; metadata?: Record<string, unknown> | null } | null)[]
    ).flatMap((item) => {
      const parent = item?.metadata?.parent_item_id
      return item && typeof parent === "string"
        ? [{ from_line_item_id: item.id, to_line_item_id: parent }]
        : []
    }),
  )
  if (moves.length) await moveReservations(container, moves)
  const link = container.resolve(ContainerRegistrationKeys.LINK)
  await link.dismiss(
    orders.map((o) => ({
      [SELLER_MODULE]: { seller_id: o.metadata?.seller_id as string },
      [Modules.ORDER]: { order_id: o.id },
    })),
  )
  const preorders = container.resolve<PreorderModuleService>(PREORDER_MODULE)
  const lines = await preorders.listPreorderLines({ part_order_id: partOrderIds })
  if (lines.length) {
    await preorders.release(lines.map((l) => l.id))
    await preorders.deletePreorderLines(lines.map((l) => l.id))
  }
  const parts = await checkout.listOrderParts({ part_order_id: partOrderIds })
  if (parts.length) await checkout.deleteOrderParts(parts.map((p) => p.id))
  await container.resolve(Modules.ORDER).deleteOrders(partOrderIds)
}
