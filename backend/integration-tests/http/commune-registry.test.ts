import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { asConflict } from "../../src/api/commune/ocop-entries/registry"
import { addDays, addMonths, vietnamToday } from "../../src/lib/dates"
import { AUDIT_MODULE } from "../../src/modules/audit"
import type AuditModuleService from "../../src/modules/audit/service"
import { COMMUNE_MODULE } from "../../src/modules/commune"
import type CommuneModuleService from "../../src/modules/commune/service"
import {
  entryBody as baseEntry,
  type CommuneScenario,
  setUpCommuneScenario,
} from "../helpers/commune-scenario"
import { GIA_PHU, XUAN_QUANG } from "../helpers/registry-fixtures"

// biome-ignore lint/suspicious/noExplicitAny: response bodies, checked by the assertions that read them
type Json = Record<string, any>
type Headers = Record<string, string>

const EN = { "accept-language": "en" }

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    const call = async (method: string, url: string, headers: Headers, data?: unknown) =>
      api.request({ method, url, headers, data, validateStatus: () => true })

    describe("commune API: the OCOP registry", () => {
      let container: MedusaContainer
      let scenario: CommuneScenario
      let giaPhu: Headers
      let xuanQuang: Headers
      let province: Headers
      let sellers: CommuneScenario["sellers"]
      let products: CommuneScenario["products"]

      const auditCount = () =>
        container.resolve<AuditModuleService>(AUDIT_MODULE).listAndCountAuditEntries({})
      const entryCount = () =>
        container.resolve<CommuneModuleService>(COMMUNE_MODULE).listAndCountOcopEntries({})
      const entryBody = (overrides: Json = {}) => baseEntry(scenario, overrides)

      beforeEach(async () => {
        container = getContainer()
        scenario = await setUpCommuneScenario(container, api)
        ;({ giaPhu, xuanQuang, province, sellers, products } = scenario)
      })

      it("registers an OCOP product with a 36-month certificate by default", async () => {
        const [, auditBefore] = await auditCount()
        const res = await call("post", "/commune/ocop-entries", giaPhu, entryBody())
        expect(res.status).toBe(201)
        expect(res.data.ocop_entry).toMatchObject({
          commune_code: GIA_PHU,
          seller: { id: sellers.approved.id, handle: "htx-gia-phu", name: "HTX Gia Phú" },
          stars: 3,
          issued_on: "2024-03-15",
          expires_on: "2027-03-15",
          listing: { id: products.gao, handle: "gao", title: "Sản phẩm gao", status: "published" },
          online: true,
          offline_reasons: [],
          expired: false,
        })
        expect((await auditCount())[1]).toBe(auditBefore + 1)
        const id = res.data.ocop_entry.id
        const one = await call("get", `/commune/ocop-entries/${id}`, giaPhu)
        expect(one.data.ocop_entry.id).toBe(id)
        const list = await call("get", "/commune/ocop-entries", giaPhu)
        expect(list.data).toMatchObject({ count: 1, limit: 20, offset: 0 })

        const given = await call(
          "post",
          "/commune/ocop-entries",
          giaPhu,
          entryBody({
            product_id: products.che,
            certificate_number: "16/2024/OCOP-GP",
            expires_on: "2026-12-31",
          }),
        )
        expect(given.data.ocop_entry.expires_on).toBe("2026-12-31")
      })

      it("rejects a bad registry entry naming the field, and writes nothing", async () => {
        await call("post", "/commune/ocop-entries", giaPhu, entryBody())
        const [, auditBefore] = await auditCount()
        const today = vietnamToday()
        const cases: [Json, number, string][] = [
          [{ stars: 6 }, 400, "stars"],
          [{ stars: "3" }, 400, "stars"],
          [{ group: "handicraft" }, 400, "group"],
          [{ product_name: undefined }, 400, "product_name"],
          [{ issued_on: addDays(today, 1) }, 400, "issued_on"],
          [{ issued_on: "2024-02-30" }, 400, "issued_on"],
          [{ expires_on: "2024-03-15" }, 400, "expires_on"],
          [{ owner: "x" }, 400, "owner"],
          [{ seller_id: sellers.xq.id, product_id: products["xq-1"] }, 400, "seller_id"],
          [{ seller_id: "sel_does_not_exist" }, 400, "seller_id"],
          [{ product_id: products["xq-1"] }, 400, "product_id"],
          [{ product_id: products.rau }, 400, "product_id"],
          [{ certificate_number: "other" }, 409, "product_id"],
          [{ product_id: products.che }, 409, "certificate_number"],
        ]
        for (const [overrides, status, field] of cases) {
          const res = await call("post", "/commune/ocop-entries", giaPhu, entryBody(overrides))
          expect({ overrides, status: res.status, field: res.data.field }).toEqual({
            overrides,
            status,
            field,
          })
        }
        expect((await entryCount())[1]).toBe(1)
        expect((await auditCount())[1]).toBe(auditBefore)

        const vi = await call("post", "/commune/ocop-entries", giaPhu, entryBody({ stars: 2 }))
        expect(vi.data.message).toBe('"stars": phải là 3, 4 hoặc 5 sao')
        const en = await call(
          "post",
          "/commune/ocop-entries",
          { ...giaPhu, ...EN },
          entryBody({ stars: 2 }),
        )
        expect(en.data.message).toBe('"stars": must be 3, 4 or 5 stars')
        const order = await call(
          "post",
          "/commune/ocop-entries",
          { ...giaPhu, ...EN },
          entryBody({ product_id: null, certificate_number: "x", expires_on: "2024-01-01" }),
        )
        expect(order.data).toEqual({
          type: "invalid_data",
          message: '"expires_on" must be after the issue date (2024-03-15)',
          field: "expires_on",
        })
      })

      it("turns a duplicate that slipped past the checks into the same 409", async () => {
        const first = await call("post", "/commune/ocop-entries", giaPhu, entryBody())
        const entry = {
          commune_code: GIA_PHU,
          seller_id: sellers.approved.id,
          product_name: "Gạo",
          group: "food",
          stars: 3,
          certificate_number: "other",
          decision_number: null,
          issuing_level: "province",
          issued_on: new Date("2024-03-15T00:00:00Z"),
          expires_on: new Date("2027-03-15T00:00:00Z"),
          product_id: products.gao,
        }
        // As if a second officer's request had passed checkEntry before the first one committed.
        const race = async (overrides: Json) => {
          try {
            await container.resolve(Modules.WORKFLOW_ENGINE).run("create-ocop-entry", {
              input: {
                entry: { ...entry, ...overrides },
                actor: { actor_type: "test", actor_id: "t" },
              },
              throwOnError: true,
            })
          } catch (error) {
            return asConflict(error)
          }
          return null
        }
        expect(await race({})).toMatchObject({ status: 409, field: "product_id" })
        expect(
          await race({
            product_id: null,
            certificate_number: first.data.ocop_entry.certificate_number,
          }),
        ).toMatchObject({ status: 409, field: "certificate_number" })
        expect((await entryCount())[1]).toBe(1)
      })

      it("shows whether each listing is online and each certificate still valid", async () => {
        const today = vietnamToday()
        const create = async (overrides: Json) =>
          (await call("post", "/commune/ocop-entries", giaPhu, entryBody(overrides))).data
            .ocop_entry
        const gao = await create({})
        const che = await create({ product_id: products.che, certificate_number: "c-che" })
        const matOng = await create({ product_id: products["mat-ong"], certificate_number: "c-mo" })
        const mien = await create({ product_id: products.mien, certificate_number: "c-mien" })
        const old = await create({
          product_id: null,
          certificate_number: "c-old",
          issued_on: "2020-01-01",
        })
        const soon = await create({
          product_id: null,
          certificate_number: "c-soon",
          issued_on: addDays(addMonths(today, -36), 30),
        })
        expect(che).toMatchObject({ online: false, offline_reasons: ["out_of_stock"] })
        expect(matOng).toMatchObject({ online: false, offline_reasons: ["not_published"] })
        expect(mien).toMatchObject({ online: false, offline_reasons: ["no_vnd_price"] })
        expect(old).toMatchObject({
          expires_on: "2023-01-01",
          expired: true,
          expiring_soon: false,
          online: false,
          offline_reasons: ["no_listing"],
          listing: null,
        })
        expect(soon).toMatchObject({ expired: false, expiring_soon: true })
        expect(gao).toMatchObject({ expired: false, expiring_soon: false })

        const statuses = async (status: string) =>
          (await call("get", `/commune/ocop-entries?status=${status}`, giaPhu)).data.ocop_entries
            .map((e: Json) => e.certificate_number)
            .sort()
        expect(await statuses("expired")).toEqual(["c-old"])
        expect(await statuses("expiring_soon")).toEqual(["c-soon"])
        expect(await statuses("valid")).toHaveLength(5)

        // Stock arrives at the seller's location: the listing goes online.
        const inventory = container.resolve(Modules.INVENTORY)
        const [item] = await inventory.listInventoryItems({ sku: "CHE" })
        const [level] = await inventory.listInventoryLevels({ inventory_item_id: item!.id })
        await inventory.updateInventoryLevels([
          { inventory_item_id: item!.id, location_id: level!.location_id, stocked_quantity: 5 },
        ])
        const after = await call("get", `/commune/ocop-entries/${che.id}`, giaPhu)
        expect(after.data.ocop_entry).toMatchObject({ online: true, offline_reasons: [] })

        await call("post", `/commune/sellers/${sellers.approved.id}/suspend`, giaPhu, {
          reason: "Tạm ngưng để kiểm tra",
        })
        const suspended = await call("get", `/commune/ocop-entries/${gao.id}`, giaPhu)
        expect(suspended.data.ocop_entry).toMatchObject({
          online: false,
          offline_reasons: ["not_in_sales_channel"],
        })
      })

      it("updates, renews and deletes entries within the officer's commune only", async () => {
        const { ocop_entry: entry } = (
          await call("post", "/commune/ocop-entries", giaPhu, entryBody())
        ).data
        const stars = await call("post", `/commune/ocop-entries/${entry.id}`, giaPhu, { stars: 4 })
        expect(stars.data.ocop_entry).toMatchObject({ stars: 4, expires_on: "2027-03-15" })
        const renewed = await call("post", `/commune/ocop-entries/${entry.id}`, giaPhu, {
          issued_on: "2025-01-10",
        })
        expect(renewed.data.ocop_entry).toMatchObject({
          issued_on: "2025-01-10",
          expires_on: "2028-01-10",
        })
        const empty = await call("post", `/commune/ocop-entries/${entry.id}`, giaPhu, {})
        expect(empty.status).toBe(400)
        const badOrder = await call("post", `/commune/ocop-entries/${entry.id}`, giaPhu, {
          expires_on: "2024-12-31",
        })
        expect(badOrder.status).toBe(400)
        expect(badOrder.data.field).toBe("expires_on")

        const [, auditBefore] = await auditCount()
        const foreignUpdate = await call("post", `/commune/ocop-entries/${entry.id}`, xuanQuang, {
          stars: 5,
        })
        const foreignDelete = await call("delete", `/commune/ocop-entries/${entry.id}`, xuanQuang)
        const missing = await call("delete", "/commune/ocop-entries/ocop_missing", xuanQuang)
        expect([foreignUpdate.status, foreignDelete.status]).toEqual([404, 404])
        expect(foreignDelete.data).toEqual(missing.data)
        expect((await call("get", `/commune/ocop-entries/${entry.id}`, xuanQuang)).status).toBe(404)
        expect((await call("delete", `/commune/ocop-entries/${entry.id}`, province)).status).toBe(
          403,
        )
        expect((await auditCount())[1]).toBe(auditBefore)
        const kept = await call("get", `/commune/ocop-entries/${entry.id}`, province)
        expect(kept.data.ocop_entry.stars).toBe(4)

        const removed = await call("delete", `/commune/ocop-entries/${entry.id}`, giaPhu)
        expect(removed.data).toEqual({ id: entry.id, object: "ocop_entry", deleted: true })
        expect((await call("get", `/commune/ocop-entries/${entry.id}`, giaPhu)).status).toBe(404)
        const actions = (
          await container
            .resolve<AuditModuleService>(AUDIT_MODULE)
            .listAuditEntries({ resource_id: entry.id }, { order: { created_at: "ASC" } })
        ).map((a) => a.action)
        expect(actions).toEqual([
          "ocop_entry.create",
          "ocop_entry.update",
          "ocop_entry.update",
          "ocop_entry.delete",
        ])
        // The listing is free for a new entry once the old one is gone.
        const again = await call("post", "/commune/ocop-entries", giaPhu, entryBody())
        expect(again.status).toBe(201)
      })

      it("gives a province officer every commune's registry of its province", async () => {
        await call("post", "/commune/ocop-entries", giaPhu, entryBody())
        const xq = await call(
          "post",
          "/commune/ocop-entries",
          xuanQuang,
          entryBody({
            seller_id: sellers.xq.id,
            product_id: products["xq-1"],
            certificate_number: "01/2024/OCOP-XQ",
          }),
        )
        expect(xq.status).toBe(201)
        const wide = await call("get", "/commune/ocop-entries", province)
        expect(wide.data.ocop_entries.map((e: Json) => e.commune_code).sort()).toEqual(
          [XUAN_QUANG, GIA_PHU].sort(),
        )
        const own = await call("get", "/commune/ocop-entries", giaPhu)
        expect(own.data.ocop_entries.map((e: Json) => e.commune_code)).toEqual([GIA_PHU])
        const bySeller = await call(
          "get",
          `/commune/ocop-entries?seller_id=${sellers.xq.id}`,
          province,
        )
        expect(bySeller.data.count).toBe(1)
      })
    })
  },
})
