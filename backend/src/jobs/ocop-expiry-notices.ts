import type { MedusaContainer } from "@medusajs/framework/types"
import { notifySellers } from "../lib/seller-notifications/enqueue"
import { ocopExpiryNotices } from "../lib/seller-notifications/facts"

/**
 * Each morning (07:00 in Vietnam), sellers whose OCOP certificate expires within 30 days are
 * told, once per registry entry and expiry date: a renewed entry is told again 30 days before
 * its new date.
 */
export default async function ocopExpiryNoticesJob(container: MedusaContainer) {
  await notifySellers(container, await ocopExpiryNotices(container))
}

export const config = { name: "ocop-expiry-notices", schedule: "0 0 * * *" }
