/**
 * Generated hostile requests against every store route (with the publishable key), the password
 * logins and every seller route (with a seller's token): NUL characters, lone surrogates, JSON
 * nested thousands of levels deep, numbers past 2^53 or past a double, in bodies, keys, path
 * segments and query parameters, mixed with wrong types and huge strings. None may answer 5xx,
 * every poisoned one must be refused with a 4xx, and the database must not change.
 *
 * Reproducible: the generator is seeded (FUZZ_SEED, default below), and a failure prints the
 * seed and the requests that failed.
 */

import { hostileRequests, int, prng, type Rng } from "@coop/contracts/hostile-input-fuzz"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { PUBLISHABLE_KEY_TITLE, seedDemoCommune } from "../../src/scripts/demo/seed-demo"
import { DEMO_ACCOUNTS } from "../../src/scripts/demo/seed-sellers"
import { payAndComplete, prepareCart, storeSdk } from "../helpers/checkout-scenario"
import { startTraceability } from "../helpers/traceability"

const SEED = Number(process.env.FUZZ_SEED ?? 20261207)
const POISONED = Number(process.env.FUZZ_POISONED ?? 2500)
const JUNK = Number(process.env.FUZZ_JUNK ?? 300)
const PARALLEL = 4

const SNAPSHOT_TABLES = [
  "seller",
  "seller_member",
  "seller_invite",
  "helper_grant",
  "audit_entry",
  "product",
  "product_variant",
  "price",
  "inventory_level",
  "reservation_item",
  "product_sales_channel",
  "cart",
  "cart_line_item",
  "cart_address",
  "customer",
  "payment_collection",
  "order",
  "order_part",
  "auth_identity",
  "provider_identity",
  "order_item",
  "order_change",
  "preorder_window",
  "preorder_line",
]

type Route = {
  method: "get" | "post" | "delete"
  /** Path with {placeholders} filled from the fixture. */
  path: string
  area: "store" | "auth" | "seller"
  fields?: string[]
}

const ROUTES: Route[] = [
  { method: "get", path: "/store/products", area: "store" },
  { method: "get", path: "/store/products/{product}", area: "store" },
  { method: "get", path: "/store/product-categories", area: "store" },
  { method: "get", path: "/store/regions", area: "store" },
  { method: "get", path: "/store/sellers", area: "store" },
  { method: "get", path: "/store/sellers/{handle}", area: "store" },
  { method: "get", path: "/store/shipping-rates", area: "store" },
  { method: "get", path: "/store/admin-units/provinces", area: "store" },
  { method: "get", path: "/store/admin-units/provinces/15/communes", area: "store" },
  { method: "get", path: "/store/admin-units/communes/02923", area: "store" },
  { method: "get", path: "/store/communes", area: "store" },
  { method: "get", path: "/store/communes/02923/indicators", area: "store" },
  {
    method: "post",
    path: "/store/carts",
    area: "store",
    fields: ["region_id", "email", "metadata", "items", "sales_channel_id", "currency_code"],
  },
  { method: "get", path: "/store/carts/{cart}", area: "store" },
  {
    method: "post",
    path: "/store/carts/{cart}",
    area: "store",
    fields: ["email", "metadata", "shipping_address", "billing_address", "region_id"],
  },
  {
    method: "post",
    path: "/store/carts/{cart}/line-items",
    area: "store",
    fields: ["variant_id", "quantity", "metadata"],
  },
  { method: "get", path: "/store/carts/{cart}/seller-shipping-options", area: "store" },
  { method: "get", path: "/store/shipping-options", area: "store" },
  { method: "post", path: "/store/payment-collections", area: "store", fields: ["cart_id"] },
  { method: "post", path: "/store/carts/{cart}/complete", area: "store", fields: [] },
  { method: "get", path: "/store/orders/order_none/parts", area: "store" },
  { method: "post", path: "/auth/customer/emailpass", area: "auth", fields: ["email", "password"] },
  {
    method: "post",
    path: "/auth/seller_member/emailpass",
    area: "auth",
    fields: ["email", "password"],
  },
  { method: "get", path: "/seller/me", area: "seller" },
  {
    method: "post",
    path: "/seller/me",
    area: "seller",
    fields: ["name", "address", "phone", "description", "logo_url", "village_code", "bank_bin"],
  },
  { method: "get", path: "/seller/products", area: "seller" },
  {
    method: "post",
    path: "/seller/products",
    area: "seller",
    fields: ["title", "description", "variants", "images", "weight", "category_ids", "thumbnail"],
  },
  { method: "get", path: "/seller/products/{sellerProduct}", area: "seller" },
  {
    method: "post",
    path: "/seller/products/{sellerProduct}",
    area: "seller",
    fields: ["title", "description", "images", "weight", "metadata"],
  },
  { method: "post", path: "/seller/products/{sellerProduct}/publish", area: "seller", fields: [] },
  {
    method: "post",
    path: "/seller/products/{sellerProduct}/unpublish",
    area: "seller",
    fields: [],
  },
  {
    method: "post",
    path: "/seller/products/{sellerProduct}/variants/{variant}",
    area: "seller",
    fields: ["price", "title", "sku", "ean"],
  },
  {
    method: "post",
    path: "/seller/products/{sellerProduct}/variants/{variant}/stock",
    area: "seller",
    fields: ["quantity"],
  },
  { method: "get", path: "/seller/orders", area: "seller" },
  { method: "get", path: "/seller/orders/order_none", area: "seller" },
  { method: "post", path: "/seller/orders/order_none/ship", area: "seller", fields: [] },
  { method: "get", path: "/seller/audit-log", area: "seller" },
  { method: "get", path: "/seller/members", area: "seller" },
  { method: "post", path: "/seller/invites", area: "seller", fields: ["email", "role"] },
  { method: "get", path: "/seller/helpers", area: "seller" },
  { method: "post", path: "/seller/helpers", area: "seller", fields: ["email"] },
  { method: "delete", path: "/seller/helpers/hgr_none", area: "seller" },
  { method: "post", path: "/seller/uploads", area: "seller", fields: ["files"] },
  { method: "get", path: "/seller/notification-settings", area: "seller" },
  {
    method: "post",
    path: "/seller/notification-settings",
    area: "seller",
    fields: ["email", "sms", "zalo", "phone"],
  },
  { method: "get", path: "/seller/invoices", area: "seller" },
  { method: "get", path: "/seller/invoices/sinv_none/xml", area: "seller" },
  { method: "get", path: "/seller/invoices/export", area: "seller" },
  // Harvest pre-orders and weighing (issue 17): a window of the seller's, and a part of a
  // chicken sold by weight waiting to be weighed.
  { method: "get", path: "/seller/preorders", area: "seller" },
  {
    method: "post",
    path: "/seller/preorders",
    area: "seller",
    fields: [
      "product_id",
      "variant_id",
      "batch_id",
      "planned_quantity",
      "expected_harvest_on",
      "delivery_from",
      "delivery_to",
      "closes_at",
      "per_buyer_cap",
      "deposit_percent",
      "deposit_due_days",
    ],
  },
  { method: "get", path: "/seller/preorders/batches?product_id={preorderProduct}", area: "seller" },
  { method: "get", path: "/seller/preorders/{window}", area: "seller" },
  { method: "post", path: "/seller/preorders/{window}/close", area: "seller", fields: [] },
  {
    method: "post",
    path: "/seller/preorders/{window}/extend",
    area: "seller",
    fields: ["closes_at", "planned_quantity"],
  },
  { method: "post", path: "/seller/preorders/{window}/cancel", area: "seller", fields: ["reason"] },
  {
    method: "post",
    path: "/seller/preorders/{window}/harvest",
    area: "seller",
    fields: ["allocation"],
  },
  { method: "post", path: "/seller/orders/{weighPart}/weigh", area: "seller", fields: ["lines"] },
  { method: "post", path: "/seller/orders/{weighPart}/accept-weight", area: "seller", fields: [] },
  { method: "get", path: "/store/preorders?product_id={preorderProduct}", area: "store" },
]

type Attempt = { method: Route["method"]; url: string; data?: string; area: Route["area"] }

const request = hostileRequests(ROUTES, {
  nulInside: ["Gạo", "Séng Cù"],
  surrogateAfter: "HTX ",
  poisonedKey: "metadata",
  lookalike: "javascript:alert(1)",
  hugeLengths: [255, 5000, 60_000, 150_000],
  otherKey: "metadata",
  limits: ["5", "-1", "1e400", "abc", "99999999999"],
  poisonQuery: [
    "q=%00",
    "q=g%E1%BA%A1o%00",
    "limit=%00",
    "offset=%ED%A0%80",
    "fields=%00",
    "q[]=%00",
    "q[a][b]=%00",
    "%00=1",
    "q=%ED%B0%80",
  ],
})
/** One generated request; poisoned ones carry at least one value no route may accept. */
function generate(rng: Rng, fixture: Record<string, string>, poisoned: boolean): Attempt {
  const { route, url, data } = request(rng, fixture, poisoned)
  return { method: route.method, url, data, area: route.area }
}

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    describe("hostile input fuzz", () => {
      const fixture: Record<string, string> = {}
      const headers: Record<Route["area"], Record<string, string>> = {
        store: {},
        auth: {},
        seller: {},
      }

      // The real traceability service holds the planned batch the window is opened on.
      let trace: Awaited<ReturnType<typeof startTraceability>> | undefined
      afterAll(async () => {
        await trace?.close()
      })

      // Seeded once: the runner snapshots the database after beforeAll and restores it per test.
      beforeAll(async () => {
        const container = getContainer()
        await seedDemoCommune(container)
        const [key] = await container
          .resolve(Modules.API_KEY)
          .listApiKeys({ title: PUBLISHABLE_KEY_TITLE, type: "publishable" })
        headers.store = { "x-publishable-api-key": key!.token }
        const login = await api.post("/auth/seller_member/emailpass", {
          email: DEMO_ACCOUNTS.sellerOwner("htx-nong-nghiep-gia-phu"),
          password: "giaphu-demo",
        })
        headers.seller = { authorization: `Bearer ${login.data.token}` }
        const own = await api.get("/seller/products", { headers: headers.seller })
        const product = own.data.products[0]
        fixture.sellerProduct = product.id
        fixture.product = product.id
        fixture.variant = product.variants[0].id
        fixture.handle = "htx-nong-nghiep-gia-phu"
        const { data: regions } = await api.get("/store/regions", { headers: headers.store })
        const cart = await api.post(
          "/store/carts",
          { region_id: regions.regions[0].id },
          { headers: headers.store },
        )
        fixture.cart = cart.data.cart.id

        // A coming harvest on sale: a listing with nothing in stock and its open window.
        const seller = { headers: headers.seller }
        const listed = await api.post(
          "/seller/products",
          { title: "Gạo mới vụ mùa", variants: [{ title: "Túi 5 kg", price: 175000, stock: 0 }] },
          seller,
        )
        trace = await startTraceability(api.defaults.baseURL as string)
        const batch = await trace.call("POST", "/batches", headers.seller, {
          product_id: listed.data.product.id,
          lot_code: "MUA-FUZZ-1",
          quantity: 50,
          unit: "bao",
          dates: { started_on: "2027-06-10" },
        })
        expect(batch.status).toBe(201)
        const opened = await api.post(
          "/seller/preorders",
          {
            product_id: listed.data.product.id,
            variant_id: listed.data.product.variants[0].id,
            batch_id: batch.data.id,
            planned_quantity: 50,
            expected_harvest_on: "2027-10-15",
            delivery_from: "2027-10-20",
          },
          seller,
        )
        fixture.window = opened.data.preorder.id
        fixture.preorderProduct = listed.data.product.id
        // A chicken sold by weight, ordered: its part waits to be weighed.
        const chicken = await api.post(
          "/seller/products",
          {
            title: "Gà đồi thả vườn",
            variants: [
              {
                title: "1 con (~1,8 kg)",
                price: 270000,
                stock: 10,
                sold_by_weight: {
                  unit: "piece",
                  price_per_kg: 150000,
                  grams: 1800,
                  tolerance_pct: 10,
                },
              },
            ],
          },
          seller,
        )
        await api.post(`/seller/products/${chicken.data.product.id}/publish`, {}, seller)
        const sdk = storeSdk(api.defaults.baseURL as string, key!.token)
        const { cart: ready } = await prepareCart(sdk, {
          regionId: regions.regions[0].id,
          items: [{ variant_id: chicken.data.product.variants[0].id, quantity: 1 }],
        })
        // The buyer accepts that the weighed amount may differ by the chicken's ±10 %.
        await sdk.store.cart.update(ready.id, {
          metadata: { weight_tolerances_accepted: { [chicken.data.product.variants[0].id]: 10 } },
        })
        const placed = (await payAndComplete(sdk, ready, "pp_cod_cod")) as { order: { id: string } }
        const { data: ordered } = await api.get(`/store/orders/${placed.order.id}/parts`, {
          headers: headers.store,
        })
        fixture.weighPart = ordered.parts[0].part_order_id
      })

      const snapshot = async () => {
        const pg = getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION)
        const parts: string[] = []
        for (const table of SNAPSHOT_TABLES) {
          const { rows } = await pg.raw(
            `select md5(coalesce(string_agg(t::text, ',' order by t::text), '')) as h from "${table}" t`,
          )
          parts.push(`${table}:${rows[0].h}`)
        }
        return parts.join("\n")
      }

      const send = async (attempt: Attempt) => {
        const res = await api.request({
          method: attempt.method,
          url: attempt.url,
          data: attempt.data,
          headers: {
            ...headers[attempt.area],
            "content-type": "application/json",
            // Each request from its own address, so the login throttle never steps in.
            "x-forwarded-for": `10.${int(Math.random, 0, 255)}.${int(Math.random, 0, 255)}.1`,
          },
          // The raw JSON text goes out as written.
          transformRequest: [(d: unknown) => d],
          validateStatus: () => true,
          maxRedirects: 0,
        })
        return res
      }

      /** Runs the requests a few at a time; returns the ones whose status fails `ok`. */
      const run = async (attempts: Attempt[], ok: (status: number) => boolean) => {
        const failures: string[] = []
        let next = 0
        const statuses = new Map<number, number>()
        await Promise.all(
          Array.from({ length: PARALLEL }, async () => {
            while (next < attempts.length) {
              const attempt = attempts[next++]!
              const res = await send(attempt)
              statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1)
              if (!ok(res.status)) {
                failures.push(
                  `${res.status} ${attempt.method.toUpperCase()} ${attempt.url} ${(attempt.data ?? "").slice(0, 300)} → ${JSON.stringify(res.data).slice(0, 300)}`,
                )
              }
            }
          }),
        )
        return { failures, statuses }
      }

      it("answers the reported cases with a 400 naming the field, in the caller's language", async () => {
        const deepMetadata = `{"metadata":${'{"a":'.repeat(2000)}1${"}".repeat(2000)}}`
        const cases: [Attempt, string, string][] = [
          [
            { method: "post", url: "/seller/me", data: '{"name":"HTX\\u0000"}', area: "seller" },
            "name",
            "NUL",
          ],
          [
            {
              method: "post",
              url: "/seller/products",
              data: '{"title":"Gạo\\u0000"}',
              area: "seller",
            },
            "title",
            "NUL",
          ],
          [
            {
              method: "post",
              url: `/store/carts/${fixture.cart}`,
              data: '{"email":"a\\u0000@b.vn"}',
              area: "store",
            },
            "email",
            "NUL",
          ],
          [{ method: "get", url: `/store/carts/x%00y`, area: "store" }, "url", "NUL"],
          [{ method: "get", url: "/store/products?q=%00", area: "store" }, "q", "NUL"],
          [
            { method: "post", url: "/store/carts", data: deepMetadata, area: "store" },
            "metadata.a.a.a.a.a…",
            "nested too deeply",
          ],
          [
            { method: "post", url: "/seller/me", data: '{"name":"\\ud800"}', area: "seller" },
            "name",
            "lone surrogate",
          ],
          [
            { method: "get", url: "/store/products?limit=-1", area: "store" },
            "limit",
            "whole number",
          ],
        ]
        const before = await snapshot()
        for (const [attempt, field, words] of cases) {
          const res = await api.request({
            method: attempt.method,
            url: attempt.url,
            data: attempt.data,
            headers: {
              ...headers[attempt.area],
              "content-type": "application/json",
              "accept-language": "en",
            },
            transformRequest: [(d: unknown) => d],
            validateStatus: () => true,
          })
          expect(res.status, attempt.url).toBe(400)
          expect(res.data, attempt.url).toMatchObject({ type: "invalid_data", field })
          expect(res.data.message).toContain(words)
        }
        const vi = await send({ method: "get", url: "/store/products?q=%00", area: "store" })
        expect(vi.data.message).toBe('Trường "q" chứa ký tự không hợp lệ (NUL)')
        expect(await snapshot()).toBe(before)
      })

      it(`refuses ${POISONED} poisoned requests with a 4xx and changes nothing (seed ${SEED})`, async () => {
        const rng = prng(SEED)
        const attempts = Array.from({ length: POISONED }, () => generate(rng, fixture, true))
        const before = await snapshot()
        const { failures, statuses } = await run(attempts, (s) => s >= 400 && s < 500)
        expect(failures, `FUZZ_SEED=${SEED}: ${failures.length} failures`).toEqual([])
        expect(await snapshot()).toBe(before)
        // The guard itself, not some later check, refused them: most name a field.
        expect(statuses.get(400) ?? 0).toBeGreaterThan(POISONED * 0.8)
      })

      it(`answers ${JUNK} requests of wrong types and huge values without a 5xx (seed ${SEED + 1})`, async () => {
        const rng = prng(SEED + 1)
        const attempts = Array.from({ length: JUNK }, () => generate(rng, fixture, false))
        const { failures } = await run(attempts, (s) => s < 500)
        expect(failures, `FUZZ_SEED=${SEED + 1}: ${failures.length} failures`).toEqual([])
      })
    })
  },
})
