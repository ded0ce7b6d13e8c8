import type { MedusaContainer } from "@medusajs/framework/types"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { COMMUNE_MODULE } from "../../src/modules/commune"
import type CommuneModuleService from "../../src/modules/commune/service"
import {
  createOfficer,
  createOperator,
  createProducts,
  createSeller,
  GIA_PHU,
  setUpStore,
  XUAN_QUANG,
} from "../helpers/registry-fixtures"

// biome-ignore lint/suspicious/noExplicitAny: response bodies, checked by the assertions that read them
type Json = Record<string, any>
type Headers = Record<string, string>

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    const call = async (method: string, url: string, headers: Headers, data?: unknown) =>
      api.request({ method, url, headers, data, validateStatus: () => true })

    describe("admin API for sellers, the audit log and product seller data", () => {
      let container: MedusaContainer
      let operator: Headers
      let operatorId: string
      let storeHeaders: Headers
      let approved: { id: string; state: string }
      let pending: { id: string; state: string }
      let products: Record<string, string>

      beforeEach(async () => {
        container = getContainer()
        const store = await setUpStore(container)
        storeHeaders = store.storeHeaders
        approved = await createSeller(container, {
          handle: "htx-gia-phu",
          name: "HTX Gia Phú",
          commune_code: GIA_PHU,
          state: "approved",
        })
        pending = await createSeller(container, {
          handle: "htx-xuan-quang",
          name: "HTX Xuân Quang",
          commune_code: XUAN_QUANG,
          state: "pending",
        })
        products = {
          ...(await createProducts(container, approved, [{ handle: "gao" }], store.channelId)),
          ...(await createProducts(container, pending, [{ handle: "mien" }], store.channelId)),
        }
        await container.resolve<CommuneModuleService>(COMMUNE_MODULE).createOcopEntries({
          commune_code: GIA_PHU,
          seller_id: approved.id,
          product_name: "Gạo Gia Phú",
          group: "food",
          stars: 4,
          certificate_number: "20/2024/OCOP",
          issuing_level: "province",
          issued_on: new Date("2024-05-01T00:00:00Z"),
          expires_on: new Date("2027-05-01T00:00:00Z"),
          product_id: products.gao!,
        })
        const op = await createOperator(container, api)
        operator = op.headers
        operatorId = op.user.id
      })

      it("lists every seller, filters by state and commune, and shows one in full", async () => {
        const all = await call("get", "/admin/sellers", operator)
        expect(all.data.count).toBe(2)
        const pendingOnly = await call("get", "/admin/sellers?state=pending", operator)
        expect(pendingOnly.data.sellers.map((s: Json) => s.handle)).toEqual(["htx-xuan-quang"])
        const byCommune = await call("get", `/admin/sellers?commune_code=${GIA_PHU}`, operator)
        expect(byCommune.data.sellers.map((s: Json) => s.handle)).toEqual(["htx-gia-phu"])

        const one = await call("get", `/admin/sellers/${approved.id}`, operator)
        expect(one.data.seller).toMatchObject({
          handle: "htx-gia-phu",
          state: "approved",
          tax_code: "5300123456",
          bank_bin: "970405",
          commune: { code: GIA_PHU, name: "Xã Gia Phú" },
          products: [{ id: products.gao, handle: "gao", status: "published" }],
        })
        const missing = await call("get", "/admin/sellers/sel_missing", {
          ...operator,
          "accept-language": "en",
        })
        expect(missing.status).toBe(404)
        expect(missing.data).toEqual({ type: "not_found", message: "Seller not found" })
      })

      it("approves and suspends a seller, recorded in the audit log as the operator", async () => {
        const approve = await call("post", `/admin/sellers/${pending.id}/approve`, operator)
        expect(approve.data.seller.state).toBe("approved")
        const listed = await api.get("/store/products?fields=handle", { headers: storeHeaders })
        expect(listed.data.products.map((p: Json) => p.handle).sort()).toEqual(["gao", "mien"])

        const noReason = await call("post", `/admin/sellers/${approved.id}/suspend`, operator, {
          reason: "",
        })
        expect(noReason.status).toBe(400)
        expect(noReason.data).toEqual({
          type: "invalid_data",
          message: '"reason" phải có ít nhất 3 ký tự',
          field: "reason",
        })
        const suspend = await call("post", `/admin/sellers/${approved.id}/suspend`, operator, {
          reason: "Hồ sơ thuế chưa hợp lệ",
        })
        expect(suspend.data.seller.state).toBe("suspended")
        const after = await api.get("/store/products?fields=handle", { headers: storeHeaders })
        expect(after.data.products.map((p: Json) => p.handle)).toEqual(["mien"])

        const log = await call("get", "/admin/audit-log?actor_type=user", operator)
        expect(log.data.count).toBe(2)
        expect(log.data.entries.map((e: Json) => [e.action, e.actor_id, e.seller_id])).toEqual([
          ["seller.suspend", operatorId, approved.id],
          ["seller.approve", operatorId, pending.id],
        ])
        expect(log.data.entries[0].data).toEqual({ reason: "Hồ sơ thuế chưa hợp lệ" })
        const bySeller = await call("get", `/admin/audit-log?seller_id=${pending.id}`, operator)
        // The seller's sign-up and its approval.
        expect(bySeller.data.entries.map((e: Json) => e.action)).toEqual([
          "seller.approve",
          "seller.sign_up",
        ])
        const byCommune = await call(
          "get",
          `/admin/audit-log?commune_code=${XUAN_QUANG}&limit=1`,
          operator,
        )
        expect(byCommune.data).toMatchObject({ count: 2, limit: 1, offset: 0 })
        const bad = await call("get", "/admin/audit-log?actor_type=robot", operator)
        expect(bad.status).toBe(400)
        expect(bad.data.field).toBe("actor_type")
      })

      it("returns a product's seller and OCOP entry when asked", async () => {
        const { data } = await api.get(
          `/admin/products/${products.gao}?fields=id,title,*seller,*ocop_entry`,
          { headers: operator },
        )
        expect(data.product.seller).toMatchObject({
          id: approved.id,
          name: "HTX Gia Phú",
          commune_code: GIA_PHU,
        })
        expect(data.product.ocop_entry).toMatchObject({
          stars: 4,
          certificate_number: "20/2024/OCOP",
          expires_on: "2027-05-01T00:00:00.000Z",
        })
        // The lookup the traceability service makes with an operator's token.
        const lookup = await api.get(
          `/admin/products/${products.gao}?fields=id,title,handle,thumbnail,*variants,*seller`,
          { headers: operator },
        )
        expect(lookup.data.product.variants[0].sku).toBe("GAO")
        expect(lookup.data.product.seller.handle).toBe("htx-gia-phu")
      })

      it("is closed to anyone but the operator", async () => {
        const officer = await createOfficer(container, api, {
          email: "canbo@giaphu.test",
          level: "commune",
          commune_code: GIA_PHU,
          province_code: "15",
        })
        for (const headers of [{}, officer.headers]) {
          const list = await call("get", "/admin/sellers", headers)
          const approve = await call("post", `/admin/sellers/${pending.id}/approve`, headers)
          const log = await call("get", "/admin/audit-log", headers)
          expect([list.status, approve.status, log.status]).toEqual([401, 401, 401])
        }
        const still = await call("get", `/admin/sellers/${pending.id}`, operator)
        expect(still.data.seller.state).toBe("pending")
      })
    })
  },
})
