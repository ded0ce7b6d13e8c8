import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import type { Logger } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import {
  queueRevalidation,
  STOREFRONT_REVALIDATE_EVENTS,
  tagsForEvent,
} from "../lib/storefront-revalidate"

/**
 * Product, price, stock, category, region, seller and OCOP registry changes make the storefront's
 * cached pages stale: tell it which tags to drop (lib/storefront-revalidate.ts). Queued, never
 * awaited or thrown, so the storefront being down cannot hold back or fail anything here.
 */
export default async function revalidateStorefront({ event, container }: SubscriberArgs) {
  const logger = container.resolve<Logger>(ContainerRegistrationKeys.LOGGER)
  queueRevalidation(tagsForEvent(event.name), logger)
}

export const config: SubscriberConfig = { event: STOREFRONT_REVALIDATE_EVENTS }
