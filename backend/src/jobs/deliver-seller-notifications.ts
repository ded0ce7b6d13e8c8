import type { MedusaContainer } from "@medusajs/framework/types"
import { deliverDue } from "../lib/seller-notifications/deliver"

/** Every minute, the worker sends the queued seller notices that are due (retries included). */
export default async function deliverSellerNotificationsJob(container: MedusaContainer) {
  await deliverDue(container)
}

export const config = { name: "deliver-seller-notifications", schedule: "* * * * *" }
