import { Modules } from "@medusajs/framework/utils"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { COMMUNE_MODULE } from "../../src/modules/commune"
import type CommuneModuleService from "../../src/modules/commune/service"
import {
  createProducts,
  createSeller,
  GIA_PHU,
  setUpStore,
  XUAN_QUANG,
} from "../helpers/registry-fixtures"

// biome-ignore lint/suspicious/noExplicitAny: response bodies, checked by the assertions that read them
type Json = Record<string, any>

// Private values every fixture seller has; none may appear anywhere in a store response.
const PRIVATE_VALUES = ["5300123456", "1234567890", "970405", "@example.test"]

const PUBLIC_KEYS = [
  "address",
  "commune",
  "commune_code",
  "description",
  "handle",
  "id",
  "kind",
  "logo_url",
  "name",
  "phone",
  "product_count",
  "province",
  "province_code",
  "village",
  "village_code",
]

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    describe("store sellers API and seller data on store products", () => {
      let headers: Record<string, string>
      let regionId: string
      let products: Record<string, string>

      beforeEach(async () => {
        const container = getContainer()
        const store = await setUpStore(container)
        headers = store.storeHeaders
        regionId = store.regionId
        const a = await createSeller(container, {
          handle: "htx-gia-phu",
          name: "HTX Gia Phú",
          commune_code: GIA_PHU,
          state: "approved",
        })
        const b = await createSeller(container, {
          handle: "ho-xuan-quang",
          name: "Hộ Xuân Quang",
          commune_code: XUAN_QUANG,
          state: "approved",
          kind: "household",
        })
        const pending = await createSeller(container, {
          handle: "htx-cho-duyet",
          name: "HTX Chờ duyệt",
          commune_code: GIA_PHU,
          state: "pending",
        })
        const suspended = await createSeller(container, {
          handle: "htx-tam-ngung",
          name: "HTX Tạm ngưng",
          commune_code: GIA_PHU,
          state: "suspended",
        })
        products = {
          ...(await createProducts(
            container,
            a,
            [
              ...Array.from({ length: 8 }, (_, i) => ({ handle: `gp-${i}`, price: 100000 + i })),
              { handle: "gp-draft", status: "draft" as const },
            ],
            store.channelId,
          )),
          ...(await createProducts(
            container,
            b,
            Array.from({ length: 4 }, (_, i) => ({ handle: `xq-${i}` })),
            store.channelId,
          )),
          ...(await createProducts(container, pending, [{ handle: "pending-0" }], store.channelId)),
          ...(await createProducts(container, suspended, [{ handle: "susp-0" }], store.channelId)),
        }
        const communes = container.resolve<CommuneModuleService>(COMMUNE_MODULE)
        await communes.createOcopEntries(
          ["gp-0", "gp-1", "xq-0"].map((handle, i) => ({
            commune_code: handle.startsWith("gp") ? GIA_PHU : XUAN_QUANG,
            seller_id: handle.startsWith("gp") ? a.id : b.id,
            product_name: `Sản phẩm ${handle}`,
            group: "food" as const,
            stars: 3 + i,
            certificate_number: `OCOP-${i}`,
            issuing_level: "province" as const,
            issued_on: new Date("2024-03-01T00:00:00Z"),
            expires_on: new Date("2027-03-01T00:00:00Z"),
            product_id: products[handle]!,
          })),
        )
      })

      it("lists approved sellers only, with public fields, area names and visible product counts", async () => {
        const { data } = await api.get("/store/sellers", { headers })
        expect(data.count).toBe(2)
        const byHandle = new Map((data.sellers as Json[]).map((s) => [s.handle, s]))
        expect([...byHandle.keys()].sort()).toEqual(["ho-xuan-quang", "htx-gia-phu"])
        const cooperative = byHandle.get("htx-gia-phu")
        const household = byHandle.get("ho-xuan-quang")
        for (const seller of data.sellers) expect(Object.keys(seller).sort()).toEqual(PUBLIC_KEYS)
        expect(cooperative!.commune).toEqual({ code: GIA_PHU, name: "Xã Gia Phú" })
        expect(cooperative!.province).toEqual({ code: "15", name: "Tỉnh Lào Cai" })
        expect(cooperative!.village).toEqual({ code: `${GIA_PHU}-01`, name: "Thôn Phú Xuân" })
        // The draft product is not counted: buyers cannot see it.
        expect(cooperative!.product_count).toBe(8)
        expect(household!.product_count).toBe(4)
        expect(household!.kind).toBe("household")
        const body = JSON.stringify(data)
        for (const value of PRIVATE_VALUES) expect(body).not.toContain(value)
      })

      it("publishes delivery rates: the default weight bands, and a seller's own bands by seller id", async () => {
        const { data } = await api.get("/store/shipping-rates", { headers })
        expect(data).toMatchObject({
          currency_code: "vnd",
          commune_delivery: 15000,
          extra_per_5kg: 20000,
        })
        expect(data.weight_bands[0]).toEqual({ up_to_grams: 1000, amount: 25000 })
        expect(data.seller_bands).toEqual({})
        // A seller's own tariff (out of order, as an operator might type it) is published sorted.
        const fulfillment = getContainer().resolve(Modules.FULFILLMENT)
        const options = await fulfillment.listShippingOptions({}, { take: 1000 })
        const elsewhere = options.find(
          (o) => (o.data as Json)?.code === "delivery_elsewhere" && (o.data as Json).seller_id,
        )!
        const own = [
          { up_to_grams: 2000, amount: 30000 },
          { up_to_grams: 500, amount: 18000 },
        ]
        await fulfillment.updateShippingOptions(elsewhere.id, {
          data: { ...(elsewhere.data as Json), bands: own },
        })
        const after = await api.get("/store/shipping-rates", { headers })
        expect(after.data.seller_bands).toEqual({
          [(elsewhere.data as Json).seller_id]: [own[1], own[0]],
        })
      })

      it("filters and pages the seller list", async () => {
        const all = await api.get("/store/sellers", { headers })
        const page = await api.get("/store/sellers?limit=1&offset=1", { headers })
        expect(page.data).toMatchObject({ count: 2, limit: 1, offset: 1 })
        expect(page.data.sellers.map((s: Json) => s.handle)).toEqual([all.data.sellers[1].handle])
        const byKind = await api.get("/store/sellers?kind=cooperative", { headers })
        expect(byKind.data.sellers.map((s: Json) => s.handle)).toEqual(["htx-gia-phu"])
        const byCommune = await api.get(`/store/sellers?commune_code=${XUAN_QUANG}`, { headers })
        expect(byCommune.data.sellers.map((s: Json) => s.handle)).toEqual(["ho-xuan-quang"])
        const bad = await api.get("/store/sellers?limit=0", { headers, validateStatus: () => true })
        expect(bad.status).toBe(400)
        expect(bad.data.field).toBe("limit")
      })

      it("shows a seller's page with its visible products, VND prices and OCOP badges", async () => {
        const { data } = await api.get(`/store/sellers/htx-gia-phu?region_id=${regionId}`, {
          headers,
        })
        expect(Object.keys(data.seller).sort()).toEqual(PUBLIC_KEYS)
        expect(data.count).toBe(8)
        const handles = data.products.map((p: Json) => p.handle)
        expect(handles).not.toContain("gp-draft")
        expect(handles.sort()).toEqual(Array.from({ length: 8 }, (_, i) => `gp-${i}`))
        const first = data.products.find((p: Json) => p.handle === "gp-1")
        expect(first.variants[0].calculated_price).toMatchObject({
          calculated_amount: 100001,
          currency_code: "vnd",
        })
        expect(first.ocop_entry).toMatchObject({ stars: 4, certificate_number: "OCOP-1" })
        expect(data.products.find((p: Json) => p.handle === "gp-5").ocop_entry).toBeNull()
        for (const value of PRIVATE_VALUES) expect(JSON.stringify(data)).not.toContain(value)

        const paged = await api.get("/store/sellers/htx-gia-phu?limit=3&offset=6", { headers })
        expect(paged.data.products).toHaveLength(2)
      })

      it("answers 404 for unknown, pending and suspended sellers alike", async () => {
        for (const handle of ["khong-co", "htx-cho-duyet", "htx-tam-ngung"]) {
          const res = await api.get(`/store/sellers/${handle}`, {
            headers,
            validateStatus: () => true,
          })
          expect(res.status).toBe(404)
          expect(res.data).toEqual({ type: "not_found", message: "Không tìm thấy người bán" })
        }
        const en = await api.get("/store/sellers/htx-cho-duyet", {
          headers: { ...headers, "accept-language": "en-US,en;q=0.9" },
          validateStatus: () => true,
        })
        expect(en.data.message).toBe("Seller not found")
      })

      it("gives 12 products with their sellers and OCOP badges in one request, without private fields", async () => {
        const { data } = await api.get(
          "/store/products?limit=12&fields=*seller,*ocop_entry,+seller.bank_account_number,+seller.tax_code",
          { headers },
        )
        expect(data.products).toHaveLength(12)
        for (const product of data.products) {
          expect(product.seller.name).toMatch(/^(HTX Gia Phú|Hộ Xuân Quang)$/)
          expect(Object.keys(product.seller).sort()).toEqual(
            PUBLIC_KEYS.filter(
              (k) => !["commune", "province", "village", "product_count"].includes(k),
            ),
          )
        }
        const badges = data.products.filter((p: Json) => p.ocop_entry)
        expect(badges.map((p: Json) => p.handle).sort()).toEqual(["gp-0", "gp-1", "xq-0"])
        expect(badges.find((p: Json) => p.handle === "xq-0").ocop_entry).toEqual({
          id: expect.any(String),
          product_id: products["xq-0"],
          stars: 5,
          group: "food",
          certificate_number: "OCOP-2",
          expires_on: "2027-03-01T00:00:00.000Z",
        })
        for (const value of PRIVATE_VALUES) expect(JSON.stringify(data)).not.toContain(value)
      })

      it("accepts single public seller fields and one product by id", async () => {
        const { data } = await api.get(
          `/store/products/${products["gp-0"]}?fields=title,+seller.name,+ocop_entry.stars`,
          { headers },
        )
        // Medusa adds the keys that join the link to what was asked for.
        expect(data.product.seller).toEqual({ id: expect.any(String), name: "HTX Gia Phú" })
        expect(data.product.ocop_entry).toEqual({ product_id: products["gp-0"], stars: 3 })
      })

      it("keeps pending and suspended sellers' products out of a one-channel store", async () => {
        const channels = await getContainer().resolve(Modules.SALES_CHANNEL).listSalesChannels({})
        // Medusa skips its own channel filter on lists when there is one channel.
        expect(channels).toHaveLength(1)
        const { data } = await api.get("/store/products?limit=50&fields=handle", { headers })
        expect(data.count).toBe(12)
        const handles = data.products.map((p: Json) => p.handle)
        expect(handles).not.toContain("pending-0")
        expect(handles).not.toContain("susp-0")
        const byId = await api.get(`/store/products?id[]=${products["pending-0"]}`, { headers })
        expect(byId.data.products).toEqual([])
        const one = await api.get(`/store/products/${products["susp-0"]}`, {
          headers,
          validateStatus: () => true,
        })
        expect(one.status).toBe(404)
      })
    })
  },
})
