import { previousQuarter, quarterRange } from "@coop/contracts/quarters"
import { signPayload } from "@coop/contracts/signature"
import { Modules } from "@medusajs/framework/utils"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import ExcelJS from "exceljs"
import { refreshIndicators } from "../../src/lib/indicators/refresh"
import { CHECKOUT_MODULE } from "../../src/modules/checkout"
import type CheckoutModuleService from "../../src/modules/checkout/service"
import { COMMUNE_MODULE } from "../../src/modules/commune"
import type CommuneModuleService from "../../src/modules/commune/service"
import { COMMUNE, PRODUCTS, SELLERS } from "../../src/scripts/demo/data"
import { PUBLISHABLE_KEY_TITLE, seedDemoCommune } from "../../src/scripts/demo/seed-demo"
import { DEMO_ACCOUNTS } from "../../src/scripts/demo/seed-sellers"
import type { Json } from "../helpers/checkout-scenario"

const PASSWORD = "giaphu-demo"
const EVENTS_SECRET = "indicator-events-test-secret"
process.env.INDICATORS_WEBHOOK_SECRET = EVENTS_SECRET

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))
const now = new Date()
const quarter = `${new Date(now.getTime() + 7 * 3600_000).getUTCFullYear()}-Q${Math.floor(new Date(now.getTime() + 7 * 3600_000).getUTCMonth() / 3) + 1}`

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    describe("the commune's digital-economy indicators", () => {
      let store: Record<string, string>
      let officer: Record<string, string>
      let province: Record<string, string>

      const login = async (actor: string, email: string) => {
        const { data } = await api.post(`/auth/${actor}/emailpass`, { email, password: PASSWORD })
        return { authorization: `Bearer ${data.token}` }
      }
      const get = (path: string, headers: Record<string, string>) =>
        api.get(path, { headers }).catch((e: { response: Json }) => e.response)

      beforeEach(async () => {
        await seedDemoCommune(getContainer())
        const [key] = await getContainer()
          .resolve(Modules.API_KEY)
          .listApiKeys({ title: PUBLISHABLE_KEY_TITLE, type: "publishable" })
        store = { "x-publishable-api-key": key.token }
        officer = await login("commune_officer", DEMO_ACCOUNTS.communeOfficer)
        province = await login("province_officer", DEMO_ACCOUNTS.provinceOfficer)
      })

      /** The product's seller unpublishes it through the seller API, as in the portal. */
      async function unpublish(productId: string) {
        const query = getContainer().resolve("query")
        const { data } = await query.graph({
          entity: "product",
          fields: ["seller.handle"],
          filters: { id: productId },
        })
        const seller = await login("seller_member", `${data[0]!.seller!.handle}@giaphu.example`)
        await api.post(`/seller/products/${productId}/unpublish`, {}, { headers: seller })
      }

      /** Polls until the officer's value of an indicator is `expected` (events are asynchronous). */
      async function waitFor(code: string, expected: Json) {
        let last: Json = {}
        for (let i = 0; i < 40; i++) {
          const { data } = await get("/commune/indicators", officer)
          last = data.indicators[code]
          if (Object.entries(expected).every(([k, v]) => last[k] === v)) return last
          await sleep(150)
        }
        throw new Error(
          `${code} stayed ${JSON.stringify(last)}, expected ${JSON.stringify(expected)}`,
        )
      }

      it("shows the demo commune's 9/9 OCOP products online to everyone, and lists communes with sellers", async () => {
        const { data } = await get(`/store/communes/${COMMUNE.code}/indicators`, store)
        expect(data.commune).toMatchObject({
          code: COMMUNE.code,
          name: "Xã Gia Phú",
          province: { code: "15" },
        })
        expect(data.quarter).toBe(quarter)
        expect(data.indicators.OCOP_ONLINE).toEqual({ numerator: 9, denominator: 9, ratio: 1 })
        // Every demo seller is approved; those with a product on sale are online.
        const selling = new Set(PRODUCTS.map((p) => p.seller))
        const kinds = (kind: string) => SELLERS.filter((s) => s.kind === kind)
        expect(data.indicators.SELLERS_ONLINE).toMatchObject({
          numerator: selling.size,
          denominator: SELLERS.length,
        })
        expect(data.indicators.SELLERS_ONLINE.by).toEqual({
          cooperative: expect.objectContaining({
            numerator: kinds("cooperative").filter((s) => selling.has(s.handle)).length,
            denominator: kinds("cooperative").length,
          }),
          household: expect.objectContaining({
            numerator: kinds("household").filter((s) => selling.has(s.handle)).length,
            denominator: kinds("household").length,
          }),
        })
        // Private figures stay with the officers.
        expect(data.indicators.GMV).toBeUndefined()
        expect(data.indicators.COUNTERFEIT).toBeUndefined()

        const { data: list } = await get("/store/communes", store)
        expect(list.communes).toEqual([
          expect.objectContaining({
            code: COMMUNE.code,
            name: "Xã Gia Phú",
            sellers: SELLERS.length,
          }),
        ])
      })

      it("answers a bad commune or quarter with a clear 404 or 400, in the client's language", async () => {
        expect((await get("/store/communes/99999/indicators", store)).status).toBe(404)
        expect((await get("/store/communes/abc/indicators", store)).status).toBe(404)
        const malformed = await get(`/store/communes/${COMMUNE.code}/indicators?quarter=2026-Q5`, {
          ...store,
          "accept-language": "en",
        })
        expect(malformed.status).toBe(400)
        // Refused in lib/ as a domain error; the API's handler gives it its status and type.
        expect(malformed.data).toMatchObject({ type: "invalid_data", field: "quarter" })
        expect(malformed.data.message).toContain("2026-Q3")
        const future = await get(
          `/store/communes/${COMMUNE.code}/indicators?quarter=2999-Q1`,
          store,
        )
        expect(future.status).toBe(400)
        expect(future.data.message).toContain("chưa đến")
        expect((await get("/commune/indicators?quarter=bad", officer)).status).toBe(400)
        // A commune officer sees only its own commune.
        const outside = await get("/commune/indicators?commune_code=02926", officer)
        expect(outside.status).toBe(404)
        expect(outside.data).toEqual({ type: "not_found", message: "Không có xã mã 02926" })
      })

      it("follows a listing going offline, names what is missing, and rolls up for the province", async () => {
        const { data } = await get("/commune/indicators", officer)
        expect(data.commune.code).toBe(COMMUNE.code)
        expect(data.indicators.OCOP_ONLINE).toMatchObject({ numerator: 9, denominator: 9 })
        expect(data.previous_quarter).toMatch(/^\d{4}-Q[1-4]$/)

        // A seller unpublishes an OCOP product in its portal: the product event does the rest.
        const entries = await getContainer()
          .resolve<CommuneModuleService>(COMMUNE_MODULE)
          .listOcopEntries({ commune_code: COMMUNE.code })
        const entry = entries.find((e) => e.product_id)!
        await unpublish(entry.product_id!)
        await waitFor("OCOP_ONLINE", { numerator: 8, denominator: 9 })

        const { data: counted } = await get("/commune/indicators/counted?code=OCOP_ONLINE", officer)
        expect(counted.items).toHaveLength(9)
        const missing = counted.items.filter((i: Json) => !i.counted)
        expect(missing).toEqual([
          expect.objectContaining({
            subject_id: entry.id,
            label: expect.stringContaining(entry.certificate_number),
          }),
        ])

        const { data: rollup } = await get("/commune/indicators", province)
        expect(rollup.province.code).toBe("15")
        expect(rollup.commune).toBeUndefined()
        expect(rollup.indicators.OCOP_ONLINE).toMatchObject({ numerator: 8, denominator: 9 })
        const { data: one } = await get(
          `/commune/indicators?commune_code=${COMMUNE.code}`,
          province,
        )
        expect(one.commune.code).toBe(COMMUNE.code)
      })

      it("lists what was counted so an officer can check it: orders, payments, sellers", async () => {
        const container = getContainer()
        const checkout = container.resolve<CheckoutModuleService>(CHECKOUT_MODULE)
        const seller = SELLERS[1]!
        const { data: rows } = await container
          .resolve("query")
          .graph({ entity: "seller", fields: ["id"], filters: { handle: seller.handle } })
        const sellerId = rows[0]!.id as string
        const placed: [string, number, string, string][] = [
          ["DH9000001", 185000, "vietqr", "captured"],
          ["DH9000002", 90000, "card", "captured"],
          ["DH9000003", 60000, "cod", "captured"],
          ["DH9000004", 45000, "cod", "awaiting"],
        ]
        const parts = await checkout.createOrderParts(
          placed.map(([reference, amount, method, status]) => ({
            order_id: `order_${reference}`,
            part_order_id: `order_part_${reference}`,
            seller_id: sellerId,
            commune_code: COMMUNE.code,
            reference,
            currency_code: "vnd",
            amount,
            payment_method: method as "cod",
            payment_status: status as "captured",
          })),
        )
        await refreshIndicators(container, { order_parts: parts.map((p) => p.id) })
        const counted = async (code: string) => {
          const { data } = await get(`/commune/indicators/counted?code=${code}`, officer)
          return new Map<string, Json>(data.items.map((i: Json) => [i.label, i]))
        }

        const orders = await counted("ORDERS")
        expect(orders.get("DH9000001")).toMatchObject({
          counted: true,
          seller: { id: sellerId, name: seller.name },
          order: {
            reference: "DH9000001",
            amount: 185000,
            payment_method: "vietqr",
            payment_status: "captured",
            status: "placed",
          },
        })
        const placedAt = new Date(orders.get("DH9000001")!.order.placed_at).getTime()
        expect(Math.abs(placedAt - Date.now())).toBeLessThan(10 * 60_000)
        expect(orders.get("DH9000004")?.order.payment_status).toBe("awaiting")

        // Cashless: each paid order with why it counts or not; the unpaid one is outside it.
        const cashless = await counted("CASHLESS")
        const why = [...cashless.values()].map((i) => [
          i.label,
          i.counted,
          i.order.cashless_reason,
          i.seller.name,
        ])
        expect(why.sort()).toEqual([
          ["DH9000001", true, "vietqr_paid", seller.name],
          ["DH9000002", true, "card_paid", seller.name],
          ["DH9000003", false, "cash_on_delivery", seller.name],
        ])

        // Traceability: every live listing names its seller.
        const listings = [...(await counted("TRACEABLE")).values()]
        expect(listings.length).toBeGreaterThanOrEqual(9)
        const names = new Set(SELLERS.map((s) => s.name))
        for (const item of listings) expect(names.has(item.seller?.name)).toBe(true)
        // Registry entries name their sellers too.
        const entries = [...(await counted("OCOP_ONLINE")).values()]
        for (const item of entries) expect(names.has(item.seller?.name)).toBe(true)
      })

      it("closing a past quarter freezes it; a late event does not alter it until an operator reopens it", async () => {
        const last = previousQuarter(quarter)
        // The current quarter's figures are still moving: it closes only once it has ended.
        const early = await api
          .post("/commune/indicators/close", { quarter }, { headers: officer })
          .catch((e: { response: Json }) => e.response)
        expect(early.status).toBe(409)
        expect(early.data.field).toBe("quarter")

        const closed = await api.post(
          "/commune/indicators/close",
          { quarter: last },
          { headers: officer },
        )
        expect(closed.status).toBe(201)
        expect(closed.data.closed_by).toContain("commune_officer")
        const again = await api
          .post("/commune/indicators/close", { quarter: last }, { headers: officer })
          .catch((e: { response: Json }) => e.response)
        expect(again.status).toBe(409)
        // A province officer reads but does not close.
        const readOnly = await api
          .post(
            "/commune/indicators/close",
            { quarter: last, commune_code: COMMUNE.code },
            { headers: province },
          )
          .catch((e: { response: Json }) => e.response)
        expect(readOnly.status).toBe(403)

        // Stamps issued in that quarter, reported late by the traceability service.
        const { data: products } = await api.get("/store/products?fields=id,*seller&limit=1", {
          headers: store,
        })
        const product = products.products[0]
        const raw = JSON.stringify({
          events: [
            {
              id: "late-1",
              type: "stamps.issued",
              occurred_at: new Date(quarterRange(last)!.end.getTime() - 86_400_000).toISOString(),
              seller_id: product.seller.id,
              product_id: product.id,
              batch_id: "b-late",
              count: 5,
            },
          ],
        })
        const late = await api.post("/webhooks/traceability", raw, {
          headers: {
            "content-type": "application/json",
            "x-coop-signature": signPayload(raw, EVENTS_SECRET),
          },
        })
        expect(late.data.applied).toBe(1)
        const { data: frozen } = await get(`/commune/indicators?quarter=${last}`, officer)
        expect(frozen.closed.closed_at).toBeTruthy()
        expect(frozen.indicators.STAMPS.numerator).toBe(0)

        const { data: auth } = await api.post("/auth/user/emailpass", {
          email: "admin@giaphu.example",
          password: PASSWORD,
        })
        const operator = { authorization: `Bearer ${auth.token}` }
        const noReason = await api
          .post(
            "/admin/indicators/reopen",
            { commune_code: COMMUNE.code, quarter: last },
            { headers: operator },
          )
          .catch((e: { response: Json }) => e.response)
        expect(noReason.status).toBe(400)
        await api.post(
          "/admin/indicators/reopen",
          { commune_code: COMMUNE.code, quarter: last, reason: "Bổ sung tem phát hành muộn" },
          { headers: operator },
        )
        const { data: reopened } = await get(`/commune/indicators?quarter=${last}`, officer)
        expect(reopened.closed).toBeNull()
        expect(reopened.indicators.STAMPS.numerator).toBe(5)
        const { data: audit } = await api.get("/admin/audit-log?commune_code=02923", {
          headers: operator,
        })
        const actions = audit.entries.map((e: Json) => e.action)
        expect(actions).toEqual(
          expect.arrayContaining(["indicators.close_quarter", "indicators.reopen_quarter"]),
        )
      })

      it("exports the quarter's report with Vietnamese headers, and gives the history for charts", async () => {
        const xlsx = await api.get(`/commune/indicators/export?quarter=${quarter}&format=xlsx`, {
          headers: officer,
          responseType: "arraybuffer",
        })
        expect(xlsx.headers["content-disposition"]).toContain(
          `chi-tieu-kinh-te-so-02923-${quarter}.xlsx`,
        )
        const workbook = new ExcelJS.Workbook()
        await workbook.xlsx.load(Buffer.from(xlsx.data) as unknown as ArrayBuffer)
        const sheet = workbook.worksheets[0]!
        const rows: unknown[][] = []
        sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)))
        const header = rows.findIndex((r) => r[0] === "Mã")
        expect(rows[header]).toEqual([
          "Mã",
          "Chỉ tiêu",
          "Tử số",
          "Mẫu số",
          "Tỷ lệ (%)",
          "Quý trước",
          "Thay đổi",
          "Tử số là",
          "Mẫu số là",
        ])
        const ocop = rows.find((r) => r[0] === "OCOP_ONLINE")!
        expect(ocop.slice(2, 5)).toEqual([9, 9, 100])

        const csv = await api.get(`/commune/indicators/export?format=csv`, { headers: province })
        expect(csv.headers["content-type"]).toContain("text/csv")
        expect(csv.data).toContain("Toàn tỉnh")
        expect(csv.data).toContain("02923 - Xã Gia Phú")
        const bad = await get("/commune/indicators/export?format=pdf", officer)
        expect(bad.status).toBe(400)
        expect(bad.data.field).toBe("format")

        const { data: history } = await get("/commune/indicators/history", officer)
        expect(history.quarters).toHaveLength(4)
        expect(history.quarters[3]).toMatchObject({ quarter, closed: false })
        expect(history.quarters[3].indicators.OCOP_ONLINE).toMatchObject({
          numerator: 9,
          denominator: 9,
        })
        // A past quarter reads as it stood at its end: nothing yet (the demo was seeded today).
        expect(history.quarters[0]).toMatchObject({ closed: false })
        expect(history.quarters[0].indicators.OCOP_ONLINE).toEqual({
          numerator: 0,
          denominator: 0,
          ratio: null,
        })
      })

      it("exports what each indicator counted, only in the officer's area, with the words", async () => {
        const container = getContainer()
        const checkout = container.resolve<CheckoutModuleService>(CHECKOUT_MODULE)
        const seller = SELLERS[1]!
        const { data: found } = await container
          .resolve("query")
          .graph({ entity: "seller", fields: ["id"], filters: { handle: seller.handle } })
        const sellerId = found[0]!.id as string
        // Two orders in Gia Phú, one delivered to Xuân Quang (another commune of the province).
        const placed: [string, string, number, string][] = [
          ["DH9100001", COMMUNE.code, 185000, "vietqr"],
          ["DH9100002", COMMUNE.code, 60000, "cod"],
          ["XQ9100001", "02926", 75000, "card"],
        ]
        const parts = await checkout.createOrderParts(
          placed.map(([reference, commune, amount, method]) => ({
            order_id: `order_${reference}`,
            part_order_id: `order_part_${reference}`,
            seller_id: sellerId,
            commune_code: commune,
            reference,
            currency_code: "vnd",
            amount,
            payment_method: method as "cod",
            payment_status: "captured" as const,
          })),
        )
        await refreshIndicators(container, { order_parts: parts.map((p) => p.id) })

        const xlsx = await api.get(`/commune/indicators/export?quarter=${quarter}&format=xlsx`, {
          headers: officer,
          responseType: "arraybuffer",
        })
        const workbook = new ExcelJS.Workbook()
        await workbook.xlsx.load(Buffer.from(xlsx.data) as unknown as ArrayBuffer)
        expect(workbook.worksheets.map((s) => s.name)).toEqual(["Chỉ tiêu", "Danh sách đã đếm"])
        const values = (sheet: ExcelJS.Worksheet) => {
          const rows: unknown[][] = []
          sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)))
          return rows
        }
        const main = values(workbook.worksheets[0]!)
        const ocop = main.find((r) => r[0] === "OCOP_ONLINE")!
        expect(ocop.slice(7)).toEqual([
          "Sản phẩm OCOP còn hiệu lực đang bán trực tuyến",
          "Tổng sản phẩm OCOP còn hiệu lực của xã",
        ])
        const orderRow = main.find((r) => r[0] === "ORDERS")!
        expect(orderRow[2]).toBe(2)
        expect(orderRow[7]).toBe("Số đơn hàng đặt trong quý, không tính đơn đã hủy")

        const listed = values(workbook.worksheets[1]!)
        const header = listed.findIndex((r) => r[0] === "Mã")
        expect(listed[header]).toEqual([
          "Mã",
          "Chỉ tiêu",
          "Được tính",
          "Loại",
          "Tên",
          "Mã đối tượng",
          "Tử số",
          "Mẫu số",
          "Người bán",
          "Mã đơn",
          "Ngày đặt",
          "Giá trị (đồng)",
          "Thanh toán",
          "Trạng thái thanh toán",
          "Lý do tính hay không",
        ])
        const items = listed.slice(header + 1)
        // The same items as the counted route, indicator by indicator.
        for (const code of ["OCOP_ONLINE", "ORDERS", "CASHLESS", "TRACEABLE"]) {
          const { data } = await get(`/commune/indicators/counted?code=${code}`, officer)
          const exported = items.filter((r) => r[0] === code).map((r) => r[5])
          expect(exported.sort()).toEqual(data.items.map((i: Json) => i.subject_id).sort())
        }
        expect(items.filter((r) => r[0] === "OCOP_ONLINE")).toHaveLength(9)
        const cashless = items.filter((r) => r[0] === "CASHLESS")
        const byRef = new Map(cashless.map((r) => [r[9], r]))
        expect(byRef.get("DH9100001")?.slice(2, 3)).toEqual(["Có"])
        expect(byRef.get("DH9100001")?.slice(8)).toEqual([
          seller.name,
          "DH9100001",
          expect.stringMatching(/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/),
          185000,
          "VietQR",
          "đã thanh toán",
          "Tính: thanh toán VietQR đã xác nhận",
        ])
        expect(byRef.get("DH9100002")?.[2]).toBe("Không")
        expect(byRef.get("DH9100002")?.[14]).toBe("Không tính: COD — tiền mặt")
        // Xuân Quang's order is not Gia Phú's officer's to see.
        expect(items.some((r) => r.includes("XQ9100001"))).toBe(false)

        const csv = await api.get(`/commune/indicators/export?quarter=${quarter}&format=csv`, {
          headers: officer,
        })
        const text = csv.data as string
        expect(text).toContain("\r\n\r\nDanh sách đã đếm\r\nMã,Chỉ tiêu,Được tính,Loại,")
        expect(text).toContain(",DH9100001,")
        expect(text).not.toContain("XQ9100001")

        // The province officer: each commune's items with the commune named, Xuân Quang's too.
        const { data: byProvince } = await api.get(
          `/commune/indicators/export?quarter=${quarter}&format=csv`,
          { headers: province },
        )
        const records = (byProvince as string).split("\r\n")
        const start = records.indexOf("Danh sách đã đếm")
        expect(start).toBeGreaterThan(0)
        expect(records[start + 1]).toMatch(/^Xã,Mã,Chỉ tiêu,Được tính,/)
        const provinceItems = records.slice(start + 2).filter(Boolean)
        const xq = provinceItems.filter((r) => r.includes("XQ9100001"))
        expect(xq.map((r) => r.split(",").slice(0, 2))).toEqual([
          ["02926 - Xã Xuân Quang", "ORDERS"],
          ["02926 - Xã Xuân Quang", "GMV"],
          ["02926 - Xã Xuân Quang", "CASHLESS"],
          ["02926 - Xã Xuân Quang", "CASHLESS_VALUE"],
        ])
        expect(provinceItems.filter((r) => r.includes(",DH9100001,")).length).toBe(4)
        expect(
          provinceItems
            .filter((r) => r.includes(",DH9100001,"))
            .every((r) => r.startsWith("02923 - Xã Gia Phú,")),
        ).toBe(true)
        expect(provinceItems.some((r) => r.startsWith("Toàn tỉnh"))).toBe(false)
      })

      it("applies the traceability service's signed events once, however often they arrive", async () => {
        const { data: products } = await api.get("/store/products?fields=id,*seller&limit=1", {
          headers: store,
        })
        const product = products.products[0]
        const events = [
          {
            id: "e1",
            type: "stamps.issued",
            occurred_at: now.toISOString(),
            seller_id: product.seller.id,
            product_id: product.id,
            batch_id: "b1",
            count: 20,
          },
          {
            id: "e2",
            type: "scans.recorded",
            occurred_at: now.toISOString(),
            seller_id: product.seller.id,
            product_id: product.id,
            batch_id: "b1",
            count: 5,
            first_scans: 3,
            counterfeit: 1,
          },
          {
            // A stamp whose first signal was a located scan's impossible journey: one more stamp.
            id: "e4",
            type: "stamps.flagged",
            occurred_at: now.toISOString(),
            seller_id: product.seller.id,
            product_id: product.id,
            batch_id: "b1",
            count: 1,
          },
          {
            id: "e3",
            type: "scans.recorded",
            occurred_at: now.toISOString(),
            seller_id: "sel_unknown",
            product_id: "p",
            batch_id: "b2",
            count: 7,
            first_scans: 7,
            counterfeit: 0,
          },
        ]
        const send = (body: Json, secret = EVENTS_SECRET) => {
          const raw = JSON.stringify(body)
          return api
            .post("/webhooks/traceability", raw, {
              headers: {
                "content-type": "application/json",
                "x-coop-signature": signPayload(raw, secret),
              },
            })
            .catch((e: { response: Json }) => e.response)
        }
        expect((await send({ events }, "wrong-secret")).status).toBe(401)
        expect((await send({ events: [{ ...events[0], count: -1 }] })).status).toBe(400)
        const first = await send({ events })
        expect(first.data).toEqual({ applied: 4, duplicates: 0, unknown_sellers: 1 })
        // Redelivered, and the scans once more on their own, out of order.
        expect((await send({ events: [...events].reverse() })).data).toMatchObject({
          applied: 0,
          duplicates: 4,
        })
        expect((await send({ events: [events[1]] })).data).toMatchObject({
          applied: 0,
          duplicates: 1,
        })

        const { data } = await get("/commune/indicators", officer)
        expect(data.indicators.STAMPS.numerator).toBe(20)
        expect(data.indicators.SCANS.numerator).toBe(5)
        expect(data.indicators.SCANNED.numerator).toBe(3)
        // Stamps with a counterfeit signal: one from the scans, one from its located scans.
        expect(data.indicators.COUNTERFEIT.numerator).toBe(2)
        // The stamped product's listing is now traceable.
        expect(data.indicators.TRACEABLE.numerator).toBe(1)
        expect(data.indicators.TRACEABLE.denominator).toBeGreaterThanOrEqual(9)
      })
    })
  },
})
