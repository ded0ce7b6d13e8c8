import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { refreshIndicators } from "../lib/indicators/refresh"
import {
  changedByEvent,
  type EventData,
  INDICATOR_SOURCE_EVENTS,
} from "../lib/indicators/source-events"

/**
 * Keeps the commune's indicators up to date as the sources change. Each event names subjects to
 * derive again; what they count is read from the sources at that moment, so a repeated or late
 * event changes nothing.
 */
export default async function refreshIndicatorsOnChange({
  event,
  container,
}: SubscriberArgs<EventData>) {
  await refreshIndicators(container, await changedByEvent(container, event.name, event.data))
}

export const config: SubscriberConfig = { event: INDICATOR_SOURCE_EVENTS }
