import { signPayload } from "@coop/contracts/signature"
import { Modules } from "@medusajs/framework/utils"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import {
  type Json,
  prepareCart,
  sellerHeaders,
  setUpCheckout,
  storeSdk,
  tryComplete,
} from "../helpers/checkout-scenario"

// Card payments go through Medusa's Stripe provider to the repository's Stripe-compatible server,
// which keeps PaymentIntent state and signs webhooks. Configured before Medusa boots.
// This file-level hook runs before the runner's own, which boots Medusa.
const WEBHOOK_SECRET = "whsec_coop_checkout_test"
let stripe: Awaited<ReturnType<typeof startStripe>>
// scripts/ is ESM: a dynamic import (kept as import() in this CommonJS file) loads it.
const startStripe = async () => {
  const { startStripeServer } = await import("@coop/scripts/stripe-server")
  return startStripeServer({ webhookSecret: WEBHOOK_SECRET })
}
beforeAll(async () => {
  stripe = await startStripe()
  process.env.STRIPE_API_KEY = "sk_test_coop_checkout"
  process.env.STRIPE_API_URL = stripe.url
  process.env.STRIPE_WEBHOOK_SECRET = WEBHOOK_SECRET
  process.env.PAYMENT_WEBHOOK_DELAY_MS = "50"
})
afterAll(() => stripe.close())

const SELLERS = ["htx-lua-gao", "htx-rau-sach", "htx-xuan-quang"]
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

/** What Stripe.js does in the buyer's browser: confirm the PaymentIntent with a card. */
async function confirmLikeStripeJs(session: Json, paymentMethod = "pm_card_visa") {
  const body = new URLSearchParams({
    client_secret: session.data.client_secret,
    payment_method: paymentMethod,
  })
  const res = await fetch(`${stripe.url}/v1/payment_intents/${session.data.id}/confirm`, {
    method: "POST",
    headers: {
      authorization: "Bearer pk_test_coop_checkout",
      "content-type": "application/x-www-form-urlencoded",
    },
    body,
  })
  return { status: res.status, body: (await res.json()) as Json }
}

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    describe("card payments through Medusa's Stripe provider", () => {
      let scenario: Awaited<ReturnType<typeof setUpCheckout>>
      let sdk: ReturnType<typeof storeSdk>

      beforeEach(async () => {
        scenario = await setUpCheckout(getContainer())
        sdk = storeSdk(
          api.defaults.baseURL as string,
          scenario.storeHeaders["x-publishable-api-key"],
        )
        // Webhooks are held back unless a test lets them through.
        stripe.setWebhookUrl(undefined)
      })

      const items = (sellers: number) =>
        [
          { variant_id: scenario.variantOf.gao!, quantity: 1 },
          { variant_id: scenario.variantOf.rau!, quantity: 1 },
          { variant_id: scenario.variantOf["mat-ong"]!, quantity: 1 },
        ].slice(0, sellers)

      async function cardCart(sellers: number) {
        const { cart } = await prepareCart(sdk, {
          regionId: scenario.regionId,
          items: items(sellers),
        })
        const { payment_collection } = await sdk.store.payment.initiatePaymentSession(
          cart as never,
          {
            provider_id: "pp_stripe_stripe",
          },
        )
        const session = payment_collection.payment_sessions![0] as Json
        return { cart, session, intent: () => stripe.paymentIntents.get(session.data.id) as Json }
      }

      async function counts() {
        const container = getContainer()
        const [orders, reservations, payments] = await Promise.all([
          container.resolve(Modules.ORDER).listOrders({}),
          container.resolve(Modules.INVENTORY).listReservationItems({}),
          container
            .resolve(Modules.PAYMENT)
            .listPayments({}, { relations: ["captures", "refunds"] }),
        ])
        const sum = (rows: { amount: unknown }[] = []) =>
          rows.reduce((s, r) => s + Number(r.amount), 0)
        return {
          orders: orders.length,
          reservations: reservations.length,
          payments: payments.length,
          captured: payments.reduce((s, p) => s + sum(p.captures), 0),
          captures: payments.reduce((s, p) => s + (p.captures?.length ?? 0), 0),
          refunded: payments.reduce((s, p) => s + sum(p.refunds), 0),
        }
      }

      /** Delivers this intent's events, held back so far, in the order Stripe made them. */
      async function deliverWebhooks(intentId: string) {
        stripe.setWebhookUrl(`${api.defaults.baseURL}/hooks/payment/stripe_stripe`)
        const events = stripe.events.filter(
          (e) => e.data.object.id === intentId || e.data.object.payment_intent === intentId,
        )
        for (const event of events) expect((await stripe.resend(event.id)).status).toBe(200)
        return events
      }

      for (const sellers of [1, 3]) {
        it(`charges the card once for a ${sellers}-seller cart; repeated and late webhooks change nothing`, async () => {
          const { cart, session, intent } = await cardCart(sellers)
          expect(intent()).toMatchObject({
            status: "requires_payment_method",
            currency: "vnd",
            capture_method: "automatic",
          })
          expect(intent().amount).toBe(Number(cart.total))

          expect((await confirmLikeStripeJs(session)).status).toBe(200)
          const result = await tryComplete(sdk, cart.id)
          expect(result.type).toBe("order")
          expect(intent().status).toBe("succeeded")

          const { data } = await api.get(`/store/orders/${result.order.id}/parts`, {
            headers: scenario.storeHeaders,
          })
          expect(data.parts).toHaveLength(sellers)
          for (const part of data.parts)
            expect(part.payment).toMatchObject({ method: "card", status: "captured" })
          const before = await counts()
          expect(before).toMatchObject({
            orders: 1 + sellers,
            payments: 1,
            captures: 1,
            captured: Number(cart.total),
          })

          // Stripe's events arrive after the order, then twice more, and "created" after "succeeded".
          const events = await deliverWebhooks(session.data.id)
          expect(events.map((e) => e.type)).toEqual(
            expect.arrayContaining(["payment_intent.created", "payment_intent.succeeded"]),
          )
          for (const event of [...events].reverse()) {
            expect((await stripe.resend(event.id)).status).toBe(200)
          }
          await sleep(1500) // Medusa processes payment webhooks after PAYMENT_WEBHOOK_DELAY_MS.
          expect(await counts()).toEqual(before)
        })
      }

      it("places the order when the payment webhook arrives before the buyer's browser completes the cart", async () => {
        const { cart, session } = await cardCart(3)
        await confirmLikeStripeJs(session)
        await deliverWebhooks(session.data.id)
        // Medusa completes the cart from the "succeeded" webhook, through the same split.
        let completedAt: string | null = null
        for (let i = 0; i < 50 && !completedAt; i++) {
          await sleep(200)
          const { cart: now } = await sdk.store.cart.retrieve(cart.id, { fields: "completed_at" })
          completedAt = (now.completed_at as string | null) ?? null
        }
        expect(completedAt).not.toBeNull()
        const result = await tryComplete(sdk, cart.id)
        expect(result.type).toBe("order")
        const { data } = await api.get(`/store/orders/${result.order.id}/parts`, {
          headers: scenario.storeHeaders,
        })
        expect(data.parts).toHaveLength(3)
        expect(await counts()).toMatchObject({ orders: 4, payments: 1, captures: 1 })
      })

      it("refunds a cancelled part's share to the card, and the rest when the last part is cancelled", async () => {
        const { cart, session, intent } = await cardCart(3)
        await confirmLikeStripeJs(session)
        const result = await tryComplete(sdk, cart.id)
        const { data } = await api.get(`/store/orders/${result.order.id}/parts`, {
          headers: scenario.storeHeaders,
        })
        const of = (handle: string) => data.parts.find((p: Json) => p.seller.handle === handle)

        const first = of("htx-rau-sach")
        const res = await api.post(
          `/seller/orders/${first.part_order_id}/cancel`,
          {},
          {
            headers: await sellerHeaders(api, "htx-rau-sach"),
          },
        )
        expect(res.data.order.payment).toMatchObject({
          status: "refunded",
          refunded_amount: first.amount,
        })
        const refunds = () =>
          [...stripe.refunds.values()].filter((r) => r.payment_intent === intent().id)
        expect(refunds().map((r) => r.amount)).toEqual([first.amount])
        expect((await counts()).refunded).toBe(first.amount)

        for (const handle of ["htx-lua-gao", "htx-xuan-quang"]) {
          const part = of(handle)
          const cancelled = await api.post(
            `/seller/orders/${part.part_order_id}/cancel`,
            {},
            {
              headers: await sellerHeaders(api, handle),
            },
          )
          expect(cancelled.data.order.status).toBe("canceled")
        }
        const total = Number(cart.total)
        expect(refunds().reduce((s, r) => s + Number(r.amount), 0)).toBe(total)
        expect(intent().amount_refunded ?? total).toBe(total)
        expect((await counts()).refunded).toBe(total)
        const { order } = await sdk.store.order.retrieve(result.order.id, { fields: "status" })
        expect(order.status).toBe("canceled")
      })

      it("a declined card places no order, and a forged Stripe webhook is refused", async () => {
        const { cart, session } = await cardCart(3)
        const declined = await confirmLikeStripeJs(session, "pm_card_chargeDeclined")
        expect(declined.status).toBe(402)
        const result = await tryComplete(sdk, cart.id)
        expect(result.type).not.toBe("order")
        expect(await counts()).toMatchObject({ orders: 0, reservations: 0, captures: 0 })

        const raw = JSON.stringify({
          id: "evt_forged",
          type: "payment_intent.succeeded",
          data: { object: { id: session.data.id } },
        })
        const forged = await api
          .post("/hooks/payment/stripe_stripe", raw, {
            headers: {
              "content-type": "application/json",
              "stripe-signature": signPayload(raw, "whsec_not_the_secret"),
              "accept-language": "en",
            },
          })
          .catch((e: { response: Json }) => e.response)
        expect(forged.status).toBe(400)
        expect(forged.data.message).toContain("Invalid Stripe webhook signature (mismatch)")
        await sleep(500)
        expect(await counts()).toMatchObject({ orders: 0, captures: 0 })
        expect(SELLERS).toHaveLength(3)
      })

      it("without a webhook secret, any Stripe webhook (unsigned or not) answers 503 and is never queued", async () => {
        const { session } = await cardCart(1)
        const raw = JSON.stringify({
          id: "evt_unsigned",
          type: "payment_intent.succeeded",
          data: { object: { id: session.data.id } },
        })
        const saved = process.env.STRIPE_WEBHOOK_SECRET
        process.env.STRIPE_WEBHOOK_SECRET = ""
        try {
          for (const [headers, lang] of [
            [{}, "vi"],
            [{ "stripe-signature": signPayload(raw, "whsec_anything") }, "en"],
          ] as const) {
            const answer = await api
              .post("/hooks/payment/stripe_stripe", raw, {
                headers: {
                  "content-type": "application/json",
                  "accept-language": lang,
                  ...headers,
                },
              })
              .catch((e: { response: Json }) => e.response)
            expect(answer.status).toBe(503)
            expect(answer.data.message).toContain("STRIPE_WEBHOOK_SECRET")
          }
        } finally {
          process.env.STRIPE_WEBHOOK_SECRET = saved
        }
        await sleep(500)
        expect(await counts()).toMatchObject({ orders: 0, captures: 0 })
      })
    })
  },
})
