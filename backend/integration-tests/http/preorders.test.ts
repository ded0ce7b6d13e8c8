import { Modules } from "@medusajs/framework/utils"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { mailsTo } from "../../src/modules/mail-outbox/outbox"
import {
  type Json,
  payAndComplete,
  prepareCart,
  sellerHeaders,
  setUpCheckout,
  storeSdk,
  tryComplete,
} from "../helpers/checkout-scenario"
import { startTraceability } from "../helpers/traceability"

// Card refunds go through Medusa's Stripe provider to the repository's Stripe-compatible server.
const WEBHOOK_SECRET = "whsec_coop_preorder_test"
let stripe: Awaited<ReturnType<typeof startStripe>>
const startStripe = async () => {
  const { startStripeServer } = await import("@coop/scripts/stripe-server")
  return startStripeServer({ webhookSecret: WEBHOOK_SECRET })
}
beforeAll(async () => {
  stripe = await startStripe()
  process.env.STRIPE_API_KEY = "sk_test_coop_preorder"
  process.env.STRIPE_API_URL = stripe.url
  process.env.STRIPE_WEBHOOK_SECRET = WEBHOOK_SECRET
})
// The real traceability service holds the batches the windows are opened on.
let trace: Awaited<ReturnType<typeof startTraceability>> | undefined
afterAll(async () => {
  await stripe.close()
  await trace?.close()
})

const RICE = "htx-lua-gao"
const PRICE = 185000

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    describe("harvest pre-orders", () => {
      let scenario: Awaited<ReturnType<typeof setUpCheckout>>
      let sdk: ReturnType<typeof storeSdk>
      let seller: Record<string, string>
      let variantId: string
      let productId: string
      let batchId: string
      let lot = 0

      const post = (path: string, body: unknown = {}, headers = seller) =>
        api.post(path, body, { headers }).catch((e: { response: Json }) => e.response)
      const get = (path: string, headers: Record<string, string> = seller) =>
        api.get(path, { headers }).catch((e: { response: Json }) => e.response)

      beforeEach(async () => {
        scenario = await setUpCheckout(getContainer())
        sdk = storeSdk(
          api.defaults.baseURL as string,
          scenario.storeHeaders["x-publishable-api-key"],
        )
        seller = await sellerHeaders(api, RICE)
        variantId = scenario.variantOf.gao!
        const { data } = await getContainer()
          .resolve("query")
          .graph({ entity: "product_variant", fields: ["product_id"], filters: { id: variantId } })
        productId = data[0]!.product_id as string
        trace ??= await startTraceability(api.defaults.baseURL as string)
        batchId = await newBatch()
      })

      /** A planned batch of the rice in the seller's traceability records. */
      async function newBatch(headers = seller, product = productId) {
        const created = await trace!.call("POST", "/batches", headers, {
          product_id: product,
          lot_code: `MUA-${Date.now().toString(36).toUpperCase()}-${++lot}`,
          quantity: 100,
          unit: "bao",
          dates: { started_on: "2026-06-10" },
        })
        expect(created.status).toBe(201)
        return created.data.id as string
      }

      /** The seller records the harvest in the batch's diary, as the portal's diary form does. */
      async function harvestEvent(amount: number, unit = "bao", id = batchId) {
        const recorded = await trace!.call("POST", `/batches/${id}/events`, seller, {
          type: "harvest",
          occurred_at: new Date().toISOString(),
          quantity: { amount, unit },
        })
        expect(recorded.status).toBe(201)
      }

      const window = (extra: Json = {}) => ({
        product_id: productId,
        variant_id: variantId,
        batch_id: batchId,
        planned_quantity: 10,
        expected_harvest_on: "2026-10-15",
        delivery_from: "2026-10-20",
        ...extra,
      })

      async function open(extra: Json = {}) {
        const zero = await post(`/seller/products/${productId}/variants/${variantId}/stock`, {
          quantity: 0,
        })
        expect(zero.status).toBe(200)
        const opened = await post("/seller/preorders", window(extra))
        expect(opened.status).toBe(201)
        return opened.data.preorder as Json
      }

      async function order(quantity: number, provider: string) {
        const { cart } = await prepareCart(sdk, {
          regionId: scenario.regionId,
          items: [{ variant_id: variantId, quantity }],
        })
        if (provider === "pp_stripe_stripe") {
          const { payment_collection } = await sdk.store.payment.initiatePaymentSession(
            cart as never,
            { provider_id: provider },
          )
          const session = payment_collection.payment_sessions![0] as Json
          const confirmed = await fetch(
            `${stripe.url}/v1/payment_intents/${session.data.id}/confirm`,
            {
              method: "POST",
              headers: {
                authorization: "Bearer pk_test_coop_preorder",
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
          return parts(result.order.id)
        }
        const result = (await payAndComplete(sdk, cart, provider)) as Json
        expect(result.type).toBe("order")
        return parts(result.order.id)
      }

      async function parts(orderId: string) {
        const { data } = await api.get(`/store/orders/${orderId}/parts`, {
          headers: scenario.storeHeaders,
        })
        return { orderId, part: data.parts[0] as Json }
      }

      async function money(orderId: string) {
        const query = getContainer().resolve("query")
        const { data } = await query.graph({
          entity: "order",
          fields: ["payment_collections.payments.id"],
          filters: { id: orderId },
        })
        const id = data[0]!.payment_collections![0]!.payments![0]!.id
        const [payment] = await getContainer()
          .resolve(Modules.PAYMENT)
          .listPayments({ id }, { relations: ["captures", "refunds"] })
        const sum = (rows: { amount: unknown }[] | undefined) =>
          (rows ?? []).reduce((s, r) => s + Number(r.amount), 0)
        return { captured: sum(payment!.captures), refunded: sum(payment!.refunds) }
      }

      async function available() {
        const { data } = await getContainer()
          .resolve("query")
          .graph({
            entity: "product_variant",
            fields: [
              "inventory_items.inventory.location_levels.stocked_quantity",
              "inventory_items.inventory.location_levels.reserved_quantity",
            ],
            filters: { id: variantId },
          })
        const level = data[0]!.inventory_items![0]!.inventory!.location_levels![0]!
        return Number(level.stocked_quantity) - Number(level.reserved_quantity)
      }

      it("opens a window with clear errors, sells against the planned quantity, closes and extends it", async () => {
        const bad = await post("/seller/preorders", window({ delivery_from: "2026-10-01" }), {
          ...seller,
          "accept-language": "en",
        })
        expect(bad.status).toBe(400)
        expect(bad.data.field).toBe("delivery_from")
        expect(bad.data.message).toContain("expected harvest")
        const badVi = await post("/seller/preorders", window({ planned_quantity: 0 }))
        expect(badVi.status).toBe(400)
        expect(badVi.data.field).toBe("planned_quantity")

        // Stock on hand must be sold first: a pre-order does not mix with it.
        const withStock = await post("/seller/preorders", window())
        expect(withStock.status).toBe(409)
        expect(withStock.data.field).toBe("variant_id")
        expect((await get("/seller/preorders")).data.preorders).toHaveLength(0)

        const opened = await open({ per_buyer_cap: 4 })
        expect(opened).toMatchObject({ status: "open", planned_quantity: 10, left: 10 })
        expect(await available()).toBe(10)
        expect((await post("/seller/preorders", window())).status).toBe(409)

        // Another seller sees nothing of it.
        const other = await sellerHeaders(api, "htx-rau-sach")
        expect((await get(`/seller/preorders/${opened.id}`, other)).status).toBe(404)
        expect((await post(`/seller/preorders/${opened.id}/close`, {}, other)).status).toBe(404)

        const first = await order(3, "pp_cod_cod")
        expect(first.part.amount).toBe(3 * PRICE)
        const shop = await api.get(`/store/preorders?product_id=${productId}`, {
          headers: scenario.storeHeaders,
        })
        expect(shop.data.preorders[0]).toMatchObject({
          left: 7,
          expected_harvest_on: "2026-10-15",
          delivery_from: "2026-10-20",
          batch_id: batchId,
        })

        // The same buyer may take only one more: the cap counts across orders.
        const { cart } = await prepareCart(sdk, {
          regionId: scenario.regionId,
          items: [{ variant_id: variantId, quantity: 2 }],
        })
        await sdk.store.payment.initiatePaymentSession(cart as never, { provider_id: "pp_cod_cod" })
        const overCap = await tryComplete(sdk, cart.id)
        expect(overCap.type).not.toBe("order")
        expect(JSON.stringify(overCap)).toContain("only 1 more")
        expect(await available()).toBe(7)

        const closed = await post(`/seller/preorders/${opened.id}/close`)
        expect(closed.data.preorder.status).toBe("closed")
        expect(await available()).toBe(0)
        expect((await post(`/seller/preorders/${opened.id}/close`)).status).toBe(409)

        const tooSmall = await post(`/seller/preorders/${opened.id}/extend`, {
          planned_quantity: 2,
        })
        expect(tooSmall.status).toBe(409)
        expect(tooSmall.data.field).toBe("planned_quantity")
        const extended = await post(`/seller/preorders/${opened.id}/extend`, {
          planned_quantity: 12,
          closes_at: "2026-10-10T00:00:00+07:00",
        })
        expect(extended.data.preorder).toMatchObject({ status: "open", left: 9 })
        expect(await available()).toBe(9)
      })

      it("opens only on a planned batch of the seller's own product, which the picker lists", async () => {
        const zero = await post(`/seller/products/${productId}/variants/${variantId}/stock`, {
          quantity: 0,
        })
        expect(zero.status).toBe(200)
        const en = { ...seller, "accept-language": "en" }
        const opening = (extra: Json, headers = seller) =>
          post("/seller/preorders", window(extra), headers)

        const unknown = await opening({ batch_id: "d6f1c3c8-9d5e-4f7e-9d43-7f1e1c1b2a00" }, en)
        expect(unknown.status).toBe(400)
        expect(unknown.data.field).toBe("batch_id")
        expect(unknown.data.message).toContain("not found in your traceability records")
        const notUuid = await opening({ batch_id: "bat_new_season_rice" })
        expect(notUuid.status).toBe(400)
        expect(notUuid.data.field).toBe("batch_id")
        expect(notUuid.data.message).toContain("Không tìm thấy lô")

        // Another seller's batch (of its own vegetables) is not this seller's to sell.
        const other = await sellerHeaders(api, "htx-rau-sach")
        const { data: veg } = await getContainer()
          .resolve("query")
          .graph({
            entity: "product_variant",
            fields: ["product_id"],
            filters: { id: scenario.variantOf.rau! },
          })
        const theirs = await newBatch(other, veg[0]!.product_id as string)
        const foreign = await opening({ batch_id: theirs })
        expect(foreign.status).toBe(400)
        expect(foreign.data.field).toBe("batch_id")

        // A batch already harvested is not a coming harvest.
        const harvestedBatch = await newBatch()
        await harvestEvent(40, "bao", harvestedBatch)
        const late = await opening({ batch_id: harvestedBatch }, en)
        expect(late.status).toBe(409)
        expect(late.data.field).toBe("batch_id")
        expect(late.data.message).toContain("already has a harvest recorded")
        expect((await get("/seller/preorders")).data.preorders).toHaveLength(0)

        // The picker offers the planned batches only, and only for the seller's own product.
        const picker = await get(`/seller/preorders/batches?product_id=${productId}`)
        expect(picker.status).toBe(200)
        expect(picker.data.batches.map((b: Json) => b.id)).toEqual([batchId])
        expect(picker.data.batches[0]).toMatchObject({ quantity: 100, unit: "bao" })
        expect((await get(`/seller/preorders/batches?product_id=${productId}`, other)).status).toBe(
          404,
        )
        const missing = await get("/seller/preorders/batches")
        expect(missing.status).toBe(400)
        expect(missing.data.field).toBe("product_id")

        const opened = await opening({ batch_id: batchId })
        expect(opened.status).toBe(201)
        expect(opened.data.preorder.batch_id).toBe(batchId)
      })

      it("30 buyers racing for the last 10 get exactly 10 orders", async () => {
        const opened = await open()
        const carts: Json[] = []
        const ready = async () => {
          const { cart } = await prepareCart(sdk, {
            regionId: scenario.regionId,
            items: [{ variant_id: variantId, quantity: 1 }],
          })
          await sdk.store.payment.initiatePaymentSession(cart as never, {
            provider_id: "pp_cod_cod",
          })
          return cart
        }
        // One after another (carts of one guest e-mail race on creating its customer): the carts
        // are only the set-up; the race is the thirty completions below.
        for (let i = 0; i < 30; i++) carts.push(await ready())
        expect(carts).toHaveLength(30)
        const results = await Promise.all(carts.map((c) => tryComplete(sdk, c.id)))
        const placed = results.filter((r) => r.type === "order")
        expect(placed).toHaveLength(10)

        const { data } = await get(`/seller/preorders/${opened.id}`)
        expect(data.preorder.left).toBe(0)
        expect(data.lines).toHaveLength(10)
        expect(data.lines.reduce((s: number, l: Json) => s + l.quantity, 0)).toBe(10)
        expect(await available()).toBe(0)
        const reservations = await getContainer()
          .resolve(Modules.INVENTORY)
          .listReservationItems({})
        expect(reservations.reduce((s, r) => s + Number(r.quantity), 0)).toBe(10)
        // Thirty carts and their completions on one test database take minutes on a busy machine.
      }, 900_000)

      it("a short harvest shared pro rata: cash owes less, VietQR and card are refunded the difference", async () => {
        const opened = await open()
        const cash = await order(4, "pp_cod_cod")
        const transfer = await order(3, "pp_vietqr_vietqr")
        const paid = await post(`/seller/orders/${transfer.part.part_order_id}/confirm-payment`, {
          amount: transfer.part.amount,
        })
        expect(paid.status).toBe(200)
        const card = await order(3, "pp_stripe_stripe")
        expect((await money(card.orderId)).captured).toBe(3 * PRICE)

        // Nothing ships before the harvest: nobody knows yet how much a part will hold.
        const en = { ...seller, "accept-language": "en" }
        const early = await post(`/seller/orders/${cash.part.part_order_id}/ship`, {}, en)
        expect(early.status).toBe(409)
        expect(early.data.field).toBe("preorder")
        expect(early.data.message).toContain("record the window's harvest before shipping")
        const earlyVi = await post(`/seller/orders/${cash.part.part_order_id}/ship`)
        expect(earlyVi.data.message).toContain("chưa thu hoạch")
        expect((await parts(cash.orderId)).part.status).toBe("placed")

        // The harvest comes from the batch's diary: none recorded yet is a 409, a typed one a 400.
        const harvest = `/seller/preorders/${opened.id}/harvest`
        const tooSoon = await post(harvest, { allocation: "pro_rata" }, en)
        expect(tooSoon.status).toBe(409)
        expect(tooSoon.data.field).toBe("batch_id")
        expect(tooSoon.data.message).toContain("has no harvest recorded")
        const typed = await post(harvest, { harvested_quantity: 10, allocation: "pro_rata" })
        expect(typed.status).toBe(400)
        expect(typed.data.field).toBe("harvested_quantity")
        expect((await get(`/seller/preorders/${opened.id}`)).data.preorder.status).toBe("open")

        // Two pickings recorded in the diary: the harvest is their sum, 5.
        await harvestEvent(3)
        await harvestEvent(2)
        const harvested = await post(harvest, { allocation: "pro_rata" })
        expect(harvested.status).toBe(200)
        expect(harvested.data.preorder).toMatchObject({
          status: "harvested",
          harvested_quantity: 5,
        })
        // Nor is a window re-allocated twice.
        expect((await post(harvest, {})).status).toBe(409)

        // 4·5/10 = 2, 3·5/10 = 1.5 twice: the left-over unit goes to the earlier transfer.
        const after = {
          cash: (await parts(cash.orderId)).part,
          transfer: (await parts(transfer.orderId)).part,
          card: (await parts(card.orderId)).part,
        }
        expect(after.cash.amount).toBe(2 * PRICE)
        expect(after.transfer.amount).toBe(2 * PRICE)
        expect(after.card.amount).toBe(1 * PRICE)
        expect(after.cash.items[0].quantity).toBe(2)

        expect(await money(cash.orderId)).toEqual({ captured: 0, refunded: 0 })
        expect(await money(transfer.orderId)).toEqual({ captured: 3 * PRICE, refunded: PRICE })
        expect(await money(card.orderId)).toEqual({ captured: 3 * PRICE, refunded: 2 * PRICE })

        const { data } = await get(`/seller/preorders/${opened.id}`)
        expect(
          data.lines.map((l: Json) => [l.quantity, l.allocated_quantity, l.difference]),
        ).toEqual([
          [4, 2, 2 * PRICE],
          [3, 2, PRICE],
          [3, 1, 2 * PRICE],
        ])
        expect(data.lines.map((l: Json) => l.message.settled)).toEqual([
          "owe_less",
          "refunded",
          "refunded",
        ])
        expect(data.lines[0].message.vi).toContain("bạn nhận 2 trên 4")

        // The buyer's order total follows the parts' final amounts; Medusa's checkout figure stays.
        const buyer = await api.get(`/store/orders/${cash.orderId}/parts`, {
          headers: scenario.storeHeaders,
        })
        expect(buyer.data.order.total).toBe(2 * PRICE)
        expect(buyer.data.order.original_total).toBe(4 * PRICE)

        // Each buyer is told by e-mail, in Vietnamese and English, once.
        const told = (reference: string) =>
          mailsTo("nguoi.mua@example.test").filter(
            (m) => m.template === "preorder_changed" && m.subject?.includes(reference),
          )
        const cashMail = told(after.cash.reference)
        expect(cashMail).toHaveLength(1)
        expect(cashMail[0]!.text).toContain("bạn nhận 2 trên 4 đã đặt")
        expect(cashMail[0]!.text).toContain("you get 2 of the 4 you ordered")
        expect(cashMail[0]!.text).toContain("You pay only the new amount")
        expect(told(after.card.reference)[0]!.text).toContain("The difference is refunded")
        expect(told(after.transfer.reference)).toHaveLength(1)

        // Cash on delivery collects the smaller amount; nothing is left over for sale.
        const at = `/seller/orders/${cash.part.part_order_id}`
        expect((await post(`${at}/ship`)).status).toBe(200)
        expect((await post(`${at}/deliver`)).status).toBe(200)
        expect((await money(cash.orderId)).captured).toBe(2 * PRICE)
        expect(await available()).toBe(0)
      })

      it("first come: the last buyer's part vanishes and is refunded; the harvest's surplus goes on sale", async () => {
        const opened = await open()
        const early = await order(6, "pp_cod_cod")
        const late = await order(2, "pp_stripe_stripe")
        await harvestEvent(6)
        const harvested = await post(`/seller/preorders/${opened.id}/harvest`, {
          allocation: "first_come",
        })
        expect(harvested.status).toBe(200)
        expect((await parts(early.orderId)).part).toMatchObject({
          amount: 6 * PRICE,
          status: "placed",
        })
        expect((await parts(late.orderId)).part.status).toBe("canceled")
        expect((await money(late.orderId)).refunded).toBe(2 * PRICE)
        expect(await available()).toBe(0)

        // The harvested batch takes no second window; a new planned batch does.
        const reused = await post("/seller/preorders", window({ planned_quantity: 5 }))
        expect(reused.status).toBe(409)
        expect(reused.data.field).toBe("batch_id")
        batchId = await newBatch()
        const again = await open({ planned_quantity: 5 })
        const one = await order(1, "pp_cod_cod")
        await harvestEvent(4)
        const enough = await post(`/seller/preorders/${again.id}/harvest`)
        expect(enough.status).toBe(200)
        expect((await parts(one.orderId)).part.amount).toBe(PRICE)
        expect(await available()).toBe(3)
      })

      it("cancelling an unharvested window refunds everyone and records the reason", async () => {
        const opened = await open()
        const cash = await order(2, "pp_cod_cod")
        const card = await order(3, "pp_stripe_stripe")
        const short = await post(`/seller/preorders/${opened.id}/cancel`, { reason: "x" })
        expect(short.status).toBe(400)
        expect(short.data.field).toBe("reason")
        const canceled = await post(`/seller/preorders/${opened.id}/cancel`, {
          reason: "Lũ cuốn mất ruộng",
        })
        expect(canceled.data.preorder).toMatchObject({
          status: "canceled",
          cancel_reason: "Lũ cuốn mất ruộng",
        })
        expect((await parts(cash.orderId)).part.status).toBe("canceled")
        expect((await parts(card.orderId)).part.status).toBe("canceled")
        expect((await money(card.orderId)).refunded).toBe(3 * PRICE)
        expect(await available()).toBe(0)
        const { data } = await get(`/seller/preorders/${opened.id}`)
        expect(data.lines.every((l: Json) => l.message.vi.includes("Lũ cuốn mất ruộng"))).toBe(true)
        const shop = await api.get(`/store/preorders?product_id=${productId}`, {
          headers: scenario.storeHeaders,
        })
        expect(shop.data.preorders).toHaveLength(0)
      })
    })
  },
})
