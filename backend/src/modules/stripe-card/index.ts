import { ModuleProvider, Modules } from "@medusajs/framework/utils"
import StripeCardProviderService from "./service"

export { parseApiHost, type StripeCardOptions } from "./service"
export { StripeCardProviderService }

/**
 * Payment module provider, in place of `@medusajs/medusa/payment-stripe`:
 * `{ resolve: "./src/modules/stripe-card", id: "stripe", options: { apiKey, webhookSecret,
 * capture, apiHost } }` -> provider `pp_stripe_stripe`.
 */
export default ModuleProvider(Modules.PAYMENT, { services: [StripeCardProviderService] })
