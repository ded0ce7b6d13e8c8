/**
 * Seller notifications end to end: the owner-only channel settings, notices queued by orders,
 * payments, stamps, the OCOP registry and the commune's decisions, sent through the SMS (eSMS.vn)
 * and Zalo ZNS providers to a local stand-in of their APIs, retried with backoff, and never
 * holding back an order.
 */

import { signPayload } from "@coop/contracts/signature"
import type { INotificationModuleService, Logger } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import ocopExpiryNoticesJob from "../../src/jobs/ocop-expiry-notices"
import { httpStandIn, type Recorded } from "../../src/lib/seller-notifications/__tests__/stand-ins"
import { deliverDue } from "../../src/lib/seller-notifications/deliver"
import { enqueueNotices } from "../../src/lib/seller-notifications/enqueue"
import { foldForSms, formatVnd } from "../../src/lib/seller-notifications/messages"
import { COMMUNE_MODULE } from "../../src/modules/commune"
import type CommuneModuleService from "../../src/modules/commune/service"
import { mailsTo } from "../../src/modules/mail-outbox/outbox"
import { SELLER_MODULE } from "../../src/modules/seller"
import type SellerModuleService from "../../src/modules/seller/service"
import { SELLER_NOTIFY_MODULE } from "../../src/modules/seller-notify"
import type SellerNotifyModuleService from "../../src/modules/seller-notify/service"
import notifySellersOfChange from "../../src/subscribers/seller-notifications"
import {
  type Json,
  payAndComplete,
  prepareCart,
  sellerHeaders,
  setUpCheckout,
  storeSdk,
} from "../helpers/checkout-scenario"
import { createOperator, GIA_PHU, PASSWORD } from "../helpers/registry-fixtures"

const ESMS_KEY = "esms-api-key-it-4411"
const ESMS_SECRET = "esms-secret-key-it-9a9a"
const ZNS_TOKEN = "zns-access-token-it-77c3"
const EVENTS_SECRET = "test-indicator-events-secret"

// One stand-in answers both APIs (by path); each test sets how it behaves.
type Mode = "ok" | "down" | "flaky"
let mode: Mode = "ok"
const failures = new Map<string, number>()
const standIn = () =>
  httpStandIn((req) => {
    const sms = req.path.startsWith("/MainService.svc/")
    const id = sms ? req.body.RequestId : req.body.tracking_id
    if (mode === "down") return { status: 503, body: { error: "unavailable" } }
    if (mode === "flaky") {
      const seen = (failures.get(id) ?? 0) + 1
      failures.set(id, seen)
      if (seen <= 2) return { status: 500, body: { error: "try later" } }
    }
    if (sms) {
      const authorized = req.body.ApiKey === ESMS_KEY && req.body.SecretKey === ESMS_SECRET
      return {
        body: authorized ? { CodeResult: "100", SMSID: `sms-${id}` } : { CodeResult: "101" },
      }
    }
    return req.headers.access_token === ZNS_TOKEN
      ? { body: { error: 0, message: "Success", data: { msg_id: `zns-${id}` } } }
      : { body: { error: -124, message: "Access token is invalid" } }
  })
let stand: Awaited<ReturnType<typeof standIn>>

// Before Medusa boots (the runner's own beforeAll, inside its describe): the providers read
// their API addresses from the environment when medusa-config.ts is loaded.
beforeAll(async () => {
  stand = await standIn()
  Object.assign(process.env, {
    ESMS_API_KEY: ESMS_KEY,
    ESMS_SECRET_KEY: ESMS_SECRET,
    ESMS_BRANDNAME: "HTX_TEST",
    ESMS_API_URL: stand.url,
    ZALO_ZNS_ACCESS_TOKEN: ZNS_TOKEN,
    ZALO_ZNS_TEMPLATES:
      "new_order=1001,payment_confirmed=1002,stamps_done=1003,ocop_expiring=1004,seller_approved=1005,seller_suspended=1006",
    ZALO_ZNS_API_URL: stand.url,
    INDICATORS_WEBHOOK_SECRET: EVENTS_SECRET,
  })
})
afterAll(() => stand.close())

const smsTo = (phone: string) =>
  stand.requests.filter((r) => r.path.startsWith("/MainService.svc/") && r.body.Phone === phone)
const znsTo = (phone: string) =>
  stand.requests.filter((r) => r.path === "/message/template" && r.body.phone === phone)

async function waitFor<T>(what: () => Promise<T | undefined | false>, label: string): Promise<T> {
  for (let i = 0; i < 200; i++) {
    const value = await what()
    if (value) return value
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  throw new Error(`Timed out waiting for ${label}`)
}

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    describe("seller notifications on SMS, Zalo and e-mail", () => {
      let scenario: Awaited<ReturnType<typeof setUpCheckout>>
      let owner: Record<string, string>
      let sellerId: string
      const logged: string[] = []
      const ok = { validateStatus: () => true }

      beforeAll(() => {
        // Every line the backend logs, to check that no credential ever appears in one.
        const logger = getContainer().resolve<Logger>(ContainerRegistrationKeys.LOGGER)
        for (const level of ["info", "warn", "error", "debug"] as const) {
          const original = logger[level].bind(logger)
          logger[level] = ((...args: unknown[]) => {
            logged.push(args.map(String).join(" "))
            return (original as (...a: unknown[]) => void)(...args)
          }) as never
        }
      })

      beforeEach(async () => {
        mode = "ok"
        scenario = await setUpCheckout(getContainer())
        owner = await sellerHeaders(api, "htx-lua-gao")
        sellerId = scenario.sellers.find((s) => s.handle === "htx-lua-gao")!.id
      })

      const deliveries = (filters: Json = {}) =>
        getContainer()
          .resolve<SellerNotifyModuleService>(SELLER_NOTIFY_MODULE)
          .listNotificationDeliveries({ seller_id: sellerId, ...filters })

      async function chooseSmsAndZalo(phone = "0912 345 678") {
        const { data } = await api.post(
          "/seller/notification-settings",
          { sms: true, zalo: true, phone },
          { headers: owner },
        )
        return data
      }

      async function placeOrder() {
        const sdk = storeSdk(
          api.defaults.baseURL as string,
          scenario.storeHeaders["x-publishable-api-key"],
        )
        const { cart } = await prepareCart(sdk, {
          regionId: scenario.regionId,
          items: [{ variant_id: scenario.variantOf.gao!, quantity: 2 }],
        })
        const result = (await payAndComplete(sdk, cart, "pp_cod_cod")) as Json
        expect(result.type).toBe("order")
        const { data } = await api.get(`/store/orders/${result.order.id}/parts`, {
          headers: scenario.storeHeaders,
        })
        return data.parts[0] as Json
      }

      it("lets only the owner choose channels, with a Vietnamese mobile number", async () => {
        const { data: initial } = await api.get("/seller/notification-settings", { headers: owner })
        expect(initial).toEqual({
          settings: { email: true, sms: false, zalo: false, phone: null },
          available: { email: true, sms: true, zalo: true },
        })

        const landline = await api.post(
          "/seller/notification-settings",
          { sms: true, phone: "0214 3860 999" },
          { headers: owner, ...ok },
        )
        expect(landline.status).toBe(400)
        expect(landline.data.field).toBe("phone")
        expect(landline.data.message).toContain("Số di động Việt Nam")
        const noPhone = await api.post(
          "/seller/notification-settings",
          { zalo: true },
          { headers: { ...owner, "accept-language": "en" }, ...ok },
        )
        expect(noPhone.status).toBe(400)
        expect(noPhone.data).toMatchObject({
          field: "phone",
          message: "SMS and Zalo notices need a mobile number",
        })
        expect(
          (await api.get("/seller/notification-settings", { headers: owner })).data.settings,
        ).toEqual(initial.settings)

        const saved = await chooseSmsAndZalo("+84 912.345.678")
        expect(saved.settings).toEqual({ email: true, sms: true, zalo: true, phone: "84912345678" })

        // Staff of the same seller, and a helper granted by it, may not see or change the choice.
        const container = getContainer()
        const sellers = container.resolve<SellerModuleService>(SELLER_MODULE)
        const auth = container.resolve(Modules.AUTH)
        const staff = await sellers.createSellerMembers({
          email: "nhanvien.luagao@example.test",
          name: "Nhân viên",
          role: "staff",
          seller_id: sellerId,
        })
        const helper = await sellers.createHelpers({
          email: "tocongnghe.luagao@example.test",
          name: "Tổ công nghệ",
          commune_code: GIA_PHU,
        })
        await sellers.createHelperGrants({
          seller_id: sellerId,
          helper_id: helper.id,
          granted_by: "test",
          accepted_at: new Date(),
        })
        const bearer = async (actor: string, email: string, id: string) => {
          const { authIdentity } = await auth.register("emailpass", {
            body: { email, password: PASSWORD },
          })
          await auth.updateAuthIdentities({
            id: authIdentity!.id,
            app_metadata: { [`${actor}_id`]: id },
          })
          const { data } = await api.post(`/auth/${actor}/emailpass`, { email, password: PASSWORD })
          return { authorization: `Bearer ${data.token}` }
        }
        const asStaff = await bearer("seller_member", staff.email, staff.id)
        const asHelper = {
          ...(await bearer("helper", helper.email, helper.id)),
          "x-seller-id": sellerId,
        }
        expect((await api.get("/seller/products", { headers: asStaff, ...ok })).status).toBe(200)
        expect((await api.get("/seller/products", { headers: asHelper, ...ok })).status).toBe(200)
        for (const headers of [asStaff, asHelper]) {
          expect((await api.get("/seller/notification-settings", { headers, ...ok })).status).toBe(
            403,
          )
          const change = await api.post(
            "/seller/notification-settings",
            { sms: false },
            { headers, ...ok },
          )
          expect(change.status).toBe(403)
        }
        expect(
          (await api.get("/seller/notification-settings", { headers: owner })).data.settings.sms,
        ).toBe(true)
      })

      it("sends a notice queued in the same millisecond as the round that looks for it", async () => {
        await chooseSmsAndZalo()
        const container = getContainer()
        const queued = await enqueueNotices(container, [
          {
            seller_id: sellerId,
            template: "new_order",
            dedupe_key: "new_order:same-millisecond",
            params: { order: "DH-1", amount: "1.000 ₫", seller: "HTX Lúa gạo" },
          },
        ])
        expect(queued).toBe(3)
        const rows = await deliveries({ dedupe_key: "new_order:same-millisecond" })
        // The round's clock is a JavaScript Date, to the millisecond; the rows' time is the
        // database's. A round in that same millisecond must find them due.
        const at = new Date(Math.max(...rows.map((r) => new Date(r.next_attempt_at).getTime())))
        expect((await deliverDue(container, { now: at })).claimed).toBe(3)
        expect(
          (await deliveries({ dedupe_key: "new_order:same-millisecond" })).map((r) => r.status),
        ).toEqual(["sent", "sent", "sent"])
      })

      it("tells a new order with its part number and VND amount on SMS, Zalo and e-mail, once", async () => {
        await chooseSmsAndZalo()
        const part = await placeOrder()
        const amount = formatVnd(Number(part.amount))
        expect(amount).toMatch(/^[\d.]+\s₫$/)
        const rows = await waitFor(async () => {
          const r = await deliveries({ template: "new_order" })
          return r.length === 3 && r.every((d) => d.status === "sent") && r
        }, "new-order notices sent")
        expect(rows.map((r) => r.channel).sort()).toEqual(["email", "sms", "zalo"])
        expect(rows.every((r) => r.attempts === 1)).toBe(true)

        const [sms] = smsTo("84912345678").filter((r) => r.body.Content.includes(part.reference))
        expect(sms!.body.Content).toBe(
          foldForSms(
            `Chợ số HTX: HTX Lúa gạo có đơn hàng mới ${part.reference}, trị giá ${amount}. Vào cổng người bán để chuẩn bị hàng.`,
          ),
        )
        const [zalo] = znsTo("84912345678").filter(
          (r) => r.body.template_data.order === part.reference,
        )
        expect(zalo!.body).toMatchObject({
          template_id: "1001",
          template_data: { order: part.reference, amount, seller: "HTX Lúa gạo" },
        })
        const mail = mailsTo("htx-lua-gao@example.test").find(
          (m) => m.subject === `Đơn hàng mới ${part.reference}`,
        )
        expect(mail?.text).toContain(`trị giá ${amount}`)

        // The same fact again (a repeated event) queues nothing new and sends nothing.
        const before = stand.requests.length
        await notifySellersOfChange({
          event: { name: "order_part.changed", data: { ids: [part.id] } },
          container: getContainer(),
        } as never)
        await deliverDue(getContainer())
        expect(await deliveries({ template: "new_order" })).toHaveLength(3)
        expect(stand.requests.length).toBe(before)

        // Cash collected on delivery: the payment is confirmed, once more on every channel.
        const at = `/seller/orders/${part.part_order_id}`
        expect((await api.post(`${at}/ship`, {}, { headers: owner })).status).toBe(200)
        expect((await api.post(`${at}/deliver`, {}, { headers: owner })).status).toBe(200)
        const paid = await waitFor(async () => {
          const r = await deliveries({ template: "payment_confirmed" })
          return r.length === 3 && r.every((d) => d.status === "sent") && r
        }, "payment notices sent")
        expect(
          paid.every((d) => d.params.amount === amount && d.params.order === part.reference),
        ).toBe(true)
        const paidSms = smsTo("84912345678").filter((r) =>
          r.body.Content.includes("da duoc thanh toan"),
        )
        expect(paidSms.map((r) => r.body.Content)).toEqual([
          foldForSms(
            `Chợ số HTX: đơn ${part.reference} của HTX Lúa gạo đã được thanh toán ${amount}.`,
          ),
        ])
      })

      it("completes the order with the SMS and Zalo APIs down, then retries with backoff until delivered once", async () => {
        await chooseSmsAndZalo("0386 123 456")
        mode = "down"
        const part = await placeOrder()
        expect(part.status).toBe("placed")
        const failed = await waitFor(async () => {
          const r = await deliveries({ template: "new_order" })
          return r.length === 3 && r.every((d) => d.attempts === 1) && r
        }, "first attempts")
        const email = failed.find((r) => r.channel === "email")!
        // E-mail went out regardless.
        expect(email.status).toBe("sent")
        for (const row of failed.filter((r) => r.channel !== "email")) {
          expect(row.status).toBe("pending")
          expect(row.last_error).toBe("HTTP 503")
          expect(new Date(row.next_attempt_at).getTime()).toBeGreaterThan(Date.now())
        }

        // The APIs come back but fail twice more per message before answering.
        mode = "flaky"
        const now = Date.now()
        expect((await deliverDue(getContainer(), { now: new Date(now + 30_000) })).claimed).toBe(0)
        await deliverDue(getContainer(), { now: new Date(now + 2 * 60_000) })
        const second = await deliveries({ template: "new_order", channel: ["sms", "zalo"] })
        expect(second.map((r) => [r.status, r.attempts, r.last_error])).toEqual([
          ["pending", 2, "HTTP 500"],
          ["pending", 2, "HTTP 500"],
        ])
        // Not due before the second wait (5 minutes) has passed.
        expect(
          (await deliverDue(getContainer(), { now: new Date(now + 4 * 60_000) })).claimed,
        ).toBe(0)
        await deliverDue(getContainer(), { now: new Date(now + 8 * 60_000) })
        await deliverDue(getContainer(), { now: new Date(now + 60 * 60_000) })
        const done = await deliveries({ template: "new_order", channel: ["sms", "zalo"] })
        expect(done.map((r) => [r.status, r.attempts, r.last_error])).toEqual([
          ["sent", 4, null],
          ["sent", 4, null],
        ])
        await deliverDue(getContainer(), { now: new Date(now + 24 * 60 * 60_000) })

        // One message reached each API in the end (three more refused), and Medusa recorded
        // every attempt.
        for (const row of done) {
          const calls = stand.requests.filter(
            (r: Recorded) => r.body.RequestId === row.id || r.body.tracking_id === row.id,
          )
          expect(calls).toHaveLength(4)
          expect(failures.get(row.id)).toBe(3)
          const attempts = await getContainer()
            .resolve<INotificationModuleService>(Modules.NOTIFICATION)
            .listNotifications({ resource_id: row.id })
          expect(attempts.map((a) => a.status).sort()).toEqual([
            "failure",
            "failure",
            "failure",
            "success",
          ])
        }
      })

      it("tells a suspension with its reason, a finished stamp job, and an OCOP entry expiring in 30 days once", async () => {
        await chooseSmsAndZalo("0978 000 111")
        const operator = await createOperator(getContainer(), api)
        await api.post(
          `/admin/sellers/${sellerId}/suspend`,
          { reason: "Chưa nộp giấy chứng nhận an toàn thực phẩm" },
          { headers: operator.headers },
        )
        await waitFor(
          async () => smsTo("84978000111").find((r) => r.body.Content.includes("tam ngung")),
          "suspension SMS",
        )
        const suspended = smsTo("84978000111").find((r) => r.body.Content.includes("tam ngung"))!
        expect(suspended.body.Content).toContain(
          "Ly do: Chua nop giay chung nhan an toan thuc pham",
        )

        const { data: products } = await getContainer()
          .resolve(ContainerRegistrationKeys.QUERY)
          .graph({ entity: "product", fields: ["id"], filters: { handle: "gao" } })
        const productId = products[0]!.id
        const raw = JSON.stringify({
          events: [
            {
              id: "stamp-job-1",
              type: "stamps.issued",
              occurred_at: new Date().toISOString(),
              seller_id: sellerId,
              product_id: productId,
              batch_id: "b-1",
              count: 1200,
            },
          ],
        })
        const pushed = await api.post("/webhooks/traceability", raw, {
          headers: {
            "content-type": "application/json",
            "x-coop-signature": signPayload(raw, EVENTS_SECRET),
          },
        })
        expect(pushed.status).toBe(200)
        const stampSms = await waitFor(
          async () => smsTo("84978000111").find((r) => r.body.Content.includes("tem QR")),
          "stamp SMS",
        )
        expect(stampSms.body.Content).toContain("da phat hanh xong 1.200 tem QR")

        const communes = getContainer().resolve<CommuneModuleService>(COMMUNE_MODULE)
        const expires = new Date(Date.now() + 20 * 86_400_000)
        await communes.createOcopEntries([
          {
            commune_code: GIA_PHU,
            seller_id: sellerId,
            product_name: "Gạo Séng Cù",
            group: "food",
            stars: 4,
            certificate_number: "OCOP-LC-2024-017",
            issuing_level: "province",
            issued_on: new Date(Date.now() - 1000 * 86_400_000),
            expires_on: expires,
          },
          {
            commune_code: GIA_PHU,
            seller_id: sellerId,
            product_name: "Mật ong",
            group: "food",
            stars: 3,
            certificate_number: "OCOP-LC-2024-018",
            issuing_level: "province",
            issued_on: new Date(),
            expires_on: new Date(Date.now() + 200 * 86_400_000),
          },
        ])
        await ocopExpiryNoticesJob(getContainer())
        await ocopExpiryNoticesJob(getContainer())
        const expiring = await deliveries({ template: "ocop_expiring" })
        expect(expiring.map((d) => d.channel).sort()).toEqual(["email", "sms", "zalo"])
        expect(expiring.every((d) => d.params.certificate === "OCOP-LC-2024-017")).toBe(true)
        const ocopSms = smsTo("84978000111").filter((r) => r.body.Content.includes("OCOP"))
        expect(ocopSms).toHaveLength(1)
        const day = new Intl.DateTimeFormat("vi-VN", {
          day: "2-digit",
          month: "2-digit",
          year: "numeric",
          timeZone: "Asia/Ho_Chi_Minh",
        }).format(expires)
        expect(ocopSms[0]!.body.Content).toContain(`het han ngay ${day}`)

        const lines = logged.join("\n")
        expect(lines).toContain("(ocop_expiring)")
        for (const secret of [ZNS_TOKEN, ESMS_KEY, ESMS_SECRET]) expect(lines).not.toContain(secret)
      })
    })
  },
})
