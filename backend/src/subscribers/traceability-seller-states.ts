import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import type { Logger } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { IndicatorSourceEvents } from "../lib/indicators/events"
import { loadSellerStates, pushSellerStates } from "../lib/traceability-seller-states"

/**
 * An approval or a suspension reaches the traceability service at once, so the next scan of the
 * seller's stamps already says whether to trust them (lib/traceability-seller-states.ts).
 */
export default async function pushSellerStateToTraceability({
  event,
  container,
}: SubscriberArgs<{ id: string }>) {
  const log = container.resolve<Logger>(ContainerRegistrationKeys.LOGGER)
  await pushSellerStates(await loadSellerStates(container, [event.data.id]), undefined, { log })
}

export const config: SubscriberConfig = { event: IndicatorSourceEvents.SELLER_STATE_CHANGED }
