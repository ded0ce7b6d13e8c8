import { Modules } from "@medusajs/framework/utils"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { Resvg } from "@resvg/resvg-js"
import jsQR from "jsqr"
import { QRPay } from "vietnam-qr-pay"
import { signBankNotification } from "../../src/modules/vietqr/bank-notification"
import {
  type Json,
  payAndComplete,
  prepareCart,
  sellerHeaders,
  setUpCheckout,
  storeSdk,
} from "../helpers/checkout-scenario"

const BANK_SECRET = "test-bank-notification-secret"
process.env.VIETQR_WEBHOOK_SECRET = BANK_SECRET

const SELLERS = ["htx-lua-gao", "htx-rau-sach", "htx-xuan-quang"]

/** Rasterises the SVG the storefront shows and reads the QR code in it. */
function scan(svg: string) {
  const image = new Resvg(svg, { fitTo: { mode: "width", value: 400 }, background: "white" })
  const rendered = image.render()
  return jsQR(new Uint8ClampedArray(rendered.pixels), rendered.width, rendered.height)?.data
}

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    describe("paying for seller parts: cash on delivery, VietQR, bank notifications, cancellation", () => {
      let scenario: Awaited<ReturnType<typeof setUpCheckout>>
      let sdk: ReturnType<typeof storeSdk>
      const seller: Record<string, Record<string, string>> = {}

      beforeEach(async () => {
        scenario = await setUpCheckout(getContainer())
        sdk = storeSdk(
          api.defaults.baseURL as string,
          scenario.storeHeaders["x-publishable-api-key"],
        )
        for (const handle of SELLERS) seller[handle] = await sellerHeaders(api, handle)
      })

      async function placeOrder(providerId: string, sellers = 3) {
        const { cart } = await prepareCart(sdk, {
          regionId: scenario.regionId,
          items: [
            { variant_id: scenario.variantOf.gao!, quantity: 1 },
            { variant_id: scenario.variantOf.rau!, quantity: 2 },
            { variant_id: scenario.variantOf["mat-ong"]!, quantity: 1 },
          ].slice(0, sellers),
        })
        const result = (await payAndComplete(sdk, cart, providerId)) as Json
        expect(result.type).toBe("order")
        return parts(result.order.id)
      }

      async function parts(orderId: string) {
        const { data } = await api.get(`/store/orders/${orderId}/parts`, {
          headers: scenario.storeHeaders,
        })
        return {
          orderId,
          parts: data.parts as Json[],
          of: (handle: string) => data.parts.find((p: Json) => p.seller.handle === handle) as Json,
        }
      }

      async function buyerPayment(orderId: string) {
        const payments = await getContainer()
          .resolve(Modules.PAYMENT)
          .listPayments({}, { relations: ["captures", "refunds", "payment_collection"] })
        const query = getContainer().resolve("query")
        const { data } = await query.graph({
          entity: "order",
          fields: ["payment_collections.id"],
          filters: { id: orderId },
        })
        const collection = data[0]!.payment_collections![0]!.id
        const payment = payments.find((p) => p.payment_collection_id === collection)!
        const sum = (rows: { amount: unknown }[] | undefined) =>
          (rows ?? []).reduce((s, r) => s + Number(r.amount), 0)
        return {
          payment,
          captured: sum(payment.captures),
          captures: payment.captures?.length ?? 0,
          refunded: sum(payment.refunds),
        }
      }

      const post = (path: string, headers: Record<string, string>, body: unknown = {}) =>
        api.post(path, body, { headers }).catch((e: { response: Json }) => e.response)

      for (const [provider, sellers] of [
        ["pp_cod_cod", 1],
        ["pp_cod_cod", 3],
        ["pp_vietqr_vietqr", 1],
        ["pp_vietqr_vietqr", 3],
      ] as const) {
        it(`${provider}: a ${sellers}-seller checkout runs to delivered and fully paid`, async () => {
          const order = await placeOrder(provider, sellers)
          expect(order.parts).toHaveLength(sellers)
          for (const part of order.parts) {
            const headers = seller[part.seller.handle]!
            const at = `/seller/orders/${part.part_order_id}`
            if (provider === "pp_vietqr_vietqr") {
              expect(part.vietqr.amount).toBe(part.amount)
              const paid = await post(`${at}/confirm-payment`, headers, { amount: part.amount })
              expect(paid.status).toBe(200)
            }
            expect((await post(`${at}/ship`, headers)).status).toBe(200)
            expect((await post(`${at}/deliver`, headers)).status).toBe(200)
          }
          const money = await buyerPayment(order.orderId)
          expect(money.captured).toBe(order.parts.reduce((s, p) => s + p.amount, 0))
          expect(money.payment.captured_at).not.toBeNull()
          const after = await parts(order.orderId)
          for (const part of after.parts) {
            expect(part).toMatchObject({ status: "delivered", payment: { status: "captured" } })
          }
        })
      }

      it("cash on delivery: each seller ships and delivers its part, and its share is captured on delivery", async () => {
        const order = await placeOrder("pp_cod_cod")
        const rice = order.of("htx-lua-gao")
        expect(rice.payment).toEqual(expect.objectContaining({ method: "cod", status: "awaiting" }))
        // Not yet shipped: cannot be delivered.
        const early = await post(
          `/seller/orders/${rice.part_order_id}/deliver`,
          seller["htx-lua-gao"]!,
        )
        expect(early.status).toBe(409)
        expect(early.data.message).toContain(rice.reference)

        const shipped = await post(
          `/seller/orders/${rice.part_order_id}/ship`,
          seller["htx-lua-gao"]!,
        )
        expect(shipped.status).toBe(200)
        expect(shipped.data.order.status).toBe("shipped")
        const again = await post(
          `/seller/orders/${rice.part_order_id}/ship`,
          seller["htx-lua-gao"]!,
        )
        expect(again.status).toBe(409)
        expect((await buyerPayment(order.orderId)).captured).toBe(0)

        const delivered = await post(
          `/seller/orders/${rice.part_order_id}/deliver`,
          seller["htx-lua-gao"]!,
        )
        expect(delivered.status).toBe(200)
        expect(delivered.data.order).toMatchObject({
          status: "delivered",
          payment: { status: "captured" },
        })
        let paid = await buyerPayment(order.orderId)
        expect(paid.captured).toBe(rice.amount)
        expect(paid.payment.captured_at).toBeNull()

        // The stock the rice part reserved is now shipped out of the seller's location.
        const inventory = getContainer().resolve(Modules.INVENTORY)
        const reservations = await inventory.listReservationItems({})
        expect(reservations).toHaveLength(2)

        for (const handle of ["htx-rau-sach", "htx-xuan-quang"]) {
          const part = order.of(handle)
          expect(
            (await post(`/seller/orders/${part.part_order_id}/ship`, seller[handle]!)).status,
          ).toBe(200)
          expect(
            (await post(`/seller/orders/${part.part_order_id}/deliver`, seller[handle]!)).status,
          ).toBe(200)
        }
        paid = await buyerPayment(order.orderId)
        expect(paid.captured).toBe(order.parts.reduce((s, p) => s + p.amount, 0))
        expect(paid.captures).toBe(3)
        expect(paid.payment.captured_at).not.toBeNull()
        const after = await parts(order.orderId)
        expect(
          after.parts.every((p) => p.payment.status === "captured" && p.status === "delivered"),
        ).toBe(true)
      })

      it("VietQR: one QR per seller part, paid to that seller's account; the seller confirms the exact amount", async () => {
        const order = await placeOrder("pp_vietqr_vietqr")
        for (const part of order.parts) {
          const qr = part.vietqr
          expect(qr).toMatchObject({
            bank_bin: "970405",
            account_number: "1234567890",
            amount: part.amount,
            reference: part.reference,
          })
          const decoded = new QRPay(qr.payload)
          expect(decoded.isValid).toBe(true)
          expect(decoded.initMethod).toBe("12")
          expect(decoded.provider.guid).toBe("A000000727")
          expect(decoded.provider.service).toBe("QRIBFTTA")
          expect(decoded.consumer.bankBin).toBe("970405")
          expect(decoded.consumer.bankNumber).toBe("1234567890")
          expect(decoded.currency).toBe("704")
          expect(decoded.nation).toBe("VN")
          expect(Number(decoded.amount)).toBe(part.amount)
          expect(decoded.additionalData.billNumber).toBe(part.reference)
          expect(decoded.additionalData.purpose).toContain(part.reference)
          expect(scan(qr.svg)).toBe(qr.payload)
        }

        const rice = order.of("htx-lua-gao")
        const path = `/seller/orders/${rice.part_order_id}/confirm-payment`
        const wrong = await post(
          path,
          { ...seller["htx-lua-gao"]!, "accept-language": "en" },
          { amount: rice.amount - 1000 },
        )
        expect(wrong.status).toBe(400)
        expect(wrong.data).toMatchObject({ field: "amount" })
        expect(wrong.data.message).toContain("differs")
        const vi = await post(path, seller["htx-lua-gao"]!, { amount: "185000" })
        expect(vi.status).toBe(400)
        expect(vi.data.field).toBe("amount")
        expect((await buyerPayment(order.orderId)).captured).toBe(0)
        // Another seller cannot confirm it.
        expect((await post(path, seller["htx-rau-sach"]!, { amount: rice.amount })).status).toBe(
          404,
        )

        const ok = await post(path, seller["htx-lua-gao"]!, { amount: rice.amount })
        expect(ok.status).toBe(200)
        expect(ok.data.order.payment.status).toBe("captured")
        expect((await post(path, seller["htx-lua-gao"]!, { amount: rice.amount })).status).toBe(409)
        expect((await buyerPayment(order.orderId)).captured).toBe(rice.amount)
        const after = await parts(order.orderId)
        expect(after.of("htx-lua-gao").vietqr).toBeNull()
        expect(after.of("htx-rau-sach").vietqr).not.toBeNull()
      })

      it("a signed bank notification captures the named part once; forged, wrong or repeated ones change nothing", async () => {
        const order = await placeOrder("pp_vietqr_vietqr")
        const honey = order.of("htx-xuan-quang")
        const notice = (overrides: Json = {}) => ({
          id: "FT2611290001",
          bank_bin: "970405",
          account_number: "1234567890",
          amount: honey.amount,
          description: `CT DEN:0123 ${honey.reference} thanh toan don hang`,
          occurred_at: "2026-11-29T09:30:00+07:00",
          ...overrides,
        })
        const send = (body: Json, secret = BANK_SECRET) => {
          const raw = JSON.stringify(body)
          return api
            .post("/webhooks/vietqr", raw, {
              headers: {
                "content-type": "application/json",
                "x-vietqr-signature": signBankNotification(raw, secret),
              },
            })
            .catch((e: { response: Json }) => e.response)
        }

        const forged = await send(notice(), "not-the-secret")
        expect(forged.status).toBe(401)
        const short = await send(notice({ amount: honey.amount - 5000 }))
        expect(short.status).toBe(400)
        expect(short.data.field).toBe("amount")
        const elsewhere = await send(notice({ account_number: "999999999" }))
        expect(elsewhere.status).toBe(400)
        expect(elsewhere.data.field).toBe("account_number")
        const unknown = await send(notice({ description: "DH999999 chuyen tien" }))
        expect(unknown.status).toBe(404)
        const invalid = await send(notice({ amount: -1 }))
        expect(invalid.status).toBe(400)
        expect(invalid.data.field).toBe("amount")
        expect((await buyerPayment(order.orderId)).captures).toBe(0)

        const good = await send(notice())
        expect(good.status).toBe(200)
        expect(good.data).toMatchObject({ status: "captured", reference: honey.reference })
        // The bank delivers the same notice again, and then once more out of order after a later one.
        const repeat = await send(notice())
        expect(repeat.status).toBe(200)
        expect(repeat.data).toMatchObject({ status: "duplicate", outcome: "captured" })
        const rice = order.of("htx-lua-gao")
        const later = await send(
          notice({ id: "FT2611290002", amount: rice.amount, description: `${rice.reference}` }),
        )
        expect(later.status).toBe(200)
        expect((await send(notice())).data.status).toBe("duplicate")
        // A second notice for an already paid part (another transaction id) is refused.
        const twice = await send(notice({ id: "FT2611290003" }))
        expect(twice.status).toBe(409)

        const paid = await buyerPayment(order.orderId)
        expect(paid.captures).toBe(2)
        expect(paid.captured).toBe(honey.amount + rice.amount)
        const after = await parts(order.orderId)
        expect(after.of("htx-xuan-quang").payment.status).toBe("captured")
        expect(after.of("htx-rau-sach").payment.status).toBe("awaiting")
      })

      it("cancelling before shipment cancels an unpaid share and refunds a paid one; a shipped part stays", async () => {
        const order = await placeOrder("pp_vietqr_vietqr")
        const inventory = getContainer().resolve(Modules.INVENTORY)
        expect(await inventory.listReservationItems({})).toHaveLength(3)
        const [rice, veg, honey] = ["htx-lua-gao", "htx-rau-sach", "htx-xuan-quang"].map(order.of)

        // Unpaid: the share is simply not collected, the stock goes back.
        const unpaid = await post(
          `/seller/orders/${rice!.part_order_id}/cancel`,
          seller["htx-lua-gao"]!,
        )
        expect(unpaid.status).toBe(200)
        expect(unpaid.data.order).toMatchObject({
          status: "canceled",
          payment: { status: "canceled" },
        })
        expect(await inventory.listReservationItems({})).toHaveLength(2)

        // Paid by transfer, then cancelled: the share is refunded (the seller returns the money).
        await post(
          `/seller/orders/${veg!.part_order_id}/confirm-payment`,
          seller["htx-rau-sach"]!,
          { amount: veg!.amount },
        )
        const paid = await post(
          `/seller/orders/${veg!.part_order_id}/cancel`,
          seller["htx-rau-sach"]!,
        )
        expect(paid.status).toBe(200)
        expect(paid.data.order.payment).toMatchObject({
          status: "refunded",
          refunded_amount: veg!.amount,
        })
        let money = await buyerPayment(order.orderId)
        expect(money.captured).toBe(veg!.amount)
        expect(money.refunded).toBe(veg!.amount)

        // Shipped parts cannot be cancelled.
        await post(`/seller/orders/${honey!.part_order_id}/ship`, seller["htx-xuan-quang"]!)
        const late = await post(`/seller/orders/${honey!.part_order_id}/cancel`, {
          ...seller["htx-xuan-quang"]!,
          "accept-language": "en",
        })
        expect(late.status).toBe(409)
        expect(late.data.message).toContain("it is shipped")
        money = await buyerPayment(order.orderId)
        expect(money.payment.canceled_at).toBeNull()
      })

      it("cancelling every part of a cash-on-delivery order cancels the buyer's order and its payment", async () => {
        const order = await placeOrder("pp_cod_cod")
        for (const handle of SELLERS) {
          const part = order.of(handle)
          expect(
            (await post(`/seller/orders/${part.part_order_id}/cancel`, seller[handle]!)).status,
          ).toBe(200)
        }
        const { order: buyerOrder } = await sdk.store.order.retrieve(order.orderId, {
          fields: "status",
        })
        expect(buyerOrder.status).toBe("canceled")
        const money = await buyerPayment(order.orderId)
        expect(money.payment.canceled_at).not.toBeNull()
        expect(money.captured).toBe(0)
        expect(
          await getContainer().resolve(Modules.INVENTORY).listReservationItems({}),
        ).toHaveLength(0)
      })
    })
  },
})
