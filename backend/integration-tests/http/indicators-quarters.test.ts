/**
 * A quarter closed after it ended is frozen as it stood at its last moment (Vietnam time), not
 * as things are on the day it is closed; the current quarter cannot be closed early.
 *
 * Phase 1 happens now and is then moved into the previous quarter (every fact and order part so
 * far shifted back to ten days before that quarter ended, as if it had happened then); phase 2
 * happens now, in the current quarter, and undoes or adds to much of phase 1.
 */

import { previousQuarter, quarterOf, quarterRange } from "@coop/contracts/quarters"
import { signPayload } from "@coop/contracts/signature"
import { ContainerRegistrationKeys, Modules, ProductStatus } from "@medusajs/framework/utils"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { INDICATORS } from "../../src/lib/indicators/codes"
import { reconcileIndicators } from "../../src/lib/indicators/reconcile"
import { refreshIndicators } from "../../src/lib/indicators/refresh"
import { CHECKOUT_MODULE } from "../../src/modules/checkout"
import type CheckoutModuleService from "../../src/modules/checkout/service"
import { COMMUNE_MODULE } from "../../src/modules/commune"
import type CommuneModuleService from "../../src/modules/commune/service"
import { SELLER_MODULE } from "../../src/modules/seller"
import type SellerModuleService from "../../src/modules/seller/service"
import { COMMUNE } from "../../src/scripts/demo/data"
import { seedDemoCommune } from "../../src/scripts/demo/seed-demo"
import { DEMO_ACCOUNTS } from "../../src/scripts/demo/seed-sellers"
import type { Json } from "../helpers/checkout-scenario"

const PASSWORD = "giaphu-demo"
const EVENTS_SECRET = "indicator-events-test-secret"
process.env.INDICATORS_WEBHOOK_SECRET = EVENTS_SECRET

const DAY = 86_400_000
const STATE_CODES = Object.entries(INDICATORS)
  .filter(([, i]) => i.kind === "state")
  .map(([code]) => code)

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    describe("closing a quarter", () => {
      it("closes last quarter after this quarter's sellers, listings, registry entries and orders, and gets last quarter's numbers", async () => {
        const container = getContainer()
        await seedDemoCommune(container)
        const pg = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
        const query = container.resolve(ContainerRegistrationKeys.QUERY)
        const products = container.resolve(Modules.PRODUCT)
        const sellers = container.resolve<SellerModuleService>(SELLER_MODULE)
        const registry = container.resolve<CommuneModuleService>(COMMUNE_MODULE)
        const checkout = container.resolve<CheckoutModuleService>(CHECKOUT_MODULE)
        const { data: login } = await api.post("/auth/commune_officer/emailpass", {
          email: DEMO_ACCOUNTS.communeOfficer,
          password: PASSWORD,
        })
        const officer = { authorization: `Bearer ${login.token}` }
        const get = (path: string, lang = "vi") =>
          api
            .get(path, { headers: { ...officer, "accept-language": lang } })
            .catch((e: { response: Json }) => e.response)
        const close = (quarter: string, lang = "vi") =>
          api
            .post(
              "/commune/indicators/close",
              { quarter },
              { headers: { ...officer, "accept-language": lang } },
            )
            .catch((e: { response: Json }) => e.response)

        const current = quarterOf(new Date())
        const last = previousQuarter(current)
        const { data: catalogRows } = await query.graph({
          entity: "product",
          fields: ["id", "status", "seller.id", "seller.commune_code", "seller.state"],
        })
        const catalog = (catalogRows as unknown as Json[]).filter(
          (p) => p.seller?.commune_code === COMMUNE.code && p.seller.state === "approved",
        )
        const entries = await registry.listOcopEntries({ commune_code: COMMUNE.code })
        const listed = entries.find((e) => e.product_id)!
        const sold = catalog.find((p) => p.id !== listed.product_id)!

        let placed = 0
        async function placePart(amount: number, method: "cod" | "card") {
          placed++
          const [part] = await checkout.createOrderParts([
            {
              order_id: `order_quarters_${placed}`,
              part_order_id: `order_quarters_part_${placed}`,
              seller_id: sold.seller.id,
              commune_code: COMMUNE.code,
              reference: `DH8${String(placed).padStart(6, "0")}`,
              currency_code: "vnd",
              amount,
              payment_method: method,
              payment_status: method === "card" ? "captured" : "awaiting",
            },
          ])
          await refreshIndicators(container, { order_parts: [part!.id] })
          return part!.id
        }
        async function stamps(id: string, count: number, at: Date) {
          const raw = JSON.stringify({
            events: [
              {
                id,
                type: "stamps.issued",
                occurred_at: at.toISOString(),
                seller_id: sold.seller.id,
                product_id: sold.id,
                batch_id: `batch_${id}`,
                count,
              },
            ],
          })
          const answer = await api.post("/webhooks/traceability", raw, {
            headers: {
              "content-type": "application/json",
              "x-coop-signature": signPayload(raw, EVENTS_SECRET),
            },
          })
          expect(answer.data.applied).toBe(1)
        }

        // Phase 1, last quarter: the demo commune, two orders (one by card) and 40 stamps.
        const shift = Date.now() - (quarterRange(last)!.end.getTime() - 10 * DAY)
        const early = await placePart(120_000, "cod")
        await placePart(80_000, "card")
        await stamps("q-last", 40, new Date(Date.now() - shift))
        const { data: then } = await get("/commune/indicators")
        expect(then.indicators.OCOP_ONLINE).toMatchObject({ numerator: 9, denominator: 9 })

        // ...moved into last quarter, as if it had all happened ten days before it ended.
        await pg.raw(
          `UPDATE indicator_fact SET
             valid_from = valid_from - make_interval(secs => ?::float8 / 1000),
             valid_to = valid_to - make_interval(secs => ?::float8 / 1000)`,
          [shift, shift],
        )
        await pg.raw(
          "UPDATE order_part SET created_at = created_at - make_interval(secs => ?::float8 / 1000)",
          [shift],
        )
        // Reconciling finds the orders in last quarter, counted from when they were placed.
        await reconcileIndicators(container)

        // Phase 2, this quarter: a listing unpublished, an online seller suspended, a new seller
        // approved, a new registry entry, last quarter's first order cancelled, a new order and
        // new stamps.
        await products.updateProducts(listed.product_id!, { status: ProductStatus.DRAFT })
        const suspended = catalog.find(
          (p) => p.seller.id !== sold.seller.id && p.status === ProductStatus.PUBLISHED,
        )!.seller.id
        await sellers.updateSellers({ id: suspended, state: "suspended" })
        const [newcomer] = await sellers.createSellers([
          {
            handle: "hkd-moi-quy-nay",
            name: "Hộ kinh doanh mới",
            kind: "household",
            commune_code: COMMUNE.code,
            province_code: "15",
            state: "approved",
          },
        ])
        const [entry] = await registry.createOcopEntries([
          {
            commune_code: COMMUNE.code,
            seller_id: newcomer!.id,
            product_name: "Miến dong mới",
            group: "food",
            stars: 3,
            certificate_number: "OCOP-QUY-NAY-01",
            issuing_level: "province",
            issued_on: new Date(),
            expires_on: new Date(Date.now() + 900 * DAY),
          },
        ])
        await checkout.updateOrderParts({
          id: early,
          status: "canceled",
          payment_status: "canceled",
        })
        await refreshIndicators(container, {
          products: [listed.product_id!],
          sellers: [suspended, newcomer!.id],
          ocop_entries: [entry!.id],
          order_parts: [early],
        })
        await placePart(50_000, "cod")
        await stamps("q-now", 7, new Date())

        const { data: now } = await get("/commune/indicators")
        expect(now.indicators.OCOP_ONLINE.numerator).toBeLessThan(9)
        expect(now.indicators.OCOP_ONLINE.denominator).toBe(10)
        expect(now.indicators.SELLERS_ONLINE).not.toEqual(then.indicators.SELLERS_ONLINE)
        expect(now.indicators.ORDERS.numerator).toBe(1)
        expect(now.indicators.STAMPS.numerator).toBe(7)

        // The current quarter cannot be closed before it ends, in either language.
        const tooEarly = await close(current)
        expect(tooEarly.status).toBe(409)
        expect(tooEarly.data).toMatchObject({ field: "quarter" })
        expect(tooEarly.data.message).toContain(`Quý ${current} chưa kết thúc`)
        const tooEarlyEn = await close(current, "en")
        expect(tooEarlyEn.data.message).toContain(`Quarter ${current} has not ended`)

        // Last quarter reads, and closes, as it stood at its end.
        const expectLastQuarter = (values: Json) => {
          for (const code of STATE_CODES) expect(values[code]).toEqual(then.indicators[code])
          expect(values.ORDERS).toMatchObject({ numerator: 2 })
          expect(values.GMV).toMatchObject({ numerator: 200_000 })
          expect(values.CASHLESS).toMatchObject({ numerator: 1, denominator: 1 })
          expect(values.STAMPS).toMatchObject({ numerator: 40 })
        }
        const { data: open } = await get(`/commune/indicators?quarter=${last}`)
        expect(open.closed).toBeNull()
        expectLastQuarter(open.indicators)
        const closed = await close(last)
        expect(closed.status).toBe(201)
        // A nightly reconciliation after closing changes nothing of it.
        await reconcileIndicators(container)
        const { data: frozen } = await get(`/commune/indicators?quarter=${last}`)
        expect(frozen.closed.closed_at).toBeTruthy()
        expectLastQuarter(frozen.indicators)
        const { data: counted } = await get(
          `/commune/indicators/counted?code=OCOP_ONLINE&quarter=${last}`,
        )
        expect(counted.items).toHaveLength(9)
        expect(counted.items.every((i: Json) => i.counted)).toBe(true)
        const { data: orders } = await get(
          `/commune/indicators/counted?code=ORDERS&quarter=${last}`,
        )
        expect(orders.items.filter((i: Json) => i.counted)).toHaveLength(2)
        // The chart shows last quarter's state, and this quarter's as it is now.
        const { data: history } = await get(
          `/commune/indicators/history?from=${last}&to=${current}`,
        )
        expect(history.quarters.map((q: Json) => q.quarter)).toEqual([last, current])
        expect(history.quarters[0].indicators.OCOP_ONLINE).toEqual(then.indicators.OCOP_ONLINE)
        expect(history.quarters[1].indicators.OCOP_ONLINE).toEqual(now.indicators.OCOP_ONLINE)
      })
    })
  },
})
