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

// A card paying for produce sold by weight is held (manual capture) for the estimate plus the
// tolerance and charged once, for the weighed amounts (docs/checkout.md). The repository's
// Stripe-compatible server keeps the PaymentIntent's state; configured before Medusa boots.
const WEBHOOK_SECRET = "whsec_coop_weighing_card"
let stripe: Awaited<ReturnType<typeof startStripe>>
const startStripe = async () => {
  const { startStripeServer } = await import("@coop/scripts/stripe-server")
  return startStripeServer({ webhookSecret: WEBHOOK_SECRET })
}
beforeAll(async () => {
  stripe = await startStripe()
  process.env.STRIPE_API_KEY = "sk_test_coop_weighing"
  process.env.STRIPE_API_URL = stripe.url
  process.env.STRIPE_WEBHOOK_SECRET = WEBHOOK_SECRET
  process.env.PAYMENT_WEBHOOK_DELAY_MS = "50"
})
afterAll(() => stripe.close())

// Two chickens at ~1.8 kg and 150,000 VND/kg (540,000 VND estimated), 10% tolerance: the card
// holds 54,000 VND more than the cart's total.
const CHICKEN = {
  title: "Gà đồi thả vườn",
  variants: [
    {
      title: "1 con (~1,8 kg)",
      price: 270000,
      stock: 10,
      sold_by_weight: { unit: "piece", price_per_kg: 150000, grams: 1800, tolerance_pct: 10 },
    },
  ],
}
const HEADROOM = 54000
const VEG = "htx-rau-sach"
const RICE = "htx-lua-gao"
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    describe("a card held for produce sold by weight, charged the weighed amount", () => {
      let scenario: Awaited<ReturnType<typeof setUpCheckout>>
      let sdk: ReturnType<typeof storeSdk>
      let chickenVariant: string
      const seller: Record<string, Record<string, string>> = {}

      const post = (path: string, headers: Record<string, string>, body: unknown = {}) =>
        api.post(path, body, { headers }).catch((e: { response: Json }) => e.response)

      beforeEach(async () => {
        scenario = await setUpCheckout(getContainer())
        sdk = storeSdk(
          api.defaults.baseURL as string,
          scenario.storeHeaders["x-publishable-api-key"],
        )
        stripe.setWebhookUrl(undefined)
        for (const handle of [RICE, VEG]) seller[handle] = await sellerHeaders(api, handle)
        const created = await post("/seller/products", seller[VEG]!, CHICKEN)
        expect(created.status).toBe(201)
        const id = created.data.product.id
        expect((await post(`/seller/products/${id}/publish`, seller[VEG]!)).status).toBe(200)
        chickenVariant = created.data.product.variants[0].id
      })

      /** Two chickens and a bag of rice paid by card: the hold is confirmed as Stripe.js would. */
      async function placeCardOrder() {
        const { cart } = await prepareCart(sdk, {
          regionId: scenario.regionId,
          items: [
            { variant_id: chickenVariant, quantity: 2 },
            { variant_id: scenario.variantOf.gao!, quantity: 1 },
          ],
        })
        // The buyer ticked the chicken's tolerance at checkout (the cart completes only then).
        await sdk.store.cart.update(cart.id, {
          metadata: { weight_tolerances_accepted: { [chickenVariant]: 10 } },
        })
        // What the buyer's browser may send is not what decides the capture.
        const { payment_collection } = await sdk.store.payment.initiatePaymentSession(
          cart as never,
          { provider_id: "pp_stripe_stripe", data: { capture_method: "automatic" } },
        )
        const session = payment_collection.payment_sessions![0] as Json
        const intent = () => stripe.paymentIntents.get(session.data.id) as Json
        expect(intent()).toMatchObject({
          capture_method: "manual",
          amount: Number(cart.total) + HEADROOM,
          status: "requires_payment_method",
        })
        expect(Number(session.amount)).toBe(Number(cart.total) + HEADROOM)
        const confirmed = await fetch(
          `${stripe.url}/v1/payment_intents/${session.data.id}/confirm`,
          {
            method: "POST",
            headers: {
              authorization: "Bearer pk_test_coop_weighing",
              "content-type": "application/x-www-form-urlencoded",
            },
            body: new URLSearchParams({
              client_secret: session.data.client_secret,
              payment_method: "pm_card_visa",
            }),
          },
        )
        expect(confirmed.status).toBe(200)
        const result = await tryComplete(sdk, cart.id)
        expect(result.type).toBe("order")
        expect(intent()).toMatchObject({ status: "requires_capture", amount_received: 0 })
        const orderId = result.order.id as string
        return { cart, orderId, intent, intentId: session.data.id as string }
      }

      async function parts(orderId: string) {
        const { data } = await api.get(`/store/orders/${orderId}/parts`, {
          headers: scenario.storeHeaders,
        })
        const of = (handle: string) => data.parts.find((p: Json) => p.seller.handle === handle)
        return { chicken: of(VEG) as Json, rice: of(RICE) as Json }
      }

      /** The buyer's card payment in Medusa: authorised, captured and refunded sums. */
      async function money() {
        const payments = await getContainer()
          .resolve(Modules.PAYMENT)
          .listPayments({}, { relations: ["captures", "refunds"] })
        const sum = (rows: { amount: unknown }[] | undefined) =>
          (rows ?? []).reduce((s, r) => s + Number(r.amount), 0)
        return payments
          .filter((p) => p.provider_id === "pp_stripe_stripe")
          .map((p) => ({
            amount: Number(p.amount),
            captures: p.captures?.length ?? 0,
            captured: sum(p.captures),
            refunded: sum(p.refunds),
          }))
      }

      const weigh = (part: Json, grams: number, headers = seller[VEG]!) =>
        post(`/seller/orders/${part.part_order_id}/weigh`, headers, {
          lines: [{ item_id: part.items[0].id, grams }],
        })

      const refundsOf = (intentId: string) =>
        [...stripe.refunds.values()].filter((r) => r.payment_intent === intentId)

      it("lighter: the card is charged the actual amount once, nothing refunded, and Stripe's notices change nothing", async () => {
        const { cart, orderId, intent, intentId } = await placeCardOrder()
        const total = Number(cart.total)
        let { chicken, rice } = await parts(orderId)
        // Held, not charged: neither part is paid yet, the rice part included.
        expect(chicken.payment).toMatchObject({ method: "card", status: "awaiting" })
        expect(rice.payment).toMatchObject({ method: "card", status: "awaiting" })
        expect(await money()).toEqual([
          { amount: total + HEADROOM, captures: 0, captured: 0, refunded: 0 },
        ])

        // 3.4 kg for two birds: 510,000 VND instead of 540,000, within the 10%.
        const weighed = await weigh(chicken, 3400)
        expect(weighed.status).toBe(200)
        expect(weighed.data.order.weighing).toMatchObject({ status: "weighed" })
        ;({ chicken, rice } = await parts(orderId))
        expect(chicken.amount).toBe(510000)
        expect(chicken.payment).toMatchObject({ status: "captured", refunded_amount: 0 })
        expect(rice.payment).toMatchObject({ status: "captured" })
        const charged = total - 30000
        expect(intent()).toMatchObject({ status: "succeeded", amount_received: charged })
        expect(refundsOf(intentId)).toEqual([])
        const after = await money()
        expect(after).toEqual([
          { amount: total + HEADROOM, captures: 1, captured: charged, refunded: 0 },
        ])

        // Stripe's notices of the hold and of its capture arrive late: Medusa records nothing more.
        stripe.setWebhookUrl(`${api.defaults.baseURL}/hooks/payment/stripe_stripe`)
        const events = stripe.events.filter((e) => e.data.object.id === intentId)
        expect(events.map((e) => e.type)).toContain("payment_intent.succeeded")
        for (const event of events) expect((await stripe.resend(event.id)).status).toBe(200)
        await sleep(1500) // Medusa processes payment webhooks after PAYMENT_WEBHOOK_DELAY_MS.
        expect(await money()).toEqual(after)

        // Cancelling after the charge refunds exactly what this part was charged.
        const cancel = await post(`/seller/orders/${chicken.part_order_id}/cancel`, seller[VEG]!)
        expect(cancel.status).toBe(200)
        expect(refundsOf(intentId).map((r) => r.amount)).toEqual([chicken.amount])
      })

      it("heavier within the tolerance: the card is charged the actual amount from the hold", async () => {
        const { cart, orderId, intent } = await placeCardOrder()
        const { chicken } = await parts(orderId)
        // 3.9 kg: 585,000 VND, 45,000 above the estimate, within the 54,000 held for it.
        const weighed = await weigh(chicken, 3900)
        expect(weighed.status).toBe(200)
        expect(weighed.data.order).toMatchObject({
          amount: chicken.amount + 45000,
          weighing: { status: "weighed", topup: null },
        })
        const charged = Number(cart.total) + 45000
        expect(intent()).toMatchObject({ status: "succeeded", amount_received: charged })
        expect(await money()).toEqual([
          {
            amount: Number(cart.total) + HEADROOM,
            captures: 1,
            captured: charged,
            refunded: 0,
          },
        ])
      })

      it("heavier than the hold is refused naming the field, and nothing changes", async () => {
        const { orderId, intent } = await placeCardOrder()
        const { chicken } = await parts(orderId)
        // 4 kg: 600,000 VND, 60,000 above the estimate, more than the 54,000 held.
        const refused = await api
          .post(
            `/seller/orders/${chicken.part_order_id}/weigh`,
            { lines: [{ item_id: chicken.items[0].id, grams: 4000 }] },
            { headers: { ...seller[VEG]!, "accept-language": "en" } },
          )
          .catch((e: { response: Json }) => e.response)
        expect(refused.status).toBe(409)
        expect(refused.data.field).toBe("lines")
        expect(refused.data.message).toContain("more than the buyer's card holds")
        const vi = await weigh(chicken, 4000)
        expect(vi.status).toBe(409)
        expect(vi.data.message).toContain("vượt quá số tiền đã giữ trên thẻ")

        const now = (await parts(orderId)).chicken
        expect(now.amount).toBe(chicken.amount)
        expect(now.weighing).toMatchObject({ status: "required", weighed_at: null })
        expect(now.items[0].unit_price).toBe(270000)
        expect(intent()).toMatchObject({ status: "requires_capture", amount_received: 0 })
        expect((await money())[0]).toMatchObject({ captures: 0, captured: 0 })
      })

      it("a cancelled weighed part releases its share: the rest is charged, nothing refunded", async () => {
        const { orderId, intent, intentId } = await placeCardOrder()
        const { chicken, rice } = await parts(orderId)
        const cancel = await post(`/seller/orders/${chicken.part_order_id}/cancel`, seller[VEG]!)
        expect(cancel.status).toBe(200)
        expect(cancel.data.order).toMatchObject({
          status: "canceled",
          payment: { status: "canceled", refunded_amount: 0 },
        })
        // The rice part is all that is left, final from the start: charged now, alone.
        expect((await parts(orderId)).rice.payment).toMatchObject({ status: "captured" })
        expect(intent()).toMatchObject({ status: "succeeded", amount_received: rice.amount })
        expect(refundsOf(intentId)).toEqual([])
        expect((await money())[0]).toMatchObject({ captures: 1, captured: rice.amount })
      })

      it("the e-invoice of a weighed part carries the amount actually charged", async () => {
        const { orderId } = await placeCardOrder()
        const set = await post("/seller/me", seller[VEG]!, {
          invoice_series: "C26TBB",
          tax_code: "5300123457",
        })
        expect(set.status).toBe(200)
        const list = () =>
          api.get("/seller/invoices", { headers: seller[VEG]! }).then((r: { data: Json }) => r.data)
        // Held, not charged: no invoice yet.
        expect((await list()).invoices).toEqual([])

        const { chicken } = await parts(orderId)
        expect((await weigh(chicken, 3400)).status).toBe(200)
        const invoices = (await list()).invoices as Json[]
        expect(invoices).toHaveLength(1)
        expect(invoices[0]).toMatchObject({
          reference: chicken.reference,
          total: chicken.amount - 30000,
          adjustment_note: null,
        })
      })
    })
  },
})
