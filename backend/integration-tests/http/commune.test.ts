import type { MedusaContainer } from "@medusajs/framework/types"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { AUDIT_MODULE } from "../../src/modules/audit"
import type AuditModuleService from "../../src/modules/audit/service"
import { COMMUNE_MODULE } from "../../src/modules/commune"
import type CommuneModuleService from "../../src/modules/commune/service"
import { SELLER_MODULE } from "../../src/modules/seller"
import type SellerModuleService from "../../src/modules/seller/service"
import {
  entryBody as baseEntry,
  type CommuneScenario,
  setUpCommuneScenario,
} from "../helpers/commune-scenario"
import { createSeller, GIA_PHU, XUAN_QUANG } from "../helpers/registry-fixtures"

// biome-ignore lint/suspicious/noExplicitAny: response bodies, checked by the assertions that read them
type Json = Record<string, any>
type Headers = Record<string, string>

const EN = { "accept-language": "en" }

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    const call = async (method: string, url: string, headers: Headers, data?: unknown) =>
      api.request({ method, url, headers, data, validateStatus: () => true })

    describe("commune API: officers, seller approval and area scoping", () => {
      let container: MedusaContainer
      let scenario: CommuneScenario
      let storeHeaders: Headers
      let giaPhu: Headers
      let xuanQuang: Headers
      let province: Headers
      let officerId: string
      let sellers: CommuneScenario["sellers"]

      const storeHandles = async () => {
        const { data } = await api.get("/store/products?limit=100&fields=handle", {
          headers: storeHeaders,
        })
        return data.products.map((p: Json) => p.handle).sort()
      }
      const auditCount = () =>
        container.resolve<AuditModuleService>(AUDIT_MODULE).listAndCountAuditEntries({})
      const entryCount = () =>
        container.resolve<CommuneModuleService>(COMMUNE_MODULE).listAndCountOcopEntries({})
      const entryBody = (overrides: Json = {}) => baseEntry(scenario, overrides)

      beforeEach(async () => {
        container = getContainer()
        scenario = await setUpCommuneScenario(container, api)
        ;({ storeHeaders, giaPhu, xuanQuang, province, officerId, sellers } = scenario)
      })

      it("tells an officer who it is and which area it keeps or reads", async () => {
        const me = await call("get", "/commune/me", giaPhu)
        expect(me.data.officer).toMatchObject({
          id: officerId,
          actor_type: "commune_officer",
          read_only: false,
          commune: { code: GIA_PHU, name: "Xã Gia Phú" },
          province: { code: "15", name: "Tỉnh Lào Cai" },
        })
        const reader = await call("get", "/commune/me", province)
        expect(reader.data.officer).toMatchObject({
          actor_type: "province_officer",
          read_only: true,
          commune: null,
          province: { code: "15", name: "Tỉnh Lào Cai" },
        })
        expect((await call("get", "/commune/me", storeHeaders)).status).toBe(401)
      })

      it("lists the sellers of the officer's own area, with what an officer checks", async () => {
        const own = await call("get", "/commune/sellers", giaPhu)
        expect(own.data.count).toBe(2)
        expect(own.data.sellers.map((s: Json) => s.handle).sort()).toEqual([
          "htx-gia-phu",
          "htx-moi",
        ])
        const seller = own.data.sellers.find((s: Json) => s.handle === "htx-gia-phu")
        expect(seller).toMatchObject({
          state: "approved",
          tax_code: "5300123456",
          bank_account_number: "1234567890",
          commune: { code: GIA_PHU, name: "Xã Gia Phú" },
          product_count: 4,
          published_product_count: 3,
        })
        const pending = await call("get", "/commune/sellers?state=pending", giaPhu)
        expect(pending.data.sellers.map((s: Json) => s.handle)).toEqual(["htx-moi"])
        const search = await call("get", "/commune/sellers?q=Gia", giaPhu)
        expect(search.data.sellers.map((s: Json) => s.handle)).toEqual(["htx-gia-phu"])
        const paged = await call("get", "/commune/sellers?limit=1", giaPhu)
        expect(paged.data).toMatchObject({ count: 2, limit: 1, offset: 0 })
        expect(paged.data.sellers).toHaveLength(1)

        const wide = await call("get", "/commune/sellers", province)
        expect(wide.data.sellers.map((s: Json) => s.handle).sort()).toEqual([
          "htx-gia-phu",
          "htx-moi",
          "htx-xuan-quang",
        ])
        const bad = await call("get", "/commune/sellers?state=closed", giaPhu)
        expect(bad.status).toBe(400)
        expect(bad.data.field).toBe("state")
      })

      it("finds sellers without diacritics, only inside the officer's area", async () => {
        // Three sellers named alike: two in Gia Phú (told apart by handle and state), one in
        // Xuân Quang that a Gia Phú officer must never find.
        await createSeller(container, {
          handle: "lo-van-sinh",
          name: "Lò Văn Sinh",
          commune_code: GIA_PHU,
          state: "approved",
        })
        await createSeller(container, {
          handle: "lo-van-sinh-2",
          name: "Lò Văn Sinh",
          commune_code: GIA_PHU,
          state: "pending",
        })
        await createSeller(container, {
          handle: "lo-van-sinh-xq",
          name: "LÒ VĂN SINH",
          commune_code: XUAN_QUANG,
          state: "approved",
        })
        const handles = async (q: string, headers: Headers) => {
          const { status, data } = await call(
            "get",
            `/commune/sellers?q=${encodeURIComponent(q)}`,
            headers,
          )
          expect(status).toBe(200)
          expect(data.count).toBe(data.sellers.length)
          return data.sellers.map((s: Json) => s.handle).sort()
        }
        const own = ["lo-van-sinh", "lo-van-sinh-2"]
        expect(await handles("lo van sinh", giaPhu)).toEqual(own)
        expect(await handles("  LO   VAN sinh ", giaPhu)).toEqual(own)
        expect(await handles("Lò Văn Sinh".normalize("NFD"), giaPhu)).toEqual(own)
        expect(await handles("sinh lo", giaPhu)).toEqual(own)
        // The handle is searched too, so the second one can be picked out by it.
        expect(await handles("lo-van-sinh-2", giaPhu)).toEqual(["lo-van-sinh-2"])
        expect(await handles("gia phu", giaPhu)).toEqual(["htx-gia-phu"])
        expect(await handles("moi", giaPhu)).toEqual(["htx-moi"])
        // Another commune's namesake: not for Gia Phú, found by its own officer and the province.
        expect(await handles("lo van sinh xq", giaPhu)).toEqual([])
        expect(await handles("lo van sinh", xuanQuang)).toEqual(["lo-van-sinh-xq"])
        expect(await handles("lo van sinh", province)).toEqual([...own, "lo-van-sinh-xq"])
        expect(await handles("ha noi", province)).toEqual([])
        // LIKE wildcards typed in the box match only themselves.
        expect(await handles("%", giaPhu)).toEqual([])
        expect(await handles("lo_van", giaPhu)).toEqual([])

        // What tells the two Gia Phú namesakes apart on the list.
        const { data } = await call("get", "/commune/sellers?q=lo%20van%20sinh", giaPhu)
        const rows = data.sellers.map((s: Json) => [s.handle, s.state, s.village?.name])
        expect(rows.sort()).toEqual([
          ["lo-van-sinh", "approved", "Thôn Phú Xuân"],
          ["lo-van-sinh-2", "pending", "Thôn Phú Xuân"],
        ])
        const pending = await call(
          "get",
          "/commune/sellers?q=lo%20van%20sinh&state=pending",
          giaPhu,
        )
        expect(pending.data.sellers.map((s: Json) => s.handle)).toEqual(["lo-van-sinh-2"])
      })

      it("answers a seller outside the area exactly like a missing one", async () => {
        const own = await call("get", `/commune/sellers/${sellers.approved.id}`, giaPhu)
        expect(own.status).toBe(200)
        expect(own.data.seller.products.map((p: Json) => p.handle).sort()).toEqual([
          "che",
          "gao",
          "mat-ong",
          "mien",
        ])
        const foreign = await call("get", `/commune/sellers/${sellers.xq.id}`, giaPhu)
        const missing = await call("get", "/commune/sellers/sel_does_not_exist", giaPhu)
        expect(foreign.status).toBe(404)
        expect(foreign.data).toEqual(missing.data)
        expect((await call("get", `/commune/sellers/${sellers.xq.id}`, province)).status).toBe(200)
        expect((await call("get", `/commune/sellers/${sellers.far.id}`, province)).status).toBe(404)
      })

      it("approval puts a seller's products in the store and suspension takes them out", async () => {
        expect(await storeHandles()).toEqual(["che", "gao", "mien", "xq-1"].sort())
        const approve = await call("post", `/commune/sellers/${sellers.pending.id}/approve`, giaPhu)
        expect(approve.status).toBe(200)
        expect(approve.data.seller).toMatchObject({ state: "approved", handle: "htx-moi" })
        expect(await storeHandles()).toContain("rau")
        const [entries] = await container
          .resolve<AuditModuleService>(AUDIT_MODULE)
          .listAuditEntries({ action: "seller.approve", resource_id: sellers.pending.id })
        expect(entries).toMatchObject({
          actor_type: "commune_officer",
          actor_id: officerId,
          seller_id: sellers.pending.id,
          commune_code: GIA_PHU,
        })

        const again = await call("post", `/commune/sellers/${sellers.pending.id}/approve`, giaPhu)
        expect(again.status).toBe(409)
        expect(again.data).toEqual({
          type: "conflict",
          message: "Người bán đã được duyệt",
          field: "state",
        })

        const noReason = await call("post", `/commune/sellers/${sellers.approved.id}/suspend`, {
          ...giaPhu,
          ...EN,
        })
        expect(noReason.status).toBe(400)
        expect(noReason.data).toEqual({
          type: "invalid_data",
          message: '"reason" is required',
          field: "reason",
        })
        const suspend = await call(
          "post",
          `/commune/sellers/${sellers.approved.id}/suspend`,
          giaPhu,
          {
            reason: "Bán hàng không đúng nguồn gốc",
          },
        )
        expect(suspend.status).toBe(200)
        expect(suspend.data.seller).toMatchObject({
          state: "suspended",
          state_reason: "Bán hàng không đúng nguồn gốc",
        })
        expect(await storeHandles()).toEqual(["rau", "xq-1"])
        const { data } = await api.get("/store/sellers", { headers: storeHeaders })
        expect(data.sellers.map((s: Json) => s.handle)).not.toContain("htx-gia-phu")
      })

      it("lets province officers read but not write, and other communes' officers not even see", async () => {
        const [, auditBefore] = await auditCount()
        const readOnly = await call(
          "post",
          `/commune/sellers/${sellers.pending.id}/approve`,
          province,
        )
        expect(readOnly.status).toBe(403)
        expect(readOnly.data.message).toBe("Cán bộ tỉnh chỉ được xem, không được sửa")
        const foreign = await call(
          "post",
          `/commune/sellers/${sellers.pending.id}/approve`,
          xuanQuang,
        )
        expect(foreign.status).toBe(404)
        const created = await call("post", "/commune/ocop-entries", province, entryBody())
        expect(created.status).toBe(403)
        // Nor suspend, nor review an owner's changes, in any language.
        const suspend = await call(
          "post",
          `/commune/sellers/${sellers.approved.id}/suspend`,
          { ...province, ...EN },
          { reason: "Thử tạm dừng" },
        )
        expect(suspend.status).toBe(403)
        expect(suspend.data.message).toBe("Province officers have read-only access")
        for (const decision of ["approve", "reject"]) {
          const review = await call(
            "post",
            `/commune/sellers/${sellers.approved.id}/changes/${decision}`,
            province,
            { reason: "Thử duyệt thay đổi" },
          )
          expect(review.status).toBe(403)
        }
        expect(
          (
            await container
              .resolve<SellerModuleService>(SELLER_MODULE)
              .retrieveSeller(sellers.approved.id)
          ).state,
        ).toBe("approved")

        const stored = await container
          .resolve<SellerModuleService>(SELLER_MODULE)
          .retrieveSeller(sellers.pending.id)
        expect(stored.state).toBe("pending")
        expect((await auditCount())[1]).toBe(auditBefore)
        expect((await entryCount())[1]).toBe(0)
        expect(await storeHandles()).not.toContain("rau")
      })
    })
  },
})
