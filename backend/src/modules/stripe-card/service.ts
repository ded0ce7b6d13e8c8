import { createRequire } from "node:module"
import StripeProviderService from "@medusajs/payment-stripe/dist/services/stripe-provider"
import type { StripeOptions } from "@medusajs/payment-stripe/dist/types"

export type StripeCardOptions = StripeOptions & {
  /**
   * Base URL of the Stripe API, e.g. `http://127.0.0.1:12111` for the stand-in of
   * `scripts/lib/stripe-server.mjs`. Unset: Stripe itself (https://api.stripe.com).
   */
  apiHost?: string
}

/** The Stripe client the base class keeps in `stripe_` (stripe-node 15). */
type StripeClient = StripeProviderService["stripe_"]
type StripeConstructor = new (
  apiKey: string,
  config: { host: string; port: number; protocol: "http" | "https" },
) => StripeClient

/**
 * The very stripe-node Medusa's provider was built with: @medusajs/payment-stripe depends on
 * stripe 15, while the `stripe` hoisted to the root is another major version.
 */
function providerStripe(): StripeConstructor {
  const fromProvider = createRequire(createRequire(__filename).resolve("@medusajs/payment-stripe"))
  return fromProvider("stripe") as StripeConstructor
}

/** `http://127.0.0.1:12111` -> the host, port and protocol stripe-node takes. */
export function parseApiHost(apiHost: string) {
  let url: URL
  try {
    url = new URL(apiHost)
  } catch {
    throw new Error(`Stripe option apiHost must be a URL like http://127.0.0.1:12111: ${apiHost}`)
  }
  const protocol = url.protocol.slice(0, -1)
  if (protocol !== "http" && protocol !== "https") {
    throw new Error(`Stripe option apiHost must be an http or https URL: ${apiHost}`)
  }
  if (url.pathname !== "/" || url.search || url.username) {
    throw new Error(`Stripe option apiHost takes no path, query or credentials: ${apiHost}`)
  }
  const port = Number(url.port || (protocol === "http" ? 80 : 443))
  return { host: url.hostname.replace(/^\[(.*)\]$/, "$1"), port, protocol } as const
}

/**
 * Medusa's Stripe card provider (`pp_stripe_stripe`, webhooks at /hooks/payment/stripe_stripe)
 * whose API host can be set, so development and tests talk to a local Stripe stand-in.
 */
export default class StripeCardProviderService extends StripeProviderService {
  static identifier = "stripe"

  static validateOptions(options: StripeCardOptions): void {
    StripeProviderService.validateOptions(options)
    if (options.apiHost) parseApiHost(options.apiHost)
  }

  constructor(container: Record<string, unknown>, options: StripeCardOptions) {
    super(container, options)
    // The base constructor builds `new Stripe(apiKey)` for api.stripe.com; replace that client.
    if (options.apiHost) {
      const Stripe = providerStripe()
      this.stripe_ = new Stripe(options.apiKey, parseApiHost(options.apiHost))
    }
  }
}
