/**
 * E-invoice data for paid seller parts (issue 18, part 3): the owner sets the tax code and the
 * series, a part paid by cash on delivery (on delivery), VietQR (on confirmation) or card (on
 * capture, which is when the order is placed) gets one invoice with a stable number, the XML
 * parses and adds up, a month downloads as a ZIP with an XLSX summary, a refund after the
 * invoice leaves an adjustment note, and one seller never reads another's invoices.
 */
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import ExcelJS from "exceljs"
import JSZip from "jszip"
import { SaxesParser } from "saxes"
import { vietnamDay } from "../../src/lib/einvoice/invoice"
import { vndInWords } from "../../src/lib/einvoice/words"
import { SELLER_MODULE } from "../../src/modules/seller"
import type SellerModuleService from "../../src/modules/seller/service"
import {
  type Json,
  payAndComplete,
  prepareCart,
  sellerHeaders,
  setUpCheckout,
  storeSdk,
  tryComplete,
} from "../helpers/checkout-scenario"
import { createProducts, PASSWORD } from "../helpers/registry-fixtures"

// Card parts are paid through Medusa's Stripe provider against the repository's Stripe-compatible
// server (as in checkout-card.test.ts), configured before the runner's own hook boots Medusa.
let stripe: Awaited<ReturnType<typeof startStripe>>
const startStripe = async () => {
  const { startStripeServer } = await import("@coop/scripts/stripe-server")
  return startStripeServer({ webhookSecret: "whsec_coop_invoices_test" })
}
beforeAll(async () => {
  stripe = await startStripe()
  process.env.STRIPE_API_KEY = "sk_test_coop_invoices"
  process.env.STRIPE_API_URL = stripe.url
  process.env.STRIPE_WEBHOOK_SECRET = "whsec_coop_invoices_test"
})
afterAll(() => stripe.close())

/** What Stripe.js does in the buyer's browser: confirm the PaymentIntent with a card. */
async function confirmCard(intentId: string, clientSecret: string, paymentMethod: string) {
  const res = await fetch(`${stripe.url}/v1/payment_intents/${intentId}/confirm`, {
    method: "POST",
    headers: {
      authorization: "Bearer pk_test_coop_invoices",
      "content-type": "application/x-www-form-urlencoded",
    },
    body: new URLSearchParams({ client_secret: clientSecret, payment_method: paymentMethod }),
  })
  return res.status
}

const RICE = "htx-lua-gao"
const VEG = "htx-rau-sach"

type El = { name: string; children: El[]; text: string }

/** A real XML parser: saxes throws on anything not well-formed. */
function parse(xml: string): El {
  const parser = new SaxesParser()
  const stack: El[] = [{ name: "#doc", children: [], text: "" }]
  parser.on("opentag", (tag) => {
    const el: El = { name: tag.name, children: [], text: "" }
    stack.at(-1)!.children.push(el)
    stack.push(el)
  })
  parser.on("text", (text) => {
    stack.at(-1)!.text += text
  })
  parser.on("closetag", () => {
    stack.pop()
  })
  parser.write(xml).close()
  return stack[0]!.children[0]!
}
const child = (el: El, ...path: string[]): El =>
  path.reduce((at, name) => at.children.find((c) => c.name === name)!, el)
const all = (el: El, name: string) => el.children.filter((c) => c.name === name)
const num = (el: El, ...path: string[]) => Number(child(el, ...path).text)

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    describe("seller invoices", () => {
      let scenario: Awaited<ReturnType<typeof setUpCheckout>>
      let sdk: ReturnType<typeof storeSdk>
      let noodles: string
      const headers: Record<string, Record<string, string>> = {}
      const ok = { validateStatus: () => true }
      const period = () => vietnamDay(new Date()).period

      beforeEach(async () => {
        scenario = await setUpCheckout(getContainer())
        const rice = scenario.sellers.find((s) => s.handle === RICE)!
        const made = await createProducts(
          getContainer(),
          rice as { id: string; state: string },
          [{ handle: "mien-dong", price: 30000, stock: 10, weight: 500 }],
          scenario.channelId,
        )
        const query = getContainer().resolve(ContainerRegistrationKeys.QUERY)
        const { data } = await query.graph({
          entity: "product_variant",
          fields: ["id"],
          filters: { product_id: made["mien-dong"]! },
        })
        noodles = data[0]!.id as string
        sdk = storeSdk(
          api.defaults.baseURL as string,
          scenario.storeHeaders["x-publishable-api-key"],
        )
        for (const handle of [RICE, VEG]) headers[handle] = await sellerHeaders(api, handle)
      })

      const get = (path: string, handle: string, extra: Json = {}) =>
        api.get(path, { headers: { ...headers[handle], ...extra }, ...ok })
      const post = (path: string, handle: string, body: unknown = {}) =>
        api.post(path, body, { headers: headers[handle], ...ok })

      async function order(provider: string, items: { variant_id: string; quantity: number }[]) {
        const { cart } = await prepareCart(sdk, {
          regionId: scenario.regionId,
          items,
          shipping: "delivery_commune",
        })
        const result = (await payAndComplete(sdk, cart, provider)) as Json
        expect(result.type).toBe("order")
        const { data } = await api.get(`/store/orders/${result.order.id}/parts`, {
          headers: scenario.storeHeaders,
        })
        return (handle: string) => data.parts.find((p: Json) => p.seller.handle === handle) as Json
      }

      async function productId(handle: string) {
        const { data } = await get("/seller/products", RICE)
        return data.products.find((p: Json) => p.handle === handle).id as string
      }

      it("the owner sets the series; a delivered COD part gets one invoice whose XML adds up; staff may not change the series", async () => {
        // Products' VAT rates: rice 5% sold by the bag, the noodles left at the default "KCT".
        const rate = await post(`/seller/products/${await productId("gao")}`, RICE, {
          vat_rate: "5%",
          invoice_unit: "túi",
        })
        expect(rate.status).toBe(200)
        expect(rate.data.product).toMatchObject({ vat_rate: "5%", invoice_unit: "túi" })
        const badRate = await post(`/seller/products/${await productId("gao")}`, RICE, {
          vat_rate: "7%",
        })
        expect(badRate.status).toBe(400)
        expect(badRate.data.field).toBe("vat_rate")

        const of = await order("pp_cod_cod", [
          { variant_id: scenario.variantOf.gao!, quantity: 2 },
          { variant_id: noodles, quantity: 3 },
          { variant_id: scenario.variantOf.rau!, quantity: 1 },
        ])
        const part = of(RICE)
        const at = `/seller/orders/${part.part_order_id}`
        expect((await post(`${at}/ship`, RICE)).status).toBe(200)

        // Shipped but not delivered: cash not collected, nothing to invoice yet.
        let list = await get(`/seller/invoices?period=${period()}`, RICE)
        expect(list.status).toBe(200)
        expect(list.data).toMatchObject({ settings_missing: ["invoice_series"], invoices: [] })

        // A bad series is refused naming the field, and nothing changes.
        const bad = await post("/seller/me", RICE, { invoice_series: "1C26QAA" })
        expect(bad.status).toBe(400)
        expect(bad.data.field).toBe("invoice_series")
        const badTax = await post("/seller/me", RICE, { tax_code: "53001234" })
        expect(badTax.status).toBe(400)
        expect(badTax.data.field).toBe("tax_code")
        const before = (await get("/seller/me", RICE)).data.seller
        expect(before).toMatchObject({ invoice_series: null, tax_code: "5300123456" })

        const set = await post("/seller/me", RICE, {
          invoice_series: "1c26taa",
          tax_code: "5300123456-001",
        })
        expect(set.status).toBe(200)
        expect(set.data.seller).toMatchObject({
          invoice_series: "1C26TAA",
          tax_code: "5300123456-001",
        })
        const pg = getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION)
        const { rows } = await pg.raw(
          "select data from audit_entry where seller_id = ? and action = 'seller.update'",
          [before.id],
        )
        expect(rows.map((r: Json) => r.data.invoice_fields)).toContainEqual({
          invoice_series: "1C26TAA",
          tax_code: "5300123456-001",
        })

        list = await get(`/seller/invoices?period=${period()}`, RICE)
        expect(list.data).toMatchObject({ settings_missing: [], invoices: [] })

        expect((await post(`${at}/deliver`, RICE)).status).toBe(200)
        list = await get(`/seller/invoices?period=${period()}`, RICE)
        expect(list.data.invoices).toHaveLength(1)
        const invoice = list.data.invoices[0]
        expect(invoice).toMatchObject({
          form: "1",
          series: "C26TAA",
          number: 1,
          reference: part.reference,
          total: part.amount,
          total_in_words: vndInWords(part.amount),
          issued_on: vietnamDay(new Date()).day,
          adjustment_note: null,
        })
        // Listing again makes nothing new: same invoice, same number.
        const again = await get(`/seller/invoices?period=${period()}`, RICE)
        expect(again.data.invoices.map((i: Json) => [i.id, i.number])).toEqual([[invoice.id, 1]])

        const xml = await get(`/seller/invoices/${invoice.id}/xml`, RICE)
        expect(xml.status).toBe(200)
        expect(xml.headers["content-type"]).toMatch(/^application\/xml/)
        expect(xml.headers["content-disposition"]).toContain("1C26TAA-00000001.xml")
        const root = parse(xml.data)
        const data = child(root, "DLHDon")
        expect(child(data, "TTChung", "KHHDon").text).toBe("C26TAA")
        expect(child(data, "TTChung", "HTTToan").text).toBe("Tiền mặt")
        expect(child(data, "NDHDon", "NBan", "MST").text).toBe("5300123456-001")
        expect(child(data, "NDHDon", "NMua", "HVTNMHang").text).toBe("Nguyễn Văn An")
        const lines = all(child(data, "NDHDon", "DSHHDVu"), "HHDVu")
        const described = lines.map((l) => [
          child(l, "DVTinh").text,
          num(l, "SLuong"),
          child(l, "TSuat").text,
        ])
        // Rice 5% by the bag, noodles not subject to VAT, and the delivery at the highest rate.
        expect(described).toEqual([
          ["túi", 2, "5%"],
          ["1 kg", 3, "KCT"],
          ["lần", 1, "5%"],
        ])
        expect(child(lines[1]!, "DGia").text).toBe("30000")
        const totals = child(data, "NDHDon", "TToan")
        const net = lines.reduce((s, l) => s + num(l, "ThTien"), 0)
        const byRate = all(child(totals, "THTTLTSuat"), "LTSuat")
        const vat = byRate.reduce((s, r) => s + num(r, "TThue"), 0)
        expect(num(totals, "TgTCThue")).toBe(net)
        expect(num(totals, "TgTThue")).toBe(vat)
        expect(vat).toBeGreaterThan(0)
        expect(num(totals, "TgTTTBSo")).toBe(net + vat)
        expect(num(totals, "TgTTTBSo")).toBe(part.amount)
        expect(child(totals, "TgTTTBChu").text).toBe(vndInWords(part.amount))

        // Staff see the invoices but may not change the invoice details.
        const staff = await staffOf(RICE)
        const staffList = await api.get(`/seller/invoices?period=${period()}`, {
          headers: staff,
          ...ok,
        })
        expect(staffList.data.invoices).toHaveLength(1)
        const refused = await api.post(
          "/seller/me",
          { invoice_series: "1C26TAB" },
          { headers: { ...staff, "accept-language": "vi" }, ...ok },
        )
        expect(refused.status).toBe(403)
        expect(refused.data.field).toBe("invoice_series")
        expect(refused.data.message).toContain("Chỉ chủ tài khoản")
        expect((await get("/seller/me", RICE)).data.seller.invoice_series).toBe("1C26TAA")
      })

      async function staffOf(handle: string) {
        const sellers = getContainer().resolve<SellerModuleService>(SELLER_MODULE)
        const seller = (await sellers.listSellers({ handle }))[0]!
        const email = `nhanvien.${handle}@example.test`
        const member = await sellers.createSellerMembers({
          email,
          name: "Nhân viên",
          role: "staff",
          seller_id: seller.id,
        })
        const auth = getContainer().resolve("auth")
        const { authIdentity } = await auth.register("emailpass", {
          body: { email, password: PASSWORD },
        })
        await auth.updateAuthIdentities({
          id: authIdentity!.id,
          app_metadata: { seller_member_id: member.id, seller_id: seller.id, role: "staff" },
        })
        const { data } = await api.post("/auth/seller_member/emailpass", {
          email,
          password: PASSWORD,
        })
        return { authorization: `Bearer ${data.token}` }
      }

      it("VietQR parts are invoiced on confirmation, numbered in order; a refund leaves a note; the month zips with an XLSX; others get 404", async () => {
        for (const handle of [RICE, VEG]) {
          expect((await post("/seller/me", handle, { invoice_series: "2C26THK" })).status).toBe(200)
        }
        const first = (
          await order("pp_vietqr_vietqr", [
            { variant_id: scenario.variantOf.gao!, quantity: 1 },
            { variant_id: scenario.variantOf.rau!, quantity: 1 },
          ])
        )(RICE)
        const second = (await order("pp_vietqr_vietqr", [{ variant_id: noodles, quantity: 2 }]))(
          RICE,
        )
        // An unpaid part, cancelled: never invoiced.
        const unpaid = (await order("pp_vietqr_vietqr", [{ variant_id: noodles, quantity: 1 }]))(
          RICE,
        )
        expect((await post(`/seller/orders/${unpaid.part_order_id}/cancel`, RICE)).status).toBe(200)

        for (const part of [first, second]) {
          const paid = await post(`/seller/orders/${part.part_order_id}/confirm-payment`, RICE, {
            amount: part.amount,
          })
          expect(paid.status).toBe(200)
        }
        let list = await get(`/seller/invoices?period=${period()}`, RICE)
        expect(list.data.invoices.map((i: Json) => [i.reference, i.number, i.form])).toEqual([
          [first.reference, 1, "2"],
          [second.reference, 2, "2"],
        ])
        // A sales invoice (form 2, a household's): no VAT, the total is the amount paid.
        expect(list.data.invoices.map((i: Json) => [i.total, i.total_vat])).toEqual([
          [first.amount, 0],
          [second.amount, 0],
        ])
        const secondId = list.data.invoices[1].id

        // Refunded after its invoice was made: the invoice stays, with a note of adjustment.
        expect((await post(`/seller/orders/${second.part_order_id}/cancel`, RICE)).status).toBe(200)
        list = await get(`/seller/invoices?period=${period()}`, RICE)
        expect(list.data.invoices).toHaveLength(2)
        expect(list.data.invoices[0].adjustment_note).toBeNull()
        expect(list.data.invoices[1]).toMatchObject({ id: secondId, number: 2 })
        expect(list.data.invoices[1].adjustment_note).toContain(second.reference)
        expect(list.data.invoices[1].adjustment_note).toContain("điều chỉnh")

        // Another seller: nothing of its own paid, and the rice seller's invoice is not found.
        const veg = await get(`/seller/invoices?period=${period()}`, VEG)
        expect(veg.data.invoices).toEqual([])
        expect((await get(`/seller/invoices/${secondId}/xml`, VEG)).status).toBe(404)
        expect((await get(`/seller/invoices/${secondId}/xml`, RICE)).status).toBe(200)

        // An earlier month holds none of them.
        const earlier = await get("/seller/invoices?period=2020-01", RICE)
        expect(earlier.data.invoices).toEqual([])

        for (const [lang, words] of [
          ["vi", "YYYY-MM"],
          ["en", "must be a month"],
        ] as const) {
          for (const bad of ["2026-13", "12-2026", "2026"]) {
            const res = await get(`/seller/invoices?period=${bad}`, RICE, {
              "accept-language": lang,
            })
            expect(res.status).toBe(400)
            expect(res.data.field).toBe("period")
            expect(res.data.message).toContain("period")
            expect(res.data.message).toContain(words)
          }
        }
        expect((await get("/seller/invoices/export?period=2026-1", RICE)).status).toBe(400)

        const zipped = await api.get(`/seller/invoices/export?period=${period()}`, {
          headers: headers[RICE],
          responseType: "arraybuffer",
        })
        expect(zipped.headers["content-type"]).toBe("application/zip")
        const zip = await JSZip.loadAsync(zipped.data)
        const names = Object.keys(zip.files).sort()
        expect(names).toEqual(
          [
            "2C26THK-00000001.xml",
            "2C26THK-00000002.xml",
            `tong-hop-hoa-don-${period()}.xlsx`,
          ].sort(),
        )
        const xml = parse(await zip.file("2C26THK-00000002.xml")!.async("string"))
        expect(num(xml, "DLHDon", "NDHDon", "TToan", "TgTTTBSo")).toBe(second.amount)
        const workbook = new ExcelJS.Workbook()
        await workbook.xlsx.load(
          (await zip.file(`tong-hop-hoa-don-${period()}.xlsx`)!.async("nodebuffer")) as never,
        )
        const sheet = workbook.worksheets[0]!
        const rows: unknown[][] = []
        sheet.eachRow((row) => {
          rows.push((row.values as unknown[]).slice(1))
        })
        expect(rows).toHaveLength(4)
        expect(rows[1]!.slice(0, 5)).toEqual([
          "2",
          "C26THK",
          1,
          vietnamDay(new Date()).day,
          first.reference,
        ])
        expect(rows[1]![9]).toBe(first.amount)
        expect(rows[2]![2]).toBe(2)
        expect(String(rows[2]![10])).toContain("điều chỉnh")
        expect(rows[3]![9]).toBe(first.amount + second.amount)
      })

      /** A card order: the buyer's browser confirms the PaymentIntent, then the cart completes. */
      async function cardOrder(
        items: { variant_id: string; quantity: number }[],
        paymentMethod = "pm_card_visa",
      ) {
        const { cart } = await prepareCart(sdk, {
          regionId: scenario.regionId,
          items,
          shipping: "delivery_commune",
        })
        const { payment_collection } = await sdk.store.payment.initiatePaymentSession(
          cart as never,
          { provider_id: "pp_stripe_stripe" },
        )
        const session = payment_collection.payment_sessions![0] as Json
        const confirmed = await confirmCard(
          session.data.id,
          session.data.client_secret,
          paymentMethod,
        )
        const result = await tryComplete(sdk, cart.id)
        const intent = stripe.paymentIntents.get(session.data.id) as Json
        return { cart, confirmed, result, intent }
      }

      async function partsOf(orderId: string) {
        const { data } = await api.get(`/store/orders/${orderId}/parts`, {
          headers: scenario.storeHeaders,
        })
        return (handle: string) => data.parts.find((p: Json) => p.seller.handle === handle) as Json
      }

      it("card parts are invoiced once captured, which is when the order is placed: one invoice per seller, 'Thẻ'", async () => {
        expect((await post("/seller/me", RICE, { invoice_series: "1C26TAA" })).status).toBe(200)
        expect((await post("/seller/me", VEG, { invoice_series: "1C26TRS" })).status).toBe(200)

        // A declined card places no order: nothing paid, nothing to invoice.
        const declined = await cardOrder(
          [{ variant_id: scenario.variantOf.gao!, quantity: 1 }],
          "pm_card_chargeDeclined",
        )
        expect(declined.confirmed).toBe(402)
        expect(declined.result.type).not.toBe("order")
        expect((await get(`/seller/invoices?period=${period()}`, RICE)).data.invoices).toEqual([])

        // One card payment for two sellers' parts. The platform charges cards with automatic
        // capture: there is no authorised-but-uncaptured card part, each is captured on placing.
        const paid = await cardOrder([
          { variant_id: scenario.variantOf.gao!, quantity: 2 },
          { variant_id: noodles, quantity: 1 },
          { variant_id: scenario.variantOf.rau!, quantity: 3 },
        ])
        expect(paid.confirmed).toBe(200)
        expect(paid.result.type).toBe("order")
        expect(paid.intent).toMatchObject({ status: "succeeded", capture_method: "automatic" })
        const of = await partsOf(paid.result.order.id)
        const [rice, veg] = [of(RICE), of(VEG)]
        for (const part of [rice, veg]) {
          expect(part.payment).toMatchObject({ method: "card", status: "captured" })
          expect(part.payment.captured_at).toBeTruthy()
        }
        expect(rice.amount + veg.amount).toBe(Number(paid.cart.total))

        // A second card part, cancelled (and refunded to the card) before any invoice is read:
        // refunded before its invoice was made, it never gets one.
        const refunded = await cardOrder([{ variant_id: noodles, quantity: 2 }])
        const gone = (await partsOf(refunded.result.order.id))(RICE)
        expect((await post(`/seller/orders/${gone.part_order_id}/cancel`, RICE)).status).toBe(200)
        expect(
          [...stripe.refunds.values()].filter((r) => r.payment_intent === refunded.intent.id),
        ).toHaveLength(1)

        const list = await get(`/seller/invoices?period=${period()}`, RICE)
        expect(list.status).toBe(200)
        expect(list.data.invoices).toHaveLength(1)
        const invoice = list.data.invoices[0]
        expect(invoice).toMatchObject({
          order_part_id: rice.id,
          form: "1",
          series: "C26TAA",
          number: 1,
          reference: rice.reference,
          payment_method: "Thẻ",
          total: rice.amount,
          total_in_words: vndInWords(rice.amount),
          issued_on: vietnamDay(new Date(rice.payment.captured_at)).day,
          adjustment_note: null,
        })
        const xml = await get(`/seller/invoices/${invoice.id}/xml`, RICE)
        expect(xml.status).toBe(200)
        const data = child(parse(xml.data), "DLHDon")
        expect(child(data, "TTChung", "HTTToan").text).toBe("Thẻ")
        expect(child(data, "TTChung", "TTKhac", "TTin", "DLieu").text).toBe(rice.reference)
        expect(num(data, "NDHDon", "TToan", "TgTTTBSo")).toBe(rice.amount)
        const lines = all(child(data, "NDHDon", "DSHHDVu"), "HHDVu")
        expect(lines.map((l) => num(l, "SLuong"))).toEqual([2, 1, 1])

        // The other seller's part of the same payment: its own invoice, in its own series.
        const vegList = await get(`/seller/invoices?period=${period()}`, VEG)
        expect(vegList.data.invoices).toHaveLength(1)
        const vegInvoice = vegList.data.invoices[0]
        expect(vegInvoice).toMatchObject({
          order_part_id: veg.id,
          series: "C26TRS",
          number: 1,
          reference: veg.reference,
          payment_method: "Thẻ",
          total: veg.amount,
        })
        expect(vegInvoice.id).not.toBe(invoice.id)
        const vegXml = parse((await get(`/seller/invoices/${vegInvoice.id}/xml`, VEG)).data)
        expect(child(vegXml, "DLHDon", "TTChung", "HTTToan").text).toBe("Thẻ")
        expect(num(vegXml, "DLHDon", "NDHDon", "TToan", "TgTTTBSo")).toBe(veg.amount)
        expect((await get(`/seller/invoices/${vegInvoice.id}/xml`, RICE)).status).toBe(404)
        expect((await get(`/seller/invoices/${invoice.id}/xml`, VEG)).status).toBe(404)

        // Reading again makes nothing new.
        const again = await get(`/seller/invoices?period=${period()}`, RICE)
        expect(again.data.invoices.map((i: Json) => [i.id, i.number])).toEqual([[invoice.id, 1]])
      })
    })
  },
})
