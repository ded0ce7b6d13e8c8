import { Modules } from "@medusajs/framework/utils"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { cancelUnpaidDeposits } from "../../src/lib/unpaid-deposits"
import { mailsTo } from "../../src/modules/mail-outbox/outbox"
import { PREORDER_MODULE } from "../../src/modules/preorder"
import type PreorderModuleService from "../../src/modules/preorder/service"
import { signBankNotification } from "../../src/modules/vietqr/bank-notification"
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
        expect(opened.status, JSON.stringify(opened.data)).toBe(201)
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

        // A part cancelled after the harvest's refund gives back the rest of what was paid: the
        // card its last PRICE (3 charged, 2 refunded), the transfer its 2 (recorded).
        for (const part of [card, transfer]) {
          const cancelled = await post(`/seller/orders/${part.part.part_order_id}/cancel`)
          expect(cancelled.status).toBe(200)
        }
        expect(await money(card.orderId)).toEqual({ captured: 3 * PRICE, refunded: 3 * PRICE })
        expect(await money(transfer.orderId)).toEqual({ captured: 3 * PRICE, refunded: 3 * PRICE })
        // The part's own record says so too (the share refunded on cancelling a part that is not
        // its order's last is this figure, so it must not be short).
        for (const part of [card, transfer]) {
          expect((await parts(part.orderId)).part.payment).toMatchObject({
            status: "refunded",
            refunded_amount: 3 * PRICE,
          })
        }
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

      it("deposit: cash is refused; VietQR pays 30 % first, the rest after a short harvest, the excess refunded", async () => {
        const opened = await open({ deposit_percent: 30 })
        const en = { ...scenario.storeHeaders, "accept-language": "en" }

        // Cash on delivery cannot pay a deposit: the payment session is refused, nothing changes.
        const { cart } = await prepareCart(sdk, {
          regionId: scenario.regionId,
          items: [{ variant_id: variantId, quantity: 2 }],
        })
        const offered = await get(`/store/carts/${cart.id}/vietqr`, scenario.storeHeaders)
        expect(offered.data).toMatchObject({ cod_available: false, deposit_percent: 30 })
        const { data: created } = await api.post(
          "/store/payment-collections",
          { cart_id: cart.id },
          { headers: scenario.storeHeaders },
        )
        const sessions = `/store/payment-collections/${created.payment_collection.id}/payment-sessions`
        const cash = await post(sessions, { provider_id: "pp_cod_cod" }, en)
        expect(cash.status).toBe(409)
        expect(cash.data.field).toBe("provider_id")
        expect(cash.data.message).toContain("needs a deposit: please pay by VietQR or card")
        const cashVi = await post(sessions, { provider_id: "pp_cod_cod" }, scenario.storeHeaders)
        expect(cashVi.data.message).toContain("cần đặt cọc")
        const { data: collection } = await getContainer()
          .resolve("query")
          .graph({
            entity: "payment_collection",
            fields: ["payment_sessions.id"],
            filters: { id: created.payment_collection.id },
          })
        expect(collection[0]!.payment_sessions ?? []).toHaveLength(0)
        expect((await tryComplete(sdk, cart.id)).type).not.toBe("order")
        expect((await get(`/seller/preorders/${opened.id}`)).data.preorder.left).toBe(10)
        expect(await available()).toBe(10)

        // A: 4 bags by VietQR; the QR asks ceil(740.000 × 30 %) = 222.000 first.
        const a = await order(4, "pp_vietqr_vietqr")
        expect(a.part.amount).toBe(4 * PRICE)
        expect(a.part.deposit).toMatchObject({ amount: 222000, status: "awaiting" })
        expect(a.part.vietqr).toMatchObject({ amount: 222000 })
        expect(a.part.vietqr.purpose).toBe(`Dat coc ${a.part.reference}`)
        expect(a.part.payment).toMatchObject({
          status: "awaiting",
          due: 222000,
          due_for: "deposit",
        })
        // The seller confirms what it received: the whole amount is not what is due.
        const at = (p: { part: Json }) => `/seller/orders/${p.part.part_order_id}/confirm-payment`
        const whole = await post(at(a), { amount: 4 * PRICE })
        expect(whole.status).toBe(400)
        expect(whole.data.field).toBe("amount")
        expect((await post(at(a), { amount: 222000 })).status).toBe(200)
        expect(await money(a.orderId)).toEqual({ captured: 222000, refunded: 0 })
        const aPaid = (await parts(a.orderId)).part
        expect(aPaid.deposit.status).toBe("captured")
        expect(aPaid.payment).toMatchObject({ status: "awaiting", due: 0 })
        expect(aPaid.vietqr).toBeNull()
        // The rest is not due before the harvest: nothing to confirm, nothing captured.
        const early = await post(at(a), { amount: 4 * PRICE - 222000 })
        expect(early.status).toBe(409)
        expect(early.data.field).toBe("amount")
        expect(await money(a.orderId)).toEqual({ captured: 222000, refunded: 0 })

        // B: 4 bags by VietQR; the bank's notice of the deposit records it just the same.
        const b = await order(4, "pp_vietqr_vietqr")
        expect(b.part.vietqr.amount).toBe(222000)
        process.env.VIETQR_WEBHOOK_SECRET = "bank-secret-deposit"
        const raw = JSON.stringify({
          id: `FT-DEPOSIT-${b.part.reference}`,
          bank_bin: b.part.vietqr.bank_bin,
          account_number: b.part.vietqr.account_number,
          amount: 222000,
          description: `CT DEN ${b.part.reference} Dat coc`,
          occurred_at: new Date().toISOString(),
        })
        const notice = await api
          .post("/webhooks/vietqr", raw, {
            headers: {
              "content-type": "application/json",
              "x-vietqr-signature": signBankNotification(raw, "bank-secret-deposit"),
            },
          })
          .catch((e: { response: Json }) => e.response)
        expect(notice.status).toBe(200)
        expect(await money(b.orderId)).toEqual({ captured: 222000, refunded: 0 })

        // C: 2 bags by card: charged in full at checkout, as before.
        const c = await order(2, "pp_stripe_stripe")
        expect(c.part.deposit).toBeNull()
        expect((await money(c.orderId)).captured).toBe(2 * PRICE)

        // Harvest 4, pro rata: 1.6, 1.6, 0.8 → 1, 1, 0, then C (0.8) and A (0.6, earlier) get one.
        await harvestEvent(4)
        const harvested = await post(`/seller/preorders/${opened.id}/harvest`, {
          allocation: "pro_rata",
        })
        expect(harvested.status).toBe(200)

        // A keeps 2 bags (370.000): the deposit stays, the second QR asks the rest, 148.000.
        const aAfter = (await parts(a.orderId)).part
        expect(aAfter.amount).toBe(2 * PRICE)
        expect(aAfter.payment).toMatchObject({ status: "awaiting", due: 148000, due_for: "rest" })
        expect(aAfter.vietqr).toMatchObject({ amount: 148000, reference: a.part.reference })
        expect(aAfter.vietqr.purpose).toBe(`Con lai ${a.part.reference}`)
        expect(await money(a.orderId)).toEqual({ captured: 222000, refunded: 0 })
        expect((await post(at(a), { amount: 148000 })).status).toBe(200)
        expect(await money(a.orderId)).toEqual({ captured: 2 * PRICE, refunded: 0 })
        const aDone = (await parts(a.orderId)).part
        expect(aDone.payment).toMatchObject({ status: "captured", due: 0 })
        expect(aDone.vietqr).toBeNull()

        // B keeps 1 bag (185.000), below its deposit: 37.000 is refunded, nothing more is due.
        const bAfter = (await parts(b.orderId)).part
        expect(bAfter.amount).toBe(PRICE)
        expect(bAfter.payment).toMatchObject({
          status: "captured",
          refunded_amount: 37000,
          due: 0,
        })
        expect(bAfter.vietqr).toBeNull()
        expect(await money(b.orderId)).toEqual({ captured: 222000, refunded: 37000 })

        // The card is refunded the difference, as without a deposit.
        expect(await money(c.orderId)).toEqual({ captured: 2 * PRICE, refunded: PRICE })

        const { data } = await get(`/seller/preorders/${opened.id}`)
        expect(data.lines.map((l: Json) => [l.allocated_quantity, l.message?.settled])).toEqual([
          [2, "owe_less"],
          [1, "refunded"],
          [1, "refunded"],
        ])
        expect(data.lines[1].message.vi).toContain("bạn nhận 1 trên 4")
      })

      it("deposit: the split refuses cash on delivery too, under the cart's lock, creating nothing", async () => {
        const opened = await open()
        const { cart } = await prepareCart(sdk, {
          regionId: scenario.regionId,
          items: [{ variant_id: variantId, quantity: 2 }],
        })
        await sdk.store.payment.initiatePaymentSession(cart as never, { provider_id: "pp_cod_cod" })
        const ordersBefore = (await getContainer().resolve(Modules.ORDER).listOrders({})).length
        // The window asks a deposit once the session is open (no route changes it; the split is
        // the guard for anything that slips between the session and the completion).
        await getContainer()
          .resolve<PreorderModuleService>(PREORDER_MODULE)
          .updatePreorderWindows({ id: opened.id, deposit_percent: 30 })
        const refused = await tryComplete(sdk, cart.id)
        expect(refused.type).not.toBe("order")
        expect(JSON.stringify(refused)).toContain("please pay by VietQR or card")
        const { data } = await get(`/seller/preorders/${opened.id}`)
        expect(data.preorder.left).toBe(10)
        expect(data.lines).toHaveLength(0)
        expect(await available()).toBe(10)
        const orders = await getContainer().resolve(Modules.ORDER).listOrders({})
        expect(orders).toHaveLength(ordersBefore)
      })

      it("deposit: a VietQR pre-order whose deposit is not paid in time is cancelled, its bags back on the window", async () => {
        const opened = await open({ deposit_percent: 30, deposit_due_days: 2 })
        expect(opened.deposit_due_days).toBe(2)
        const unpaid = await order(3, "pp_vietqr_vietqr")
        const paid = await order(2, "pp_vietqr_vietqr")
        expect(paid.part.deposit.amount).toBe(111000)
        const confirmed = await post(`/seller/orders/${paid.part.part_order_id}/confirm-payment`, {
          amount: 111000,
        })
        expect(confirmed.status).toBe(200)
        expect((await get(`/seller/preorders/${opened.id}`)).data.preorder.left).toBe(5)

        const DAY = 24 * 60 * 60 * 1000
        const soon = await cancelUnpaidDeposits(getContainer(), new Date(Date.now() + DAY))
        expect(soon).toEqual([])
        expect((await parts(unpaid.orderId)).part.status).toBe("placed")

        const late = new Date(Date.now() + 2 * DAY + 60_000)
        expect(await cancelUnpaidDeposits(getContainer(), late)).toEqual([unpaid.part.id])
        const gone = (await parts(unpaid.orderId)).part
        expect(gone).toMatchObject({ status: "canceled", vietqr: null })
        expect(gone.deposit.status).toBe("canceled")
        expect((await parts(paid.orderId)).part).toMatchObject({ status: "placed" })
        const { data } = await get(`/seller/preorders/${opened.id}`)
        expect(data.preorder.left).toBe(8)
        expect(await available()).toBe(8)
        const line = data.lines.find((l: Json) => l.part_order_id === unpaid.part.part_order_id)
        expect(line.status).toBe("canceled")
        expect(line.message.vi).toContain("Chưa nhận được tiền cọc sau 2 ngày")
        const told = mailsTo("nguoi.mua@example.test").filter(
          (m) =>
            m.template === "preorder_changed" &&
            m.subject?.includes(unpaid.part.reference) &&
            m.text?.includes("tiền cọc"),
        )
        expect(told).toHaveLength(1)
        expect(told[0]!.text).toContain("You owe nothing for this order")
        // Run again: nothing more is cancelled, the paid deposit stays.
        expect(await cancelUnpaidDeposits(getContainer(), late)).toEqual([])
        expect(await money(paid.orderId)).toEqual({ captured: 111000, refunded: 0 })
      })

      it("deposit: cancelling the window refunds a received deposit and drops an unpaid one", async () => {
        const opened = await open({ deposit_percent: 30 })
        const paid = await order(2, "pp_vietqr_vietqr")
        const unpaid = await order(1, "pp_vietqr_vietqr")
        const confirmed = await post(`/seller/orders/${paid.part.part_order_id}/confirm-payment`, {
          amount: 111000,
        })
        expect(confirmed.status).toBe(200)
        const canceled = await post(`/seller/preorders/${opened.id}/cancel`, {
          reason: "Sâu bệnh phá hoại",
        })
        expect(canceled.status).toBe(200)
        // The deposit received goes back (recorded; the seller transfers it back).
        expect(await money(paid.orderId)).toEqual({ captured: 111000, refunded: 111000 })
        expect((await parts(paid.orderId)).part).toMatchObject({
          status: "canceled",
          deposit: { status: "refunded" },
          payment: { status: "refunded", refunded_amount: 111000 },
        })
        // The unpaid one is simply never collected.
        expect(await money(unpaid.orderId)).toEqual({ captured: 0, refunded: 0 })
        expect((await parts(unpaid.orderId)).part).toMatchObject({
          status: "canceled",
          deposit: { status: "canceled" },
          payment: { status: "canceled" },
        })
        const { data } = await get(`/seller/preorders/${opened.id}`)
        expect(data.lines.map((l: Json) => l.message.settled)).toEqual(["refunded", "owe_less"])
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
