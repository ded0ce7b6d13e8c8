import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { IndicatorSourceEvents } from "../lib/indicators/events"
import { notifySellers } from "../lib/seller-notifications/enqueue"
import { orderPartNotices, sellerStateNotices } from "../lib/seller-notifications/facts"

/**
 * Tells sellers, on the channels they chose, of a new order part, its confirmed payment, and an
 * approval or suspension (lib/seller-notifications). Queued after the fact's own workflow has
 * finished and never throws, so a provider being down cannot hold back or fail an order.
 */
export default async function notifySellersOfChange({
  event,
  container,
}: SubscriberArgs<{ id?: string; ids?: string[] }>) {
  const notices =
    event.name === IndicatorSourceEvents.SELLER_STATE_CHANGED
      ? await sellerStateNotices(container, event.data.id as string)
      : await orderPartNotices(container, event.data.ids ?? [])
  await notifySellers(container, notices)
}

export const config: SubscriberConfig = {
  event: [IndicatorSourceEvents.ORDER_PART_CHANGED, IndicatorSourceEvents.SELLER_STATE_CHANGED],
  context: { subscriberId: "seller-notifications" },
}
