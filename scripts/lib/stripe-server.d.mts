/** The Stripe API version the server reports (stripe-node 15's pinned version). */
export declare const API_VERSION: string

export type StripeServerOptions = {
  /** 0 (default) picks a free port. */
  port?: number
  host?: string
  /** Where events are POSTed; none means events are only recorded. */
  webhookUrl?: string
  /** Signs webhooks (`whsec_…`); generated when omitted, see `webhookSecret` on the result. */
  webhookSecret?: string
  /** The only secret key accepted; by default any `sk_test_…`. */
  secretKey?: string
  /** The only publishable key accepted; by default any `pk_test_…`. */
  publishableKey?: string
  /** Pauses between delivery attempts; an event is tried `length + 1` times. [100, 400] */
  retryDelaysMs?: number[]
  /** Per delivery attempt; 5000. */
  timeoutMs?: number
  apiVersion?: string
  log?: (line: string) => void
}

/** A Stripe object as JSON (`id`, `object`, …). */
export type StripeObject = { id: string; object: string; [field: string]: unknown }

export type StripeEvent = {
  id: string
  object: "event"
  api_version: string
  created: number
  type: string
  livemode: false
  pending_webhooks: number
  request: { id: string | null; idempotency_key: string | null }
  data: { object: StripeObject }
}

export type WebhookDelivery = {
  eventId: string
  url: string
  attempt: number
  /** HTTP status, or null when the request failed (see `error`). */
  status: number | null
  error: string | null
  at: number
}

export type DeliveryResult = {
  ok: boolean
  status: number | null
  error: string | null
  attempts: number
}

export type StripeServer = {
  url: string
  host: string
  port: number
  protocol: "http"
  webhookSecret: string
  /** Every event created, in order (also those created while no webhook URL was set). */
  events: StripeEvent[]
  /** Every delivery attempt, in order. */
  deliveries: WebhookDelivery[]
  /** Live state; read it, do not change it. */
  paymentIntents: Map<string, StripeObject>
  customers: Map<string, StripeObject>
  charges: Map<string, StripeObject>
  refunds: Map<string, StripeObject>
  setWebhookUrl(url: string | undefined): void
  /** Delivers a stored event again (same id and body, fresh signature), outside the queues. */
  resend(eventId: string, url?: string): Promise<DeliveryResult>
  /** Resolves once every queued delivery and retry has finished. */
  awaitDeliveries(): Promise<void>
  close(): Promise<void>
}

export declare function startStripeServer(options?: StripeServerOptions): Promise<StripeServer>
