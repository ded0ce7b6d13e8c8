import http from "node:http"
import type { AddressInfo } from "node:net"
import { Modules, PaymentActions, PaymentSessionStatus } from "@medusajs/framework/utils"
import provider from "../index"
import StripeCardProviderService, { parseApiHost, type StripeCardOptions } from "../service"

const API_KEY = "sk_test_coop_card"
const PUBLISHABLE_KEY = "pk_test_coop_card"
const WEBHOOK_SECRET = "whsec_coop_card_test"

// scripts/ is ESM: a dynamic import (kept as import() in this CommonJS file) loads it.
const loadStripeServer = () => import("@coop/scripts/stripe-server")
type StripeServer = Awaited<
  ReturnType<Awaited<ReturnType<typeof loadStripeServer>>["startStripeServer"]>
>

type Webhook = { body: string; headers: http.IncomingHttpHeaders }
type Data = Record<string, unknown>

let server: StripeServer
let receiver: http.Server
const webhooks: Webhook[] = []

beforeAll(async () => {
  const { startStripeServer } = await loadStripeServer()
  server = await startStripeServer({
    webhookSecret: WEBHOOK_SECRET,
    secretKey: API_KEY,
    publishableKey: PUBLISHABLE_KEY,
  })
  receiver = http.createServer(async (req, res) => {
    const chunks: Buffer[] = []
    for await (const chunk of req) chunks.push(chunk as Buffer)
    webhooks.push({ body: Buffer.concat(chunks).toString("utf8"), headers: req.headers })
    res.writeHead(200).end()
  })
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve))
  const { port } = receiver.address() as AddressInfo
  server.setWebhookUrl(`http://127.0.0.1:${port}/hooks/payment/stripe_stripe`)
})

afterAll(async () => {
  await server?.close()
  await new Promise((resolve) => receiver?.close(resolve))
})

/**
 * Capture records as the payment module holds them: Medusa writes the capture (its id is the
 * provider's idempotency key, its amount what to take) before it asks the provider to capture.
 */
const captureRecords = new Map<string, { amount: number }>()
const captureService = {
  retrieve: async (id: string) => {
    const capture = captureRecords.get(id)
    if (!capture) throw new Error(`Capture with id: ${id} was not found`)
    return capture
  },
}

function newProvider(options: Partial<StripeCardOptions> = {}) {
  return new StripeCardProviderService({ logger: console, captureService } as never, {
    apiKey: API_KEY,
    webhookSecret: WEBHOOK_SECRET,
    apiHost: server.url,
    capture: true,
    ...options,
  })
}

/** What Stripe.js does in the browser: confirm with the publishable key and client secret. */
async function confirmInBrowser(data: Data | undefined, paymentMethod = "pm_card_visa") {
  const response = await fetch(`${server.url}/v1/payment_intents/${data?.id}/confirm`, {
    method: "POST",
    body: new URLSearchParams({
      key: PUBLISHABLE_KEY,
      client_secret: String(data?.client_secret),
      payment_method: paymentMethod,
    }),
  })
  return { status: response.status, body: (await response.json()) as Data }
}

async function session(p: StripeCardProviderService, sessionId: string, amount = 150000) {
  return p.initiatePayment({
    amount,
    currency_code: "vnd",
    data: { session_id: sessionId },
    context: { idempotency_key: sessionId },
  })
}

/** The webhooks the stand-in delivered about one intent, as Medusa's route hands them over. */
async function webhooksFor(intentId: string) {
  await server.awaitDeliveries()
  return webhooks
    .filter((w) => {
      const object = JSON.parse(w.body).data.object
      return object.id === intentId || object.payment_intent === intentId
    })
    .map((w) => ({
      type: JSON.parse(w.body).type as string,
      payload: { data: JSON.parse(w.body), rawData: Buffer.from(w.body), headers: w.headers },
    }))
}

describe("Stripe card provider with a settable API host", () => {
  it("registers as Medusa's Stripe provider, pp_stripe_stripe", () => {
    expect(provider.module).toBe(Modules.PAYMENT)
    expect(provider.services).toEqual([StripeCardProviderService])
    expect(StripeCardProviderService.identifier).toBe("stripe")
    expect(newProvider().getIdentifier()).toBe("stripe")
  })

  it("parses apiHost into stripe-node's host, port and protocol, and rejects bad ones", () => {
    expect(parseApiHost("http://127.0.0.1:12111")).toEqual({
      host: "127.0.0.1",
      port: 12111,
      protocol: "http",
    })
    expect(parseApiHost("https://stripe.internal")).toEqual({
      host: "stripe.internal",
      port: 443,
      protocol: "https",
    })
    expect(parseApiHost("http://[::1]:9")).toEqual({ host: "::1", port: 9, protocol: "http" })
    expect(() => parseApiHost("127.0.0.1:12111")).toThrow(/URL/)
    expect(() => parseApiHost("ftp://example.com")).toThrow(/http or https/)
    expect(() => parseApiHost("http://example.com/v1")).toThrow(/no path/)
    expect(() =>
      StripeCardProviderService.validateOptions({
        apiKey: API_KEY,
        webhookSecret: WEBHOOK_SECRET,
        apiHost: "nope",
      }),
    ).toThrow(/apiHost/)
    expect(() =>
      StripeCardProviderService.validateOptions({ webhookSecret: "x" } as StripeCardOptions),
    ).toThrow(/apiKey/)
  })

  it("keeps Stripe itself as the API host when apiHost is not set", () => {
    const p = new StripeCardProviderService(
      { logger: console },
      { apiKey: API_KEY, webhookSecret: WEBHOOK_SECRET },
    )
    // Must stay: the provider keeps its Stripe client in a protected field.
    const client = (p as unknown as { stripe_: { getApiField(name: string): unknown } }).stripe_
    expect(client.getApiField("host")).toBe("api.stripe.com")
    expect(client.getApiField("protocol")).toBe("https")
    const local = (newProvider() as unknown as { stripe_: typeof client }).stripe_
    expect(local.getApiField("host")).toBe("127.0.0.1")
    expect(local.getApiField("port")).toBe(server.port)
    expect(local.getApiField("protocol")).toBe("http")
  })

  it("creates the PaymentIntent on the stand-in; confirmed, it authorizes as captured", async () => {
    const p = newProvider()
    const initiated = await session(p, "payses_card_auto")
    expect(initiated.id).toMatch(/^pi_/)
    expect(initiated.status).toBe(PaymentSessionStatus.PENDING)
    const stored = server.paymentIntents.get(initiated.id)
    // VND is zero-decimal: 150000 dong stays 150000, not 15000000.
    expect(stored).toMatchObject({
      amount: 150000,
      currency: "vnd",
      capture_method: "automatic",
      status: "requires_payment_method",
      metadata: { session_id: "payses_card_auto" },
    })

    // Medusa retries initiatePayment with the session id as idempotency key: one intent only.
    const size = server.paymentIntents.size
    expect((await session(p, "payses_card_auto")).id).toBe(initiated.id)
    expect(server.paymentIntents.size).toBe(size)

    const confirmed = await confirmInBrowser(initiated.data)
    expect(confirmed.status).toBe(200)
    const authorized = await p.authorizePayment({ data: initiated.data })
    expect(authorized.status).toBe(PaymentSessionStatus.CAPTURED)
    expect(authorized.data).toMatchObject({ id: initiated.id, status: "succeeded" })
    expect(authorized.data?.payment_method).toMatchObject({ id: "pm_card_visa" })

    const events = await webhooksFor(initiated.id)
    expect(events.map((e) => e.type)).toEqual([
      "payment_intent.created",
      "payment_intent.succeeded",
    ])
    const created = await p.getWebhookActionAndData(events[0].payload)
    expect(created).toEqual({
      action: PaymentActions.PENDING,
      data: { session_id: "payses_card_auto", amount: 150000 },
    })
    const succeeded = await p.getWebhookActionAndData(events[1].payload)
    expect(succeeded).toEqual({
      action: PaymentActions.SUCCESSFUL,
      data: { session_id: "payses_card_auto", amount: 150000 },
    })
    expect(succeeded.action).toBe("captured")
  })

  it("authorizes with capture: false, then captures, refunds part and cancels nothing twice", async () => {
    const p = newProvider({ capture: false })
    const initiated = await session(p, "payses_card_manual", 320000)
    expect(server.paymentIntents.get(initiated.id)?.capture_method).toBe("manual")
    await confirmInBrowser(initiated.data)
    const authorized = await p.authorizePayment({ data: initiated.data })
    expect(authorized.status).toBe(PaymentSessionStatus.AUTHORIZED)
    expect(authorized.data).toMatchObject({ status: "requires_capture", amount_capturable: 320000 })

    // A held intent is captured for the amount of Medusa's capture record.
    captureRecords.set("capt_1", { amount: 320000 })
    const captured = await p.capturePayment({
      data: authorized.data,
      context: { idempotency_key: "capt_1" },
    })
    expect(captured.data).toMatchObject({ status: "succeeded", amount_received: 320000 })
    expect(server.paymentIntents.get(initiated.id)?.status).toBe("succeeded")
    // A second capture of a hold, as a new Medusa capture, is an error: no money is behind it.
    captureRecords.set("capt_2", { amount: 1000 })
    await expect(
      p.capturePayment({ data: authorized.data, context: { idempotency_key: "capt_2" } }),
    ).rejects.toThrow(/capturePayment/)
    // A second capture meets payment_intent_unexpected_state; Medusa takes the intent from it.
    const again = await p.capturePayment({ data: authorized.data })
    expect(again.data).toMatchObject({ id: initiated.id, status: "succeeded" })

    const refunded = await p.refundPayment({
      amount: 120000,
      data: captured.data,
      context: { idempotency_key: "ref_1" },
    })
    expect(refunded.data).toEqual(captured.data)
    const refunds = [...server.refunds.values()].filter((r) => r.payment_intent === initiated.id)
    expect(refunds.map((r) => r.amount)).toEqual([120000])
    // The same Medusa refund retried (same idempotency key) does not refund twice.
    await p.refundPayment({
      amount: 120000,
      data: captured.data,
      context: { idempotency_key: "ref_1" },
    })
    expect(
      [...server.refunds.values()].filter((r) => r.payment_intent === initiated.id),
    ).toHaveLength(1)
    await expect(p.refundPayment({ amount: 200001, data: captured.data })).rejects.toThrow(
      /refundPayment.*greater than unrefunded/,
    )
    await p.refundPayment({ amount: 200000, data: captured.data })
    const charge = server.charges.get(
      String(server.paymentIntents.get(initiated.id)?.latest_charge),
    )
    expect(charge).toMatchObject({ amount_refunded: 320000, refunded: true })
    // Fully refunded: Stripe's charge_already_refunded is swallowed by Medusa's provider.
    await expect(p.refundPayment({ amount: 1, data: captured.data })).resolves.toBeDefined()

    const events = await webhooksFor(initiated.id)
    expect(events.map((e) => e.type)).toEqual([
      "payment_intent.created",
      "payment_intent.amount_capturable_updated",
      "payment_intent.succeeded",
      "charge.refunded",
      "charge.refunded",
    ])
    const actions = await Promise.all(events.map((e) => p.getWebhookActionAndData(e.payload)))
    expect(actions[1]).toEqual({
      action: PaymentActions.AUTHORIZED,
      data: { session_id: "payses_card_manual", amount: 320000 },
    })
    // The "succeeded" notice of a held intent is the capture Medusa already recorded when it
    // asked for it: acting on it would record a second capture.
    expect(actions[2]).toEqual({ action: PaymentActions.NOT_SUPPORTED })
    // Refund events are not acted on by Medusa's provider.
    expect(actions[3]).toEqual({ action: PaymentActions.NOT_SUPPORTED })
  })

  it("cancels a payment, and a second cancel returns the canceled intent", async () => {
    const p = newProvider()
    const initiated = await session(p, "payses_card_cancel", 50000)
    const canceled = await p.cancelPayment({
      data: initiated.data,
      context: { idempotency_key: "pay_cancel" },
    })
    expect(canceled.data).toMatchObject({ id: initiated.id, status: "canceled" })
    expect(server.paymentIntents.get(initiated.id)?.status).toBe("canceled")
    const again = await p.cancelPayment({ data: initiated.data })
    expect(again.data).toMatchObject({ status: "canceled" })
    expect((await p.authorizePayment({ data: initiated.data })).status).toBe(
      PaymentSessionStatus.CANCELED,
    )
    const events = await webhooksFor(initiated.id)
    const action = await p.getWebhookActionAndData(events[events.length - 1].payload)
    expect(action).toEqual({
      action: PaymentActions.CANCELED,
      data: { session_id: "payses_card_cancel", amount: 50000 },
    })
  })

  it("reports a declined card as an error status and a failed webhook", async () => {
    const p = newProvider()
    const initiated = await session(p, "payses_card_declined", 70000)
    const declined = await confirmInBrowser(initiated.data, "pm_card_chargeDeclined")
    expect(declined.status).toBe(402)
    expect((declined.body.error as Data).code).toBe("card_declined")
    const status = await p.authorizePayment({ data: initiated.data })
    expect(status.status).toBe(PaymentSessionStatus.ERROR)
    const events = await webhooksFor(initiated.id)
    expect(events.map((e) => e.type)).toEqual([
      "payment_intent.created",
      "payment_intent.payment_failed",
    ])
    expect(await p.getWebhookActionAndData(events[1].payload)).toEqual({
      action: PaymentActions.FAILED,
      data: { session_id: "payses_card_declined", amount: 70000 },
    })
  })

  it("rejects a webhook with a bad signature or another secret", async () => {
    const p = newProvider()
    const initiated = await session(p, "payses_card_sig")
    const [created] = await webhooksFor(initiated.id)
    const tampered = created.payload.rawData.toString().replace("payses_card_sig", "payses_other")
    await expect(
      p.getWebhookActionAndData({ ...created.payload, rawData: Buffer.from(tampered) }),
    ).rejects.toThrow(/constructWebhookEvent/)
    await expect(
      p.getWebhookActionAndData({
        ...created.payload,
        headers: { "stripe-signature": "t=1,v1=00" },
      }),
    ).rejects.toThrow(/constructWebhookEvent/)
    const other = newProvider({ webhookSecret: "whsec_someone_else" })
    await expect(other.getWebhookActionAndData(created.payload)).rejects.toThrow(
      /No signatures found matching/,
    )
    // A duplicate delivery of the same event verifies again and maps to the same action.
    const before = webhooks.length
    await server.resend(JSON.parse(created.payload.rawData.toString()).id)
    const duplicate = webhooks[before]
    expect(JSON.parse(duplicate.body).id).toBe(JSON.parse(created.payload.rawData.toString()).id)
    expect(
      await p.getWebhookActionAndData({
        data: JSON.parse(duplicate.body),
        rawData: Buffer.from(duplicate.body),
        headers: duplicate.headers,
      }),
    ).toEqual({
      action: PaymentActions.PENDING,
      data: { session_id: "payses_card_sig", amount: 150000 },
    })
  })
})
