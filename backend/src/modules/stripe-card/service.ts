import { createRequire } from "node:module"
import { PaymentActions } from "@medusajs/framework/utils"
import StripeProviderService from "@medusajs/payment-stripe/dist/services/stripe-provider"
import type { StripeOptions } from "@medusajs/payment-stripe/dist/types"
import { getSmallestUnit } from "@medusajs/payment-stripe/dist/utils/get-smallest-unit"

export type StripeCardOptions = StripeOptions & {
  /**
   * Base URL of the Stripe API, e.g. `http://127.0.0.1:12111` for the stand-in of
   * `scripts/lib/stripe-server.mjs`. Unset: Stripe itself (https://api.stripe.com).
   */
  apiHost?: string
}

type CaptureInput = Parameters<StripeProviderService["capturePayment"]>[0]
type WebhookInput = Parameters<StripeProviderService["getWebhookActionAndData"]>[0]

/** The payment module's own record of captures, in the cradle every provider is built with. */
interface CaptureRecords {
  retrieve(id: string, config?: { select?: string[] }): Promise<{ amount: unknown }>
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

  /**
   * A card held for produce sold by weight (`capture_method: manual`, docs/checkout.md) is
   * captured for the amount of Medusa's capture, not the whole hold: Medusa hands a provider no
   * amount, only the capture's id as the idempotency key, so the amount is read from that
   * capture. Stripe captures a PaymentIntent once and releases the rest of the hold. Any other
   * intent is captured as Medusa's provider does.
   */
  async capturePayment(input: CaptureInput) {
    const intent = input.data as { id?: string; capture_method?: string; currency?: string }
    const captureId = input.context?.idempotency_key
    if (intent?.capture_method !== "manual" || !intent.id || !captureId) {
      return super.capturePayment(input)
    }
    // Must stay: the base provider types its container without the payment module's services.
    const captures = (this.container_ as unknown as { captureService: CaptureRecords })
      .captureService
    const capture = await captures.retrieve(captureId, { select: ["id", "amount", "raw_amount"] })
    try {
      const captured = await this.stripe_.paymentIntents.capture(
        intent.id,
        { amount_to_capture: getSmallestUnit(Number(capture.amount), intent.currency ?? "vnd") },
        { idempotencyKey: captureId },
      )
      // Must stay: Stripe's PaymentIntent is an interface, Medusa's data a plain record.
      return { data: captured as unknown as Record<string, unknown> }
    } catch (error) {
      // Unlike the base provider, an intent already captured is an error here: a second
      // capture of a hold would be recorded by Medusa with no money behind it.
      throw this.buildError("An error occurred in capturePayment", error as Error)
    }
  }

  /**
   * The "succeeded" notice of a held card is the capture this platform made itself and Medusa
   * already recorded; acting on it would capture a second time. Every other notice is Medusa's.
   */
  async getWebhookActionAndData(webhookData: WebhookInput) {
    const result = await super.getWebhookActionAndData(webhookData)
    if (result.action !== PaymentActions.SUCCESSFUL) return result
    const event = this.constructWebhookEvent(webhookData)
    const intent = event.data.object as { capture_method?: string }
    if (intent.capture_method === "manual") return { action: PaymentActions.NOT_SUPPORTED }
    return result
  }
}
