import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { loadSellerStates, pushSellerStates } from "../lib/traceability-seller-states"

/**
 * Every five minutes, every seller's state goes to the traceability service again: a push lost
 * while it was down or restarting (lib/traceability-seller-states.ts) is made good within minutes.
 */
export default async function pushSellerStatesJob(container: MedusaContainer) {
  const log = container.resolve(ContainerRegistrationKeys.LOGGER)
  await pushSellerStates(await loadSellerStates(container), undefined, { attempts: 1, log })
}

export const config = { name: "push-seller-states", schedule: "*/5 * * * *" }
