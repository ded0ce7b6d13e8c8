import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { IndicatorSourceEvents } from "./events"
import type { Changed } from "./refresh"

/** The events that move indicators: Medusa's own and those our workflows emit. */
export const INDICATOR_SOURCE_EVENTS = [
  "product.created",
  "product.updated",
  "product.deleted",
  "product-variant.created",
  "product-variant.updated",
  "product-variant.deleted",
  "inventory-level.created",
  "inventory-level.updated",
  "order.placed",
  "order.canceled",
  ...Object.values(IndicatorSourceEvents),
]

export type EventData = { id?: string | string[]; ids?: string[] }

const idsOf = (data: EventData) => [data.id ?? [], data.ids ?? []].flat().filter(Boolean)

/**
 * Which subjects an event names, for refreshIndicators: listings published or not, stock and
 * prices, sellers approved or suspended, registry entries, orders placed, paid, delivered or
 * cancelled. Events of other names name nothing.
 */
export async function changedByEvent(
  container: MedusaContainer,
  name: string,
  data: EventData,
): Promise<Changed> {
  const ids = idsOf(data)
  const changed: Changed = {}
  if (!ids.length) return changed
  switch (name) {
    case "product.created":
    case "product.updated":
    case "product.deleted":
      changed.products = ids
      break
    case "product-variant.updated":
    case "product-variant.created":
    case "product-variant.deleted": {
      const query = container.resolve(ContainerRegistrationKeys.QUERY)
      const { data } = await query.graph({
        entity: "product_variant",
        fields: ["product_id"],
        filters: { id: ids },
        withDeleted: true,
      })
      changed.products = data.flatMap((v) => (v.product_id ? [v.product_id as string] : []))
      break
    }
    case "inventory-level.created":
    case "inventory-level.updated": {
      const query = container.resolve(ContainerRegistrationKeys.QUERY)
      const { data } = await query.graph({
        entity: "inventory_level",
        fields: ["inventory_item.variants.product_id"],
        filters: { id: ids },
      })
      changed.products = data.flatMap((l) =>
        ((l.inventory_item?.variants ?? []) as ({ product_id?: string } | null)[]).flatMap((v) =>
          v?.product_id ? [v.product_id] : [],
        ),
      )
      break
    }
    case "order.placed":
    case "order.canceled": {
      // Stock was reserved or released: the order's products may have gone out of stock or back.
      const query = container.resolve(ContainerRegistrationKeys.QUERY)
      const { data } = await query.graph({
        entity: "order",
        fields: ["items.product_id"],
        filters: { id: ids },
      })
      changed.products = data.flatMap((o) =>
        ((o.items ?? []) as ({ product_id?: string } | null)[]).flatMap((i) =>
          i?.product_id ? [i.product_id] : [],
        ),
      )
      break
    }
    case IndicatorSourceEvents.SELLER_STATE_CHANGED:
      changed.sellers = ids
      break
    case IndicatorSourceEvents.OCOP_ENTRY_CHANGED:
      changed.ocop_entries = ids
      break
    case IndicatorSourceEvents.ORDER_PART_CHANGED:
      changed.order_parts = ids
      break
  }
  return changed
}
