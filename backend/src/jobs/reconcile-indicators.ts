import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { reconcileIndicators } from "../lib/indicators/reconcile"

/**
 * Every night the indicators are recomputed from the sources, so a missed event (a crash between
 * a change and its event, a bug) is corrected within a day; expiring OCOP certificates drop out.
 */
export default async function reconcileIndicatorsJob(container: MedusaContainer) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const { facts, ms } = await reconcileIndicators(container)
  logger.info(`Indicators reconciled: ${facts} facts in ${ms} ms`)
}

// 01:30 in Vietnam (18:30 UTC): after the day's orders, before officers start work.
export const config = { name: "reconcile-indicators", schedule: "30 18 * * *" }
