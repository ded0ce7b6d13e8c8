/**
 * The authorisation matrix: every role against every /seller, /helper, /commune and admin route
 * of the sellers domain, on its own resource and on a foreign one. Each cell's status is checked
 * against the rule below, every refused request must leave the database as it was, and the
 * observed matrix is written to docs/security.md.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs"
import path from "node:path"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { COMMUNE_MODULE } from "../../src/modules/commune"
import type CommuneModuleService from "../../src/modules/commune/service"
import { PREORDER_MODULE } from "../../src/modules/preorder"
import type PreorderModuleService from "../../src/modules/preorder/service"
import { SELLER_MODULE } from "../../src/modules/seller"
import type SellerModuleService from "../../src/modules/seller/service"
import {
  OPERATOR_EMAIL,
  PUBLISHABLE_KEY_TITLE,
  seedDemoCommune,
} from "../../src/scripts/demo/seed-demo"
import { DEMO_ACCOUNTS, HELPED_SELLER } from "../../src/scripts/demo/seed-sellers"
import { payAndComplete, prepareCart, storeSdk } from "../helpers/checkout-scenario"
import { startTraceability } from "../helpers/traceability"

const PASSWORD = "giaphu-demo"
const OTHER_SELLER = "htx-nong-nghiep-gia-phu"
const FOREIGN_COMMUNE = "02926"

type Area = "seller" | "helper" | "commune" | "admin" | "store"
type Resource = "A" | "B" | "none"
type Role = {
  name: string
  area: Area | null
  /** The seller a seller-area role works for, if any. */
  home?: "A" | "B" | null
  /** The commune an officer covers ("GP" Gia Phú, "XQ" Xuân Quang, "both" for the province). */
  covers?: "GP" | "XQ" | "both"
  readOnly?: boolean
  owner?: boolean
  headers: Record<string, string>
}
type Fixture = Record<string, string>
type AxiosLikeError = {
  config?: { method?: string; url?: string }
  response?: { status: number; data: unknown }
}
type Listing = { product_id: string; variant_id: string; batch_id: string }
type ProductRow = { id: string; variants: { id: string; prices: { amount: number }[] }[] }
type FreshEntry = (r: Resource) => Promise<{ id: string }>
type Route = {
  area: Area
  method: "get" | "post" | "delete"
  label: string
  /** Resources the route is tried on: A = Gia Phú (helped) seller's, B = the other's. */
  resources: Resource[]
  path: (f: Fixture, r: Resource) => string | Promise<string>
  body?: (f: Fixture, r: Resource) => unknown | Promise<unknown>
  ownerOnly?: boolean
  write?: boolean
  /** What an officer gets for a foreign resource named in the body rather than the path. */
  foreignStatus?: string
  /** For list routes: ids that must never appear for a role scoped to the other side. */
  foreignIds?: (f: Fixture, role: Role) => string[]
}

const SNAPSHOT_TABLES = [
  "seller_invoice",
  "notification_setting",
  "seller",
  "seller_member",
  "seller_invite",
  "helper",
  "helper_grant",
  "officer",
  "ocop_entry",
  "audit_entry",
  "product",
  "product_variant",
  "price",
  "inventory_level",
  "product_sales_channel",
  "order_part",
  "order_line_item",
  "order_item",
  "order_change",
  "payment_collection",
  "preorder_window",
  "preorder_line",
]

/** What a role should get on a route and resource, by the platform's access rules. */
function expected(role: Role, route: Route, resource: Resource): string {
  // Store routes are public with the publishable key, whoever else the caller is.
  if (route.area === "store") return "2xx"
  if (role.area !== route.area) return "401"
  switch (route.area) {
    case "seller": {
      if (!role.home) return "404"
      // Owner-only routes refuse a helper before looking anything up, so the 403 says nothing
      // about whether a foreign resource exists.
      if (route.ownerOnly && !role.owner) return "403"
      if (resource !== "none" && resource !== role.home) return "404"
      return "2xx"
    }
    case "helper":
      if (resource === "none") return "2xx"
      return role.home === resource ? "2xx" : "404"
    case "commune": {
      if (route.write && role.readOnly) return "403"
      if (resource === "none" || role.covers === "both") return "2xx"
      // Resource A lives in Gia Phú; B in this test's commune route table is Xuân Quang's seller.
      const place = resource === "A" ? "GP" : "XQ"
      return role.covers === place ? "2xx" : (route.foreignStatus ?? "404")
    }
    case "admin":
      return "2xx"
  }
}

const pngBytes = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==",
  "base64",
)

let counter = 0
const unique = (prefix: string) => `${prefix}${Date.now().toString(36)}${(counter++).toString(36)}`

// The real traceability service holds the planned batches the pre-order windows are opened on.
let trace: Awaited<ReturnType<typeof startTraceability>> | undefined
afterAll(async () => {
  await trace?.close()
})

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    describe("authorisation matrix", () => {
      it("gives every role exactly its own data, and refusals change nothing", async () => {
        const container = getContainer()
        // Setup calls that fail say which request and why.
        api.interceptors.response.use(undefined, (error: AxiosLikeError) => {
          const { config, response } = error
          throw new Error(
            `${config?.method} ${config?.url}: ${response?.status} ${JSON.stringify(response?.data)}`,
          )
        })
        await seedDemoCommune(container)
        const sellers = container.resolve<SellerModuleService>(SELLER_MODULE)
        const communes = container.resolve<CommuneModuleService>(COMMUNE_MODULE)
        const auth = container.resolve(Modules.AUTH)
        const query = container.resolve(ContainerRegistrationKeys.QUERY)
        const pg = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
        const [key] = await container
          .resolve(Modules.API_KEY)
          .listApiKeys({ title: PUBLISHABLE_KEY_TITLE, type: "publishable" })
        const storeHeaders = { "x-publishable-api-key": key.token }

        const login = async (actor: string, email: string, password = PASSWORD) => {
          const res = await api.post(`/auth/${actor}/emailpass`, { email, password })
          return `Bearer ${res.data.token}`
        }
        const register = async (actor: string, email: string) => {
          const res = await api.post(
            `/auth/${actor}/emailpass/register`,
            {
              email,
              password: PASSWORD,
            },
            { validateStatus: () => true },
          )
          if (res.status !== 200)
            throw new Error(`register ${actor} ${email}: ${res.status} ${JSON.stringify(res.data)}`)

          return `Bearer ${res.data.token}`
        }

        // The cast: A is the seller the demo helper helps, B another Gia Phú seller, C a seller of
        // Xuân Quang commune with its own registry entry.
        const [sellerA] = await sellers.listSellers({ handle: HELPED_SELLER })
        const [sellerB] = await sellers.listSellers({ handle: OTHER_SELLER })
        const sellerC = await sellers.createSellers({
          handle: "htx-xuan-quang",
          name: "HTX Xuân Quang",
          kind: "cooperative",
          commune_code: FOREIGN_COMMUNE,
          province_code: "15",
          state: "approved",
        })
        const productOf = async (sellerId: string) => {
          const { data } = await query.graph({
            entity: "seller",
            fields: ["products.id", "products.variants.id", "products.variants.prices.amount"],
            filters: { id: sellerId },
          })
          return (data[0] as unknown as { products: ProductRow[] }).products[0]!
        }
        const productA = await productOf(sellerA.id)
        const productB = await productOf(sellerB.id)
        // Any Gia Phú registry entry stands for "A's commune" on the /commune routes.
        const [entryA] = await communes.listOcopEntries({ commune_code: "02923" })
        const entryC = await communes.createOcopEntries({
          commune_code: FOREIGN_COMMUNE,
          seller_id: sellerC.id,
          product_name: "Chè Xuân Quang",
          group: "beverage",
          stars: 3,
          certificate_number: "OCOP-XQ-01",
          issuing_level: "district",
          issued_on: new Date("2025-01-10"),
          expires_on: new Date("2028-01-10"),
        })

        // Roles.
        const buyerEmail = "nguoimua@example.com"
        const buyerRegistration = await register("customer", buyerEmail)
        await api.post(
          "/store/customers",
          { email: buyerEmail, first_name: "Người", last_name: "Mua" },
          { headers: { ...storeHeaders, authorization: buyerRegistration } },
        )
        const strayHelperEmail = "hotro.khac@giaphu.example"
        await api.post(
          "/helper/sign-up",
          { name: "Người hỗ trợ khác" },
          {
            headers: { authorization: await register("helper", strayHelperEmail) },
          },
        )
        const officerXQ = await communes.createOfficers({
          email: "canbo@xuanquang.example",
          name: "Cán bộ xã Xuân Quang",
          level: "commune",
          commune_code: FOREIGN_COMMUNE,
          province_code: "15",
        })
        const { authIdentity } = await auth.register("emailpass", {
          body: { email: officerXQ.email, password: PASSWORD },
        })
        await auth.updateAuthIdentities({
          id: authIdentity!.id,
          app_metadata: { commune_officer_id: officerXQ.id },
        })

        const roles: Role[] = [
          { name: "anonymous", area: null, headers: {} },
          {
            name: "buyer",
            area: null,
            headers: { authorization: await login("customer", buyerEmail) },
          },
          {
            name: "member of A",
            area: "seller",
            home: "A",
            owner: true,
            headers: {
              authorization: await login("seller_member", DEMO_ACCOUNTS.sellerOwner(HELPED_SELLER)),
            },
          },
          {
            name: "member of B",
            area: "seller",
            home: "B",
            owner: true,
            headers: {
              authorization: await login("seller_member", DEMO_ACCOUNTS.sellerOwner(OTHER_SELLER)),
            },
          },
          {
            name: "helper granted by A",
            area: "seller",
            home: "A",
            headers: {
              authorization: await login("helper", DEMO_ACCOUNTS.helper),
              "x-seller-id": sellerA.id,
            },
          },
          {
            name: "helper not granted",
            area: "seller",
            home: null,
            headers: {
              authorization: await login("helper", strayHelperEmail),
              "x-seller-id": sellerA.id,
            },
          },
          {
            name: "officer of A's commune",
            area: "commune",
            covers: "GP",
            headers: {
              authorization: await login("commune_officer", DEMO_ACCOUNTS.communeOfficer),
            },
          },
          {
            name: "officer of another commune",
            area: "commune",
            covers: "XQ",
            headers: { authorization: await login("commune_officer", officerXQ.email) },
          },
          {
            name: "province officer",
            area: "commune",
            covers: "both",
            readOnly: true,
            headers: {
              authorization: await login("province_officer", DEMO_ACCOUNTS.provinceOfficer),
            },
          },
          {
            name: "operator",
            area: "admin",
            headers: { authorization: await login("user", OPERATOR_EMAIL) },
          },
        ]
        // The /helper area is tried by the two helpers with their plain helper tokens.
        const helperAreaRoles: Role[] = [
          {
            ...roles[4]!,
            area: "helper",
            headers: { authorization: roles[4]!.headers.authorization! },
          },
          {
            ...roles[5]!,
            area: "helper",
            home: null,
            headers: { authorization: roles[5]!.headers.authorization! },
          },
        ]

        // A buyer's order across A and B: each seller gets its own part.
        const sdk = storeSdk(api.defaults.baseURL as string, key.token)
        const { regions } = await sdk.store.region.list()
        const { cart } = await prepareCart(sdk, {
          regionId: regions[0]!.id,
          items: [productA, productB].map((p) => ({ variant_id: p.variants[0]!.id, quantity: 1 })),
        })
        const placed = (await payAndComplete(sdk, cart, "pp_cod_cod")) as { order: { id: string } }
        const { data: ordered } = await api.get(`/store/orders/${placed.order.id}/parts`, {
          headers: storeHeaders,
        })
        const partOf = (sellerId: string) =>
          ordered.parts.find((p: { seller: { id: string } }) => p.seller.id === sellerId)
            .part_order_id as string

        // Both parts delivered (cash collected), then each seller's invoice made by its listing.
        const invoiceOf = async (part: string, owner: Role) => {
          for (const step of ["ship", "deliver"]) {
            await api.post(`/seller/orders/${part}/${step}`, {}, { headers: owner.headers })
          }
          const { data } = await api.get("/seller/invoices", { headers: owner.headers })
          return data.invoices[0].id as string
        }
        const invoiceA = await invoiceOf(partOf(sellerA.id), roles[2]!)
        const invoiceB = await invoiceOf(partOf(sellerB.id), roles[3]!)

        const f: Fixture = {
          A: sellerA.id,
          B: sellerB.id,
          C: sellerC.id,
          productA: productA.id,
          productB: productB.id,
          variantA: productA.variants[0].id,
          variantB: productB.variants[0].id,
          entryA: entryA!.id,
          entryC: entryC.id,
          orderA: partOf(sellerA.id),
          orderB: partOf(sellerB.id),
          invoiceA,
          invoiceB,
        }
        const priceOf = (r: Resource) =>
          (r === "B" ? productB : productA).variants[0].prices[0].amount as number
        const pick = (r: Resource, a: string, b: string) => (r === "B" ? f[b]! : f[a]!)

        const freshHelper = async () => {
          const email = `${unique("hotro")}@giaphu.example`
          return sellers.createHelpers({ email, name: "Người hỗ trợ mới" })
        }

        // A change awaiting review, so that approving or rejecting one has something to decide.
        const pend = async (sellerId: string) => {
          await sellers.updateSellers({
            id: sellerId,
            pending_changes: { phone: `0912 ${String(counter++).padStart(3, "0")} 000` },
            pending_changes_at: new Date(),
            pending_changes_by: "test",
          })
          return sellerId
        }

        // Harvest pre-orders and produce weighed at packing (issue 17). Every write below moves
        // its resource on (a window closes, a part is weighed), so each route takes the first
        // resource still in the state it needs from pools made here, before any request is
        // timed: nothing made in between can be mistaken for a refused request's change.
        const preorders = container.resolve<PreorderModuleService>(PREORDER_MODULE)
        const ownerOf = (r: Resource) => (r === "B" ? roles[3]! : roles[2]!)
        trace = await startTraceability(api.defaults.baseURL as string)
        /** The owner's call to traceability, which must succeed. */
        const traced = async (r: Resource, path: string, body: unknown) => {
          const answer = await trace!.call("POST", path, ownerOf(r).headers, body)
          if (answer.status !== 201)
            throw new Error(`traceability ${path}: ${answer.status} ${JSON.stringify(answer.data)}`)
          return answer.data as { id: string }
        }
        const listing = async (r: Resource, variant: Record<string, unknown>) => {
          const { data } = await api.post(
            "/seller/products",
            { title: `Sản phẩm mùa mới ${unique("")}`, variants: [variant] },
            { headers: ownerOf(r).headers },
          )
          return { product_id: data.product.id as string, variant_id: data.product.variants[0].id }
        }
        // A coming harvest: nothing in stock until a window sells the planned quantity, and a
        // batch of it planned in the seller's traceability records.
        const harvestListing = async (r: Resource): Promise<Listing> => {
          const made = await listing(r, { title: "Túi 5 kg", price: 175000, stock: 0 })
          const batch = await traced(r, "/batches", {
            product_id: made.product_id,
            lot_code: unique("MUA-").toUpperCase(),
            quantity: 100,
            unit: "túi",
            dates: { started_on: "2026-06-10" },
          })
          return { ...made, batch_id: batch.id }
        }
        const windowBody = (l: Listing) => ({
          ...l,
          planned_quantity: 10,
          expected_harvest_on: "2027-10-15",
          delivery_from: "2027-10-20",
        })
        const pools = {
          listings: { A: [] as Listing[], B: [] as Listing[] },
          windows: { A: [] as string[], B: [] as string[] },
          toWeigh: { A: [] as Fixture[], B: [] as Fixture[] },
          awaitingBuyer: { A: [] as Fixture[], B: [] as Fixture[] },
        }
        for (const r of ["A", "B"] as const) {
          // Two allowed callers act on A's (its member and its helper), one on B's, per route.
          for (let i = 0; i < 3; i++) pools.listings[r].push(await harvestListing(r))
          for (let i = 0; i < (r === "A" ? 8 : 5); i++) {
            const planned = await harvestListing(r)
            const { data } = await api.post("/seller/preorders", windowBody(planned), {
              headers: ownerOf(r).headers,
            })
            pools.windows[r].push(data.preorder.id)
            // Harvested since: the harvest route reads the quantity from the batch's diary.
            await traced(r, `/batches/${planned.batch_id}/events`, {
              type: "harvest",
              occurred_at: new Date().toISOString(),
              quantity: { amount: 8, unit: "túi" },
            })
          }
        }
        // Free-range chickens of A and B, sold by the bird at ~1 kg, 150,000 ₫ per kg.
        const chicken: Record<string, string> = {}
        for (const r of ["A", "B"] as const) {
          const made = await listing(r, {
            title: "1 con (~1 kg)",
            price: 150000,
            stock: 100,
            sold_by_weight: { unit: "piece", price_per_kg: 150000, grams: 1000, tolerance_pct: 10 },
          })
          await api.post(
            `/seller/products/${made.product_id}/publish`,
            {},
            {
              headers: ownerOf(r).headers,
            },
          )
          chicken[r] = made.variant_id
        }
        /** One buyer's order of a chicken from A and one from B: a part to weigh for each. */
        const chickenParts = async () => {
          const { cart } = await prepareCart(sdk, {
            regionId: regions[0]!.id,
            items: [chicken.A!, chicken.B!].map((variant_id) => ({ variant_id, quantity: 1 })),
          })
          // The buyer accepts that each weighed amount may differ by the chickens' ±10 %.
          await sdk.store.cart.update(cart.id, {
            metadata: { weight_tolerances_accepted: { [chicken.A!]: 10, [chicken.B!]: 10 } },
          })
          const done = (await payAndComplete(sdk, cart, "pp_cod_cod")) as { order: { id: string } }
          const { data } = await api.get(`/store/orders/${done.order.id}/parts`, {
            headers: storeHeaders,
          })
          const side = (sellerId: string) => {
            const part = data.parts.find(
              (p: { seller: { id: string } }) => p.seller.id === sellerId,
            )
            return { order: part.part_order_id as string, item: part.items[0].id as string }
          }
          return { A: side(sellerA.id), B: side(sellerB.id) }
        }
        for (let i = 0; i < 3; i++) {
          const toWeigh = await chickenParts()
          pools.toWeigh.A.push(toWeigh.A)
          pools.toWeigh.B.push(toWeigh.B)
          // Weighed half a kilo over: beyond the tolerance, the seller must call the buyer.
          const awaiting = await chickenParts()
          for (const r of ["A", "B"] as const) {
            await api.post(
              `/seller/orders/${awaiting[r].order}/weigh`,
              { lines: [{ item_id: awaiting[r].item, grams: 1500 }] },
              { headers: ownerOf(r).headers },
            )
            pools.awaitingBuyer[r].push(awaiting[r])
          }
        }
        const statusOf = async (table: string, column: string, key: string, id: string) => {
          const { rows } = await pg.raw(`select ${column} as s from ${table} where ${key} = ?`, [
            id,
          ])
          return rows[0]?.s as string | undefined
        }
        // The first of the pool still as needed; the last one when all moved on (a refused
        // caller is refused whatever its state).
        const firstStill = async <T>(pool: T[], still: (item: T) => Promise<boolean>) => {
          for (const item of pool) if (await still(item)) return item
          return pool.at(-1)!
        }
        const harvest = {
          listing: (r: Resource) =>
            firstStill(
              pools.listings[r as "A" | "B"],
              async (l) =>
                (await preorders.listPreorderWindows({ variant_id: l.variant_id })).length === 0,
            ),
          window: (r: Resource) =>
            firstStill(
              pools.windows[r as "A" | "B"],
              async (id) => (await statusOf("preorder_window", "status", "id", id)) === "open",
            ),
          toWeigh: (r: Resource) =>
            firstStill(
              pools.toWeigh[r as "A" | "B"],
              async (p) =>
                (await statusOf("order_part", "weighing", "part_order_id", p.order!)) ===
                "required",
            ),
          awaitingBuyer: (r: Resource) =>
            firstStill(
              pools.awaitingBuyer[r as "A" | "B"],
              async (p) =>
                (await statusOf("order_part", "weighing", "part_order_id", p.order!)) ===
                "contact_buyer",
            ),
        }
        f.windowA = pools.windows.A[0]!
        f.windowB = pools.windows.B[0]!
        f.productPreorderA = pools.listings.A[0]!.product_id
        f.productPreorderB = pools.listings.B[0]!.product_id

        const routes: Route[] = [
          {
            area: "seller",
            method: "get",
            label: "GET /seller/me",
            resources: ["none"],
            path: () => "/seller/me",
          },
          {
            area: "seller",
            method: "post",
            label: "POST /seller/me",
            resources: ["none"],
            write: true,
            path: () => "/seller/me",
            body: () => ({ description: "Mô tả mới" }),
          },
          {
            area: "seller",
            method: "post",
            label: "POST /seller/me (payee)",
            resources: ["none"],
            ownerOnly: true,
            write: true,
            path: () => "/seller/me",
            body: () => ({ bank_account_number: `${Date.now()}${counter++}` }),
          },
          {
            area: "seller",
            method: "get",
            label: "GET /seller/products",
            resources: ["none"],
            path: () => "/seller/products?limit=100",
            foreignIds: (_f, role) => [role.home === "B" ? f.productA! : f.productB!],
          },
          {
            area: "seller",
            method: "post",
            label: "POST /seller/products",
            resources: ["none"],
            write: true,
            path: () => "/seller/products",
            body: () => ({
              title: `Sản phẩm thử ${unique("")}`,
              variants: [{ title: "Túi 1 kg", price: 50000, stock: 5 }],
            }),
          },
          {
            area: "seller",
            method: "get",
            label: "GET /seller/products/:id",
            resources: ["A", "B"],
            path: (_f, r) => `/seller/products/${pick(r, "productA", "productB")}`,
          },
          {
            area: "seller",
            method: "post",
            label: "POST /seller/products/:id",
            resources: ["A", "B"],
            write: true,
            path: (_f, r) => `/seller/products/${pick(r, "productA", "productB")}`,
            body: () => ({ subtitle: "Vụ mùa 2026" }),
          },
          {
            area: "seller",
            method: "post",
            label: "POST /seller/products/:id/unpublish",
            resources: ["A", "B"],
            write: true,
            path: (_f, r) => `/seller/products/${pick(r, "productA", "productB")}/unpublish`,
          },
          {
            area: "seller",
            method: "post",
            label: "POST /seller/products/:id/publish",
            resources: ["A", "B"],
            write: true,
            path: (_f, r) => `/seller/products/${pick(r, "productA", "productB")}/publish`,
          },
          {
            area: "seller",
            method: "post",
            label: "POST /seller/products/:id/variants/:variant_id",
            resources: ["A", "B"],
            write: true,
            path: (_f, r) =>
              `/seller/products/${pick(r, "productA", "productB")}/variants/${pick(r, "variantA", "variantB")}`,
            body: (_f, r) => ({ price: priceOf(r) }),
          },
          {
            area: "seller",
            method: "post",
            label: "POST /seller/products/:id/variants/:variant_id/stock",
            resources: ["A", "B"],
            write: true,
            path: (_f, r) =>
              `/seller/products/${pick(r, "productA", "productB")}/variants/${pick(r, "variantA", "variantB")}/stock`,
            body: () => ({ quantity: 40 }),
          },
          {
            area: "seller",
            method: "post",
            label: "POST /seller/uploads",
            resources: ["none"],
            write: true,
            path: () => "/seller/uploads",
            body: () => {
              const form = new FormData()
              form.append("files", new Blob([pngBytes], { type: "image/png" }), "anh.png")
              return form
            },
          },
          {
            area: "seller",
            method: "get",
            label: "GET /seller/orders",
            resources: ["none"],
            path: () => "/seller/orders",
          },
          {
            area: "seller",
            method: "get",
            label: "GET /seller/orders/:id",
            resources: ["A", "B"],
            path: (_f, r) => `/seller/orders/${pick(r, "orderA", "orderB")}`,
          },
          {
            area: "seller",
            method: "get",
            label: "GET /seller/invoices",
            resources: ["none"],
            path: () => "/seller/invoices",
            foreignIds: (_f, role) => [role.home === "B" ? f.invoiceA! : f.invoiceB!],
          },
          {
            area: "seller",
            method: "get",
            label: "GET /seller/invoices/:id/xml",
            resources: ["A", "B"],
            path: (_f, r) => `/seller/invoices/${pick(r, "invoiceA", "invoiceB")}/xml`,
          },
          {
            area: "seller",
            method: "get",
            label: "GET /seller/invoices/export",
            resources: ["none"],
            path: () => "/seller/invoices/export",
          },
          {
            area: "seller",
            method: "get",
            label: "GET /seller/notification-settings",
            resources: ["none"],
            ownerOnly: true,
            path: () => "/seller/notification-settings",
          },
          {
            area: "seller",
            method: "post",
            label: "POST /seller/notification-settings",
            resources: ["none"],
            ownerOnly: true,
            write: true,
            path: () => "/seller/notification-settings",
            // Alternates, so every allowed call really changes the row.
            body: () => ({ email: counter++ % 2 === 0 }),
          },
          {
            area: "seller",
            method: "post",
            label: "POST /seller/me (invoice series)",
            resources: ["none"],
            ownerOnly: true,
            write: true,
            path: () => "/seller/me",
            body: () => {
              const n = counter++
              const letter = (i: number) => String.fromCharCode(65 + (i % 26))
              return { invoice_series: `1C26T${letter(Math.floor(n / 26))}${letter(n)}` }
            },
          },
          {
            area: "seller",
            method: "get",
            label: "GET /seller/audit-log",
            resources: ["none"],
            path: () => "/seller/audit-log",
          },
          {
            area: "seller",
            method: "get",
            label: "GET /seller/members",
            resources: ["none"],
            ownerOnly: true,
            path: () => "/seller/members",
          },
          {
            area: "seller",
            method: "post",
            label: "POST /seller/invites",
            resources: ["none"],
            ownerOnly: true,
            write: true,
            path: () => "/seller/invites",
            body: () => ({ email: `${unique("nv")}@giaphu.example` }),
          },
          {
            area: "seller",
            method: "get",
            label: "GET /seller/helpers",
            resources: ["none"],
            ownerOnly: true,
            path: () => "/seller/helpers",
          },
          {
            area: "seller",
            method: "post",
            label: "POST /seller/helpers",
            resources: ["none"],
            ownerOnly: true,
            write: true,
            path: () => "/seller/helpers",
            body: async () => ({ email: (await freshHelper()).email }),
          },
          {
            area: "seller",
            method: "delete",
            label: "DELETE /seller/helpers/:id",
            resources: ["A", "B"],
            ownerOnly: true,
            write: true,
            path: async (_f, r) => {
              const helper = await freshHelper()
              const grant = await sellers.createHelperGrants({
                helper_id: helper.id,
                seller_id: r === "B" ? f.B! : f.A!,
                granted_by: "test",
              })
              return `/seller/helpers/${grant.id}`
            },
          },
          {
            area: "helper",
            method: "get",
            label: "GET /helper/me",
            resources: ["none"],
            path: () => "/helper/me",
          },
          {
            area: "helper",
            method: "get",
            label: "GET /helper/sellers",
            resources: ["none"],
            path: () => "/helper/sellers",
          },
          {
            area: "helper",
            method: "post",
            label: "POST /helper/sellers/:id/token",
            resources: ["A", "B"],
            path: (_f, r) => `/helper/sellers/${pick(r, "A", "B")}/token`,
          },
          {
            area: "admin",
            method: "get",
            label: "GET /admin/sellers",
            resources: ["none"],
            path: () => "/admin/sellers",
          },
          {
            area: "admin",
            method: "get",
            label: "GET /admin/sellers/:id",
            resources: ["A"],
            path: () => `/admin/sellers/${f.A}`,
          },
          {
            area: "admin",
            method: "post",
            label: "POST /admin/sellers/:id/suspend",
            resources: ["A"],
            write: true,
            path: () => `/admin/sellers/${f.A}/suspend`,
            body: () => ({ reason: "Kiểm tra" }),
          },
          {
            area: "admin",
            method: "post",
            label: "POST /admin/sellers/:id/approve",
            resources: ["A"],
            write: true,
            path: () => `/admin/sellers/${f.A}/approve`,
          },
          {
            area: "admin",
            method: "post",
            label: "POST /admin/sellers/:id/changes/approve",
            resources: ["A"],
            write: true,
            path: async () => `/admin/sellers/${await pend(f.A!)}/changes/approve`,
          },
          {
            area: "admin",
            method: "post",
            label: "POST /admin/sellers/:id/changes/reject",
            resources: ["A"],
            write: true,
            path: async () => `/admin/sellers/${await pend(f.A!)}/changes/reject`,
            body: () => ({ reason: "Không khớp hồ sơ" }),
          },
          {
            area: "admin",
            method: "get",
            label: "GET /admin/audit-log",
            resources: ["none"],
            path: () => "/admin/audit-log",
          },
          ...preorderRoutes(f, harvest),
          ...communeRoutes(f, pend, (r) =>
            communes.createOcopEntries({
              commune_code: r === "A" ? "02923" : FOREIGN_COMMUNE,
              seller_id: r === "A" ? f.A! : f.C!,
              product_name: "Sản phẩm thử",
              group: "food",
              stars: 3,
              certificate_number: unique("OCOP-T-"),
              issuing_level: "province",
              issued_on: new Date("2025-05-01"),
              expires_on: new Date("2028-05-01"),
            }),
          ),
        ]

        const snapshot = async () => {
          const parts: string[] = []
          for (const table of SNAPSHOT_TABLES) {
            const { rows } = await pg.raw(
              `select md5(coalesce(string_agg(t::text, ',' order by t::text), '')) as h from ${table} t`,
            )
            parts.push(`${table}:${rows[0].h}`)
          }
          return parts.join("\n")
        }

        const observed = new Map<string, string>()
        const mismatches: string[] = []
        for (const route of routes) {
          const tried =
            route.area === "helper"
              ? [...roles.filter((r) => !r.name.startsWith("helper")), ...helperAreaRoles]
              : roles
          for (const role of tried) {
            for (const resource of route.resources) {
              const url = await route.path(f, resource)
              const body = route.body ? await route.body(f, resource) : undefined
              const before = await snapshot()
              const res = await api.request({
                method: route.method,
                url,
                data: body,
                headers:
                  route.area === "store" ? { ...role.headers, ...storeHeaders } : role.headers,
                validateStatus: () => true,
              })
              const got = res.status >= 200 && res.status < 300 ? "2xx" : String(res.status)
              const want = expected(role, route, resource)
              const cell = `${route.label}|${role.name}|${resource}`
              observed.set(cell, String(res.status))
              if (got !== want)
                mismatches.push(
                  `${cell}: got ${res.status} ${JSON.stringify(res.data)}, want ${want}`,
                )
              if (got !== "2xx" && (await snapshot()) !== before) {
                mismatches.push(`${cell}: refused with ${res.status} but the database changed`)
              }
              if (got === "2xx" && route.foreignIds) {
                const text = JSON.stringify(res.data)
                for (const id of route.foreignIds(f, role)) {
                  if (text.includes(id)) mismatches.push(`${cell}: listed foreign ${id}`)
                }
              }
              if (got !== "2xx" && res.status !== 500) {
                expect(typeof res.data?.message).toBe("string")
              }
            }
          }
        }

        writeMatrix(routes, [...roles, ...helperAreaRoles], observed)
        expect(mismatches).toEqual([])
        // The helper's acts were recorded as on behalf of A.
        const { rows } = await pg.raw(
          "select count(*)::int as n from audit_entry where actor_type = 'helper' and on_behalf_of = ?",
          [f.A],
        )
        expect(rows[0].n).toBeGreaterThan(5)
        // Some 1000 requests, each between two hashes of the tables: over ten minutes on a
        // loaded machine (the pre-order and weighing rows and their pools added a third).
      }, 1_800_000)
    })
  },
})

type HarvestFixtures = {
  listing: (r: Resource) => Promise<Listing>
  window: (r: Resource) => Promise<string>
  toWeigh: (r: Resource) => Promise<Fixture>
  awaitingBuyer: (r: Resource) => Promise<Fixture>
}

/**
 * Harvest pre-orders and weighing (issue 17): any member of the seller or its helper may, as on
 * the other order routes; another seller's window or part is a 404, naming it in the body too.
 */
function preorderRoutes(f: Fixture, harvest: HarvestFixtures): Route[] {
  const window = (r: Resource) => (r === "B" ? f.windowB! : f.windowA!)
  return [
    {
      area: "seller",
      method: "get",
      label: "GET /seller/preorders",
      resources: ["none"],
      path: () => "/seller/preorders",
      foreignIds: (_f, role) => [role.home === "B" ? f.windowA! : f.windowB!],
    },
    {
      area: "seller",
      method: "post",
      label: "POST /seller/preorders",
      resources: ["A", "B"],
      write: true,
      path: () => "/seller/preorders",
      // A listing of the seller's with no window yet, and its planned batch.
      body: async (_f, r) => ({
        ...(await harvest.listing(r)),
        planned_quantity: 20,
        expected_harvest_on: "2027-10-15",
        delivery_from: "2027-10-20",
      }),
    },
    {
      area: "seller",
      method: "get",
      label: "GET /seller/preorders/batches",
      resources: ["A", "B"],
      path: (_f, r) =>
        `/seller/preorders/batches?product_id=${r === "B" ? f.productPreorderB! : f.productPreorderA!}`,
    },
    {
      area: "seller",
      method: "get",
      label: "GET /seller/preorders/:id",
      resources: ["A", "B"],
      path: (_f, r) => `/seller/preorders/${window(r)}`,
    },
    {
      area: "seller",
      method: "post",
      label: "POST /seller/preorders/:id/extend",
      resources: ["A", "B"],
      write: true,
      path: async (_f, r) => `/seller/preorders/${await harvest.window(r)}/extend`,
      // Larger every time, so every allowed call really changes the window.
      body: () => ({ planned_quantity: 20 + counter++ }),
    },
    {
      area: "seller",
      method: "post",
      label: "POST /seller/preorders/:id/close",
      resources: ["A", "B"],
      write: true,
      path: async (_f, r) => `/seller/preorders/${await harvest.window(r)}/close`,
    },
    {
      area: "seller",
      method: "post",
      label: "POST /seller/preorders/:id/harvest",
      resources: ["A", "B"],
      write: true,
      path: async (_f, r) => `/seller/preorders/${await harvest.window(r)}/harvest`,
      body: () => ({ allocation: "pro_rata" }),
    },
    {
      area: "seller",
      method: "post",
      label: "POST /seller/preorders/:id/cancel",
      resources: ["A", "B"],
      write: true,
      path: async (_f, r) => `/seller/preorders/${await harvest.window(r)}/cancel`,
      body: () => ({ reason: "Mưa đá làm hỏng lúa" }),
    },
    {
      area: "seller",
      method: "post",
      label: "POST /seller/orders/:id/weigh",
      resources: ["A", "B"],
      write: true,
      path: async (_f, r) => `/seller/orders/${(await harvest.toWeigh(r)).order}/weigh`,
      // Within the 10 % tolerance: the part is weighed and settled at once.
      body: async (_f, r) => ({
        lines: [{ item_id: (await harvest.toWeigh(r)).item, grams: 1050 }],
      }),
    },
    {
      area: "seller",
      method: "post",
      label: "POST /seller/orders/:id/accept-weight",
      resources: ["A", "B"],
      write: true,
      path: async (_f, r) =>
        `/seller/orders/${(await harvest.awaitingBuyer(r)).order}/accept-weight`,
    },
    {
      area: "store",
      method: "get",
      label: "GET /store/preorders",
      resources: ["none"],
      path: () => `/store/preorders?product_id=${f.productPreorderB}`,
    },
  ]
}

/** The /commune routes; resource A is a Gia Phú seller's, B one of Xuân Quang's. */
function communeRoutes(
  f: Fixture,
  pend: (sellerId: string) => Promise<string>,
  fresh: FreshEntry,
): Route[] {
  const seller = (r: Resource) => (r === "A" ? f.A! : f.C!)
  const entry = (r: Resource) => (r === "A" ? f.entryA! : f.entryC!)
  return [
    {
      area: "commune",
      method: "get",
      label: "GET /commune/me",
      resources: ["none"],
      path: () => "/commune/me",
    },
    {
      area: "commune",
      method: "get",
      label: "GET /commune/sellers",
      resources: ["none"],
      path: () => "/commune/sellers?limit=100",
      foreignIds: (_f, role) =>
        role.covers === "GP" ? [f.C!] : role.covers === "XQ" ? [f.A!] : [],
    },
    {
      area: "commune",
      method: "get",
      label: "GET /commune/sellers/:id",
      resources: ["A", "B"],
      path: (_f, r) => `/commune/sellers/${seller(r)}`,
    },
    {
      area: "commune",
      method: "post",
      label: "POST /commune/sellers/:id/suspend",
      resources: ["A", "B"],
      write: true,
      path: (_f, r) => `/commune/sellers/${seller(r)}/suspend`,
      body: () => ({ reason: "Tạm ngừng để kiểm tra" }),
    },
    {
      area: "commune",
      method: "post",
      label: "POST /commune/sellers/:id/approve",
      resources: ["A", "B"],
      write: true,
      path: (_f, r) => `/commune/sellers/${seller(r)}/approve`,
    },
    {
      area: "commune",
      method: "post",
      label: "POST /commune/sellers/:id/changes/approve",
      resources: ["A", "B"],
      write: true,
      path: async (_f, r) => `/commune/sellers/${await pend(seller(r))}/changes/approve`,
    },
    {
      area: "commune",
      method: "post",
      label: "POST /commune/sellers/:id/changes/reject",
      resources: ["A", "B"],
      write: true,
      path: async (_f, r) => `/commune/sellers/${await pend(seller(r))}/changes/reject`,
      body: () => ({ reason: "Không khớp hồ sơ" }),
    },
    {
      area: "commune",
      method: "get",
      label: "GET /commune/ocop-entries",
      resources: ["none"],
      path: () => "/commune/ocop-entries?limit=100",
      foreignIds: (_f, role) =>
        role.covers === "GP" ? [f.entryC!] : role.covers === "XQ" ? [f.entryA!] : [],
    },
    {
      area: "commune",
      method: "get",
      label: "GET /commune/ocop-entries/:id",
      resources: ["A", "B"],
      path: (_f, r) => `/commune/ocop-entries/${entry(r)}`,
    },
    {
      area: "commune",
      method: "post",
      label: "POST /commune/ocop-entries/:id",
      resources: ["A", "B"],
      write: true,
      path: (_f, r) => `/commune/ocop-entries/${entry(r)}`,
      body: () => ({ decision_number: "2150/QĐ-UBND" }),
    },
    {
      area: "commune",
      method: "post",
      label: "POST /commune/ocop-entries",
      resources: ["A", "B"],
      write: true,
      // The seller is named in the body: one outside the officer's commune is a bad seller_id.
      foreignStatus: "400",
      path: () => "/commune/ocop-entries",
      body: (_f, r) => ({
        seller_id: seller(r),
        product_name: "Miến dong thử",
        group: "food",
        stars: 3,
        certificate_number: unique("OCOP-N-"),
        issuing_level: "province",
        issued_on: "2025-06-01",
      }),
    },
    {
      area: "commune",
      method: "delete",
      label: "DELETE /commune/ocop-entries/:id",
      resources: ["A", "B"],
      write: true,
      path: async (_f, r) => `/commune/ocop-entries/${(await fresh(r)).id}`,
    },
  ]
}

const ROLE_COLUMNS = [
  "anonymous",
  "buyer",
  "member of A",
  "member of B",
  "helper granted by A",
  "helper not granted",
  "officer of A's commune",
  "officer of another commune",
  "province officer",
  "operator",
]

function writeMatrix(routes: Route[], roles: Role[], observed: Map<string, string>) {
  const header = `| route | ${ROLE_COLUMNS.join(" | ")} |`
  const rule = `| --- | ${ROLE_COLUMNS.map(() => "---").join(" | ")} |`
  const rows = routes.map((route) => {
    const cells = ROLE_COLUMNS.map((name) => {
      const values = route.resources
        .map((r) => observed.get(`${route.label}|${name}|${r}`))
        .filter(Boolean)
      return values.length ? values.join(" / ") : "-"
    })
    const which = route.area === "commune" ? " (Gia Phú / Xuân Quang)" : " (A's / B's)"
    return `| ${route.label}${route.resources.includes("B") ? which : ""} | ${cells.join(" | ")} |`
  })
  const file = path.resolve(__dirname, "../../../docs/security.md")
  const marker = "<!-- matrix -->"
  const table = [header, rule, ...rows].join("\n")
  const before = existsSync(file)
    ? readFileSync(file, "utf8")
    : `# Security\n\n${marker}\n${marker}\n`
  const [head, , tail] = before.split(marker)
  const after = `${head}${marker}\n${table}\n${marker}${tail ?? "\n"}`
  if (after !== before) writeFileSync(file, after)
  void roles
}
