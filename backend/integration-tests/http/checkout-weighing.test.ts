import { Modules } from "@medusajs/framework/utils"
import { completeCartWorkflow } from "@medusajs/medusa/core-flows"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import {
  type Json,
  payAndComplete,
  prepareCart,
  sellerHeaders,
  setUpCheckout,
  storeSdk,
} from "../helpers/checkout-scenario"

// Free-range chicken, sold by the bird at ~1.8 kg and 150,000 VND per kg: 270,000 VND a bird.
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

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    describe("produce sold by weight: weighing at packing and the payments that follow", () => {
      let scenario: Awaited<ReturnType<typeof setUpCheckout>>
      let sdk: ReturnType<typeof storeSdk>
      let chickenVariant: string
      const products: Record<string, string> = {}
      const seller: Record<string, Record<string, string>> = {}

      const post = (path: string, headers: Record<string, string>, body: unknown = {}) =>
        api.post(path, body, { headers }).catch((e: { response: Json }) => e.response)

      beforeEach(async () => {
        scenario = await setUpCheckout(getContainer())
        sdk = storeSdk(
          api.defaults.baseURL as string,
          scenario.storeHeaders["x-publishable-api-key"],
        )
        for (const handle of ["htx-lua-gao", "htx-rau-sach"]) {
          seller[handle] = await sellerHeaders(api, handle)
        }
        const created = await post("/seller/products", seller["htx-rau-sach"]!, CHICKEN)
        expect(created.status).toBe(201)
        const id = created.data.product.id
        products.chicken = id
        expect((await post(`/seller/products/${id}/publish`, seller["htx-rau-sach"]!)).status).toBe(
          200,
        )
        chickenVariant = created.data.product.variants[0].id
      })

      /** Two chickens from HTX Rau sạch and a bag of rice from HTX Lúa gạo, in a cart ready to pay. */
      const chickenAndRice = () =>
        prepareCart(sdk, {
          regionId: scenario.regionId,
          items: [
            { variant_id: chickenVariant, quantity: 2 },
            { variant_id: scenario.variantOf.gao!, quantity: 1 },
          ],
        })

      /** The buyer ticks "the amount may change by up to ±n% after weighing" at checkout. */
      const accept = (cartId: string, tolerances: Record<string, number>) =>
        sdk.store.cart.update(cartId, { metadata: { weight_tolerances_accepted: tolerances } })

      /** The chicken-and-rice cart, its tolerance accepted, one payment. */
      async function placeOrder(providerId: string) {
        const { cart } = await chickenAndRice()
        await accept(cart.id, { [chickenVariant]: 10 })
        const result = (await payAndComplete(sdk, cart, providerId)) as Json
        expect(result.type).toBe("order")
        return result.order.id as string
      }

      async function chickenPart(orderId: string) {
        const { data } = await api.get(`/store/orders/${orderId}/parts`, {
          headers: scenario.storeHeaders,
        })
        return data.parts.find((p: Json) => p.seller.handle === "htx-rau-sach") as Json
      }

      /** Every payment on the buyer's order: captured and refunded sums per payment. */
      async function money(orderId: string) {
        const query = getContainer().resolve("query")
        const { data } = await query.graph({
          entity: "order",
          fields: ["payment_collections.id"],
          filters: { id: orderId },
        })
        const ids = (data[0]!.payment_collections as Json[]).map((c) => c.id as string)
        const collections = await getContainer()
          .resolve(Modules.PAYMENT)
          .listPaymentCollections(
            { id: ids },
            { relations: ["payments", "payments.captures", "payments.refunds"] },
          )
        const payments = collections
          .flatMap((c) => c.payments ?? [])
          .sort((a, b) => +new Date(a.created_at!) - +new Date(b.created_at!))
        const sum = (rows: { amount: unknown }[] | undefined) =>
          (rows ?? []).reduce((s, r) => s + Number(r.amount), 0)
        return payments.map((p) => ({
          id: p.id,
          provider: p.provider_id,
          amount: Number(p.amount),
          captured: sum(p.captures),
          refunded: sum(p.refunds),
        }))
      }

      const weigh = (part: Json, grams: number | unknown, headers = seller["htx-rau-sach"]!) =>
        post(`/seller/orders/${part.part_order_id}/weigh`, headers, {
          lines: [{ item_id: part.items[0].id, grams }],
        })

      it("a cart completes only when the buyer accepted the chicken's tolerance; a refusal creates nothing", async () => {
        const { cart } = await chickenAndRice()
        await sdk.store.payment.initiatePaymentSession(cart as never, { provider_id: "pp_cod_cod" })
        const complete = (language: string) =>
          api
            .post(
              `/store/carts/${cart.id}/complete`,
              {},
              { headers: { ...scenario.storeHeaders, "accept-language": language } },
            )
            .catch((e: { response: Json }) => e.response)
        const query = getContainer().resolve("query")
        const orderCount = async () =>
          (await query.graph({ entity: "order", fields: ["id"] })).data.length
        const reserved = async () =>
          (await getContainer().resolve(Modules.INVENTORY).listReservationItems({})).length
        const before = { orders: await orderCount(), reservations: await reserved() }

        // Nothing ticked: refused, naming the field, in the buyer's language.
        const none = await complete("vi")
        expect(none.status).toBe(400)
        expect(none.data.field).toBe("metadata.weight_tolerances_accepted")
        expect(none.data.message).toContain("có thể thay đổi tối đa ±10% sau khi cân")
        const english = await complete("en")
        expect(english.status).toBe(400)
        expect(english.data.message).toContain("may change by up to ±10% after weighing")
        // Another percentage than the listing's (the seller changed it), or another variant.
        await accept(cart.id, { [chickenVariant]: 5 })
        expect((await complete("vi")).data.field).toBe("metadata.weight_tolerances_accepted")
        await accept(cart.id, { [scenario.variantOf.gao!]: 10 })
        expect((await complete("vi")).status).toBe(400)
        // A malformed record is no acceptance.
        await sdk.store.cart.update(cart.id, {
          metadata: { weight_tolerances_accepted: { [chickenVariant]: "10" } },
        })
        expect((await complete("vi")).status).toBe(400)

        // The path a payment webhook takes (Medusa's own workflow, no store route) refuses too.
        await expect(
          completeCartWorkflow(getContainer()).run({ input: { id: cart.id } }),
        ).rejects.toThrow(/tối đa ±10% sau khi cân \/ Please accept/)

        expect(await orderCount()).toBe(before.orders)
        expect(await reserved()).toBe(before.reservations)
        const { cart: open } = await sdk.store.cart.retrieve(cart.id, { fields: "completed_at" })
        expect(open.completed_at).toBeFalsy()

        await accept(cart.id, { [chickenVariant]: 10 })
        const placed = await complete("vi")
        expect(placed.status).toBe(200)
        expect(placed.data.type).toBe("order")
        expect(await orderCount()).toBeGreaterThan(before.orders)
        const part = await chickenPart(placed.data.order.id)
        expect(part.weighing).toMatchObject({ status: "required", estimated_amount: 540000 })
      })

      it("the listing keeps the rule, the part must be weighed, and bad weights change nothing", async () => {
        const wrong = await post("/seller/products", seller["htx-rau-sach"]!, {
          ...CHICKEN,
          title: "Gà giá sai",
          variants: [{ ...CHICKEN.variants[0], price: 260000 }],
        })
        expect(wrong.status).toBe(400)
        expect(wrong.data.field).toBe("variants.0.price")

        const orderId = await placeOrder("pp_cod_cod")
        const part = await chickenPart(orderId)
        expect(part.weighing).toMatchObject({ status: "required", estimated_amount: 540000 })
        expect(part.amount).toBe(540000)
        expect(part.items[0].metadata.sold_by_weight).toMatchObject({ price_per_kg: 150000 })
        const ship = await post(
          `/seller/orders/${part.part_order_id}/ship`,
          seller["htx-rau-sach"]!,
        )
        expect(ship.status).toBe(409)
        expect(ship.data.field).toBe("weighing")

        for (const [grams, field] of [
          [0, "lines.0.grams"],
          [-100, "lines.0.grams"],
          [3600.5, "lines.0.grams"],
          [36001, "lines.0.grams"],
        ] as const) {
          const bad = await weigh(part, grams)
          expect(bad.status).toBe(400)
          expect(bad.data.field).toBe(field)
        }
        const english = await api
          .post(
            `/seller/orders/${part.part_order_id}/weigh`,
            { lines: [{ item_id: part.items[0].id, grams: 40000 }] },
            { headers: { ...seller["htx-rau-sach"]!, "accept-language": "en" } },
          )
          .catch((e: { response: Json }) => e.response)
        expect(english.data.message).toContain("more than 10 times the estimate")
        const stranger = await post(
          `/seller/orders/${part.part_order_id}/weigh`,
          seller["htx-rau-sach"]!,
          { lines: [{ item_id: "ordli_nope", grams: 3600 }] },
        )
        expect(stranger.data.field).toBe("lines.0.item_id")
        // Another seller cannot weigh it.
        expect((await weigh(part, 3600, seller["htx-lua-gao"]!)).status).toBe(404)
        // A part with nothing sold by weight.
        const { data } = await api.get(`/store/orders/${orderId}/parts`, {
          headers: scenario.storeHeaders,
        })
        const rice = data.parts.find((p: Json) => p.seller.handle === "htx-lua-gao")
        const riceWeigh = await post(
          `/seller/orders/${rice.part_order_id}/weigh`,
          seller["htx-lua-gao"]!,
          { lines: [{ item_id: rice.items[0].id, grams: 5000 }] },
        )
        expect(riceWeigh.status).toBe(409)

        const after = await chickenPart(orderId)
        expect(after.amount).toBe(540000)
        expect(after.weighing.status).toBe("required")
        expect(after.items[0].unit_price).toBe(270000)

        // The listing's price stays one bird at its estimated weight; the rule can change with it.
        const variantPath = `/seller/products/${products.chicken}/variants/${chickenVariant}`
        const headers = seller["htx-rau-sach"]!
        const offPrice = await post(variantPath, headers, { price: 250000 })
        expect(offPrice.status).toBe(400)
        expect(offPrice.data.field).toBe("price")
        const newRule = { unit: "piece", price_per_kg: 160000, grams: 2000, tolerance_pct: 15 }
        const mismatched = await post(variantPath, headers, {
          price: 270000,
          sold_by_weight: newRule,
        })
        expect(mismatched.status).toBe(400)
        expect(mismatched.data.message).toContain("320000")
        const changed = await post(variantPath, headers, { price: 320000, sold_by_weight: newRule })
        expect(changed.status).toBe(200)
        expect(changed.data.product.variants[0]).toMatchObject({
          price: 320000,
          sold_by_weight: newRule,
        })
        // The order already placed keeps the rule its buyer accepted.
        expect((await chickenPart(orderId)).items[0].metadata.sold_by_weight).toMatchObject({
          price_per_kg: 150000,
          tolerance_pct: 10,
        })
      })

      it("cash on delivery: weighed heavier within the tolerance, the top-up is collected on delivery", async () => {
        const orderId = await placeOrder("pp_cod_cod")
        const part = await chickenPart(orderId)
        // 3.8 kg × 150,000 = 570,000: +30,000, within ±10% of 540,000.
        const weighed = await weigh(part, 3800)
        expect(weighed.status).toBe(200)
        expect(weighed.data.order).toMatchObject({
          amount: 570000,
          weighing: {
            status: "weighed",
            estimated_amount: 540000,
            topup: { amount: 30000, status: "awaiting" },
          },
        })
        expect(weighed.data.order.items[0]).toMatchObject({
          unit_price: 285000,
          quantity: 2,
          total: 570000,
        })
        // Weighed once: a second weighing would move money already settled.
        expect((await weigh(part, 3700)).status).toBe(409)

        const headers = seller["htx-rau-sach"]!
        expect((await post(`/seller/orders/${part.part_order_id}/ship`, headers)).status).toBe(200)
        // Weighing a shipped part.
        const late = await weigh(part, 3700)
        expect(late.status).toBe(409)
        expect(late.data.field).toBe("status")
        expect((await post(`/seller/orders/${part.part_order_id}/deliver`, headers)).status).toBe(
          200,
        )
        const payments = await money(orderId)
        expect(payments).toHaveLength(2)
        // The first payment gives the chicken its estimate; the top-up the 30,000 over it.
        expect(payments[0]).toMatchObject({ provider: "pp_cod_cod", captured: 540000 })
        expect(payments[1]).toMatchObject({
          provider: "pp_cod_cod",
          amount: 30000,
          captured: 30000,
        })
        const after = await chickenPart(orderId)
        expect(after).toMatchObject({
          status: "delivered",
          amount: 570000,
          payment: { status: "captured" },
          weighing: { topup: { status: "captured" } },
        })
      })

      it("cash on delivery: weighed lighter, only the actual amount is collected", async () => {
        const orderId = await placeOrder("pp_cod_cod")
        const part = await chickenPart(orderId)
        expect((await weigh(part, 3400)).data.order.amount).toBe(510000)
        const headers = seller["htx-rau-sach"]!
        await post(`/seller/orders/${part.part_order_id}/ship`, headers)
        await post(`/seller/orders/${part.part_order_id}/deliver`, headers)
        const payments = await money(orderId)
        expect(payments).toHaveLength(1)
        expect(payments[0]!.captured).toBe(510000)
        expect(payments[0]!.refunded).toBe(0)
      })

      it("VietQR before payment: the QR asks for the weighed amount and confirming it collects both payments", async () => {
        const orderId = await placeOrder("pp_vietqr_vietqr")
        const part = await chickenPart(orderId)
        expect(part.vietqr.amount).toBe(540000)
        await weigh(part, 3800)
        const weighed = await chickenPart(orderId)
        expect(weighed.vietqr.amount).toBe(570000)
        const headers = seller["htx-rau-sach"]!
        const short = await post(`/seller/orders/${part.part_order_id}/confirm-payment`, headers, {
          amount: 540000,
        })
        expect(short.status).toBe(400)
        const fraction = await post(
          `/seller/orders/${part.part_order_id}/confirm-payment`,
          headers,
          { amount: 570000.5 },
        )
        expect(fraction.status).toBe(400)
        expect(fraction.data.field).toBe("amount")
        const paid = await post(`/seller/orders/${part.part_order_id}/confirm-payment`, headers, {
          amount: 570000,
        })
        expect(paid.status).toBe(200)
        const payments = await money(orderId)
        expect(payments.map((p) => p.captured)).toEqual([540000, 30000])
        expect((await chickenPart(orderId)).vietqr).toBeNull()
      })

      it("VietQR paid before weighing: heavier gets a second QR for the difference, lighter is refunded and recorded", async () => {
        const headers = seller["htx-rau-sach"]!
        const heavier = await placeOrder("pp_vietqr_vietqr")
        let part = await chickenPart(heavier)
        await post(`/seller/orders/${part.part_order_id}/confirm-payment`, headers, {
          amount: 540000,
        })
        await weigh(part, 3800)
        part = await chickenPart(heavier)
        expect(part.payment.status).toBe("captured")
        expect(part.vietqr).toMatchObject({ amount: 30000, reference: part.reference })
        expect(
          (
            await post(`/seller/orders/${part.part_order_id}/confirm-payment`, headers, {
              amount: 30000,
            })
          ).status,
        ).toBe(200)
        expect((await money(heavier)).map((p) => p.captured)).toEqual([540000, 30000])
        expect((await chickenPart(heavier)).weighing.topup.status).toBe("captured")

        const lighter = await placeOrder("pp_vietqr_vietqr")
        part = await chickenPart(lighter)
        await post(`/seller/orders/${part.part_order_id}/confirm-payment`, headers, {
          amount: 540000,
        })
        await weigh(part, 3400)
        part = await chickenPart(lighter)
        expect(part).toMatchObject({ amount: 510000, payment: { refunded_amount: 30000 } })
        expect(part.vietqr).toBeNull()
        const [payment] = await money(lighter)
        expect(payment).toMatchObject({ captured: 540000, refunded: 30000 })
      })

      it("beyond the tolerance the seller must reach the buyer: the part cannot ship until agreed or cancelled", async () => {
        const headers = seller["htx-rau-sach"]!
        const orderId = await placeOrder("pp_cod_cod")
        const part = await chickenPart(orderId)
        // 4.5 kg: 675,000 against 540,000, +25%.
        const weighed = await weigh(part, 4500)
        expect(weighed.data.order).toMatchObject({
          amount: 675000,
          weighing: { status: "contact_buyer", topup: null },
        })
        const ship = await post(`/seller/orders/${part.part_order_id}/ship`, headers)
        expect(ship.status).toBe(409)
        expect(ship.data.field).toBe("weighing")
        // Re-weighing (a misread scale) is still possible before the buyer is asked.
        expect((await weigh(part, 4400)).data.order.amount).toBe(660000)
        const accepted = await post(`/seller/orders/${part.part_order_id}/accept-weight`, headers)
        expect(accepted.status).toBe(200)
        expect(accepted.data.order.weighing).toMatchObject({
          status: "accepted",
          topup: { amount: 120000, status: "awaiting" },
        })
        expect((await post(`/seller/orders/${part.part_order_id}/ship`, headers)).status).toBe(200)

        // Another order: the buyer refuses, the seller cancels, nothing is collected.
        const second = await placeOrder("pp_cod_cod")
        const other = await chickenPart(second)
        await weigh(other, 2000)
        const canceled = await post(`/seller/orders/${other.part_order_id}/cancel`, headers)
        expect(canceled.status).toBe(200)
        expect(canceled.data.order).toMatchObject({ status: "canceled" })
        expect((await money(second))[0]!.captured).toBe(0)
      })
    })
  },
})
