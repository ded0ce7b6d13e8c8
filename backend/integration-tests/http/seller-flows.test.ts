/**
 * The seller's own flows through the HTTP API, as the portal will drive them: sign-up, approval,
 * listing and publishing a product, stock, staff invitations, helper grants and the audit log.
 */
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { AUDIT_MODULE } from "../../src/modules/audit"
import type AuditModuleService from "../../src/modules/audit/service"
import { mailsTo } from "../../src/modules/mail-outbox/outbox"
import { PUBLISHABLE_KEY_TITLE, seedDemoCommune } from "../../src/scripts/demo/seed-demo"
import { DEMO_ACCOUNTS, HELPED_SELLER } from "../../src/scripts/demo/seed-sellers"

const PASSWORD = "giaphu-demo"

/** A JWT's claims (the signature is the backend's business; the test reads what it says). */
const decodeJwt = (token: string) =>
  JSON.parse(Buffer.from(token.split(".")[1]!, "base64url").toString("utf8")) as unknown

const newSeller = {
  seller: {
    name: "HTX Chè Phú Long",
    kind: "cooperative",
    commune_code: "02923",
    village_code: "02923-09",
    address: "Thôn Phú Long, xã Gia Phú",
    phone: "0912 000 111",
    tax_code: "5300123456",
    bank_bin: "970415",
    bank_account_number: "113366668888",
    bank_account_name: "HTX CHE PHU LONG",
  },
  member: { name: "Hoàng Văn Long" },
}

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    describe("seller flows", () => {
      let storeHeaders: Record<string, string>
      const bearer = (token: string) => ({ authorization: `Bearer ${token}` })
      const ok = { validateStatus: () => true }

      const register = async (actor: string, email: string) =>
        (await api.post(`/auth/${actor}/emailpass/register`, { email, password: PASSWORD })).data
          .token as string
      const login = async (actor: string, email: string) =>
        (await api.post(`/auth/${actor}/emailpass`, { email, password: PASSWORD })).data
          .token as string

      beforeEach(async () => {
        await seedDemoCommune(getContainer())
        const [key] = await getContainer()
          .resolve(Modules.API_KEY)
          .listApiKeys({ title: PUBLISHABLE_KEY_TITLE, type: "publishable" })
        storeHeaders = { "x-publishable-api-key": key.token }
      })

      it("signs up a cooperative that sells only after the commune approves it", async () => {
        const registration = await register("seller_member", "long@phulong.example")
        const signUp = await api.post("/seller/sign-up", newSeller, {
          headers: bearer(registration),
        })
        expect(signUp.status).toBe(201)
        expect(signUp.data.seller).toMatchObject({
          handle: "htx-che-phu-long",
          state: "pending",
          province_code: "15",
        })
        // A second sign-up with the same login is refused.
        const again = await api.post("/seller/sign-up", newSeller, {
          headers: bearer(await login("seller_member", "long@phulong.example")),
          ...ok,
        })
        expect(again.status).toBe(409)

        // The new login's token now names the seller (the traceability service reads it).
        const token = await login("seller_member", "long@phulong.example")
        const claims = decodeJwt(token) as { app_metadata: Record<string, string> }
        expect(claims.app_metadata.seller_id).toBe(signUp.data.seller.id)
        expect(claims.app_metadata.role).toBe("owner")

        // Fractions of a dong are refused, naming the field, in the client's language.
        const product = {
          title: "Chè xanh Phú Long",
          variants: [{ title: "Gói 200 g", price: 85000.5, stock: 10 }],
        }
        const fraction = await api.post("/seller/products", product, {
          headers: { ...bearer(token), "accept-language": "en-US,en;q=0.9" },
          ...ok,
        })
        expect(fraction.status).toBe(400)
        expect(fraction.data.field).toBe("variants.0.price")
        expect(fraction.data.message).toMatch(/whole dong/)
        const vi = await api.post("/seller/products", product, { headers: bearer(token), ...ok })
        expect(vi.data.message).toMatch(/số đồng nguyên/)
        const { rows } = await getContainer()
          .resolve(ContainerRegistrationKeys.PG_CONNECTION)
          .raw("select count(*)::int as n from product where title = ?", [product.title])
        expect(rows[0].n).toBe(0)

        // A 265-character name is refused with the limit named, never stored cut to 200.
        const longTitle = `Chè xanh Phú Long ${"tôm ".repeat(62)}`.trim().padEnd(265, "x")
        expect(longTitle).toHaveLength(265)
        const tooLong = await api.post(
          "/seller/products",
          { ...product, title: longTitle, variants: [{ title: "Gói", price: 85000 }] },
          { headers: bearer(token), ...ok },
        )
        expect(tooLong.status).toBe(400)
        expect(tooLong.data).toMatchObject({
          field: "title",
          message: '"title" chỉ được tối đa 200 ký tự (đã nhập 265)',
        })
        const renamed = await api.post(
          "/seller/me",
          { name: longTitle },
          { headers: { ...bearer(token), "accept-language": "en" }, ...ok },
        )
        expect(renamed.status).toBe(400)
        expect(renamed.data).toMatchObject({
          field: "name",
          message: '"name" must have at most 200 characters (265 given)',
        })
        const stored = await getContainer()
          .resolve(ContainerRegistrationKeys.PG_CONNECTION)
          .raw("select count(*)::int as n from product where title like ?", [
            "Chè xanh Phú Long tôm%",
          ])
        expect(stored.rows[0].n).toBe(0)

        const created = await api.post(
          "/seller/products",
          { ...product, variants: [{ title: "Gói 200 g", price: 85000, stock: 10 }] },
          { headers: bearer(token) },
        )
        expect(created.status).toBe(201)
        expect(created.data.product).toMatchObject({ status: "draft", in_store: false })
        expect(created.data.product.variants[0]).toMatchObject({ price: 85000, stock: 10 })
        const id = created.data.product.id
        await api.post(`/seller/products/${id}/publish`, {}, { headers: bearer(token) })

        const visible = async () =>
          (
            await api.get(`/store/products?handle=${created.data.product.handle}`, {
              headers: storeHeaders,
            })
          ).data.count
        // Published, but the seller is still pending: not in the store.
        expect(await visible()).toBe(0)

        const officer = await login("commune_officer", DEMO_ACCOUNTS.communeOfficer)
        const approve = await api.post(
          `/commune/sellers/${signUp.data.seller.id}/approve`,
          {},
          { headers: bearer(officer) },
        )
        expect(approve.status).toBe(200)
        expect(await visible()).toBe(1)

        // Stock is set at the seller's own location.
        const variantId = created.data.product.variants[0].id
        const stock = await api.post(
          `/seller/products/${id}/variants/${variantId}/stock`,
          { quantity: 25 },
          { headers: bearer(token) },
        )
        expect(stock.data.product.variants[0].stock).toBe(25)

        // Suspension takes the goods out of the store again, and a suspended seller cannot publish.
        await api.post(
          `/commune/sellers/${signUp.data.seller.id}/suspend`,
          { reason: "Hồ sơ thiếu" },
          { headers: bearer(officer) },
        )
        expect(await visible()).toBe(0)
        const publish = await api.post(
          `/seller/products/${id}/publish`,
          {},
          { headers: bearer(token), ...ok },
        )
        expect(publish.status).toBe(403)

        const audit = await api.get("/seller/audit-log", { headers: bearer(token) })
        const actions = audit.data.entries.map((e: { action: string }) => e.action)
        expect(actions).toEqual(
          expect.arrayContaining([
            "seller.sign_up",
            "product.create",
            "product.publish",
            "seller.approve",
            "product.set_stock",
            "seller.suspend",
          ]),
        )
      })

      it("invites staff by email and lets only the invited address join", async () => {
        const owner = await login("seller_member", DEMO_ACCOUNTS.sellerOwner(HELPED_SELLER))
        const invite = await api.post(
          "/seller/invites",
          { email: "nhanvien@example.com" },
          { headers: bearer(owner) },
        )
        expect(invite.status).toBe(201)
        expect(JSON.stringify(invite.data)).not.toMatch(/token/)

        // The mail provider received the mail with the link.
        const notifications = await getContainer()
          .resolve(Modules.NOTIFICATION)
          .listNotifications({ to: "nhanvien@example.com" })
        expect(notifications).toHaveLength(1)
        const mail = mailsTo("nhanvien@example.com").at(-1)!
        const link = /https?:\/\/\S+token=\S+/.exec(mail.text ?? "")![0]
        const token = new URL(link).searchParams.get("token")!
        expect(token.length).toBeGreaterThan(20)
        // The token is nowhere at rest: not in the stored notification, not in any table's text.
        expect(JSON.stringify(notifications)).not.toContain(token)
        const db = getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION)
        const { rows: stored } = await db.raw(
          "select count(*)::int as n from notification where data::text like ?",
          [`%${token}%`],
        )
        expect(stored[0].n).toBe(0)
        const { rows: invites } = await db.raw(
          "select count(*)::int as n from seller_invite where token_hash = ?",
          [token],
        )
        expect(invites[0].n).toBe(0)

        const stranger = await register("seller_member", "nguoila@example.com")
        const wrong = await api.post(
          "/seller/invites/accept",
          { token, name: "Người lạ" },
          { headers: bearer(stranger), ...ok },
        )
        expect(wrong.status).toBe(400)
        expect(wrong.data.field).toBe("email")

        const invited = await register("seller_member", "nhanvien@example.com")
        const accepted = await api.post(
          "/seller/invites/accept",
          { token, name: "Lò Thị Mai" },
          { headers: bearer(invited) },
        )
        expect(accepted.status).toBe(201)
        expect(accepted.data.member.role).toBe("staff")
        const reused = await api.post(
          "/seller/invites/accept",
          { token, name: "Lò Thị Mai" },
          { headers: bearer(await register("seller_member", "khac@example.com")), ...ok },
        )
        expect(reused.status).toBe(400)

        // Staff work on products but may not manage members.
        const staff = await login("seller_member", "nhanvien@example.com")
        expect((await api.get("/seller/products", { headers: bearer(staff) })).status).toBe(200)
        expect((await api.get("/seller/members", { headers: bearer(staff), ...ok })).status).toBe(
          403,
        )
        const members = await api.get("/seller/members", { headers: bearer(owner) })
        expect(members.data.members.map((m: { email: string }) => m.email)).toContain(
          "nhanvien@example.com",
        )
      })

      it("lets a helper act only while granted, recording each act on behalf of the seller", async () => {
        const owner = await login("seller_member", DEMO_ACCOUNTS.sellerOwner("hkd-tran-van-hoa"))
        const helperEmail = "tocongnghe@giaphu.example"
        await api.post(
          "/helper/sign-up",
          { name: "Tổ công nghệ thôn Phú An", commune_code: "02923" },
          { headers: bearer(await register("helper", helperEmail)) },
        )
        const helper = await login("helper", helperEmail)
        const me = await api.get("/seller/me", { headers: bearer(owner) })
        const sellerId = me.data.seller.id
        const asHelper = { ...bearer(helper), "x-seller-id": sellerId }

        expect((await api.get("/seller/me", { headers: asHelper, ...ok })).status).toBe(404)
        const grant = await api.post(
          "/seller/helpers",
          { email: helperEmail },
          { headers: bearer(owner) },
        )
        expect(grant.status).toBe(201)
        expect(JSON.stringify(grant.data)).not.toMatch(/token/)
        // Not live until the helper accepts with the link mailed to its address.
        expect((await api.get("/seller/me", { headers: asHelper, ...ok })).status).toBe(404)
        const link = /https?:\/\/\S+token=\S+/.exec(mailsTo(helperEmail).at(-1)?.text ?? "")![0]
        expect(link).toContain("/seller/helper-accept")
        const accepted = await api.post(
          "/helper/grants/accept",
          { token: new URL(link).searchParams.get("token") },
          { headers: bearer(helper) },
        )
        expect(accepted.status).toBe(200)

        const acting = await api.get("/seller/me", { headers: asHelper })
        expect(acting.data).toMatchObject({
          seller: { id: sellerId },
          actor: { type: "helper", role: "helper" },
          acting_on_behalf_of: sellerId,
        })
        await api.post("/seller/me", { description: "Rau sạch thôn Phú An" }, { headers: asHelper })

        // The delegated token for the traceability service names the seller and expires soon.
        const delegated = await api.post(
          `/helper/sellers/${sellerId}/token`,
          {},
          { headers: bearer(helper) },
        )
        const claims = decodeJwt(delegated.data.token) as {
          actor_type: string
          exp: number
          iat: number
          app_metadata: Record<string, string>
        }
        expect(claims.actor_type).toBe("helper")
        expect(claims.app_metadata).toMatchObject({ seller_id: sellerId, on_behalf_of: sellerId })
        expect(claims.exp - claims.iat).toBe(15 * 60)

        const entries = await getContainer()
          .resolve<AuditModuleService>(AUDIT_MODULE)
          .listAuditEntries({ seller_id: sellerId, action: "seller.update" })
        expect(entries).toHaveLength(1)
        expect(entries[0]).toMatchObject({ actor_type: "helper", on_behalf_of: sellerId })

        await api.delete(`/seller/helpers/${grant.data.grant.id}`, { headers: bearer(owner) })
        expect((await api.get("/seller/me", { headers: asHelper, ...ok })).status).toBe(404)
        const token = await api.post(
          `/helper/sellers/${sellerId}/token`,
          {},
          { headers: bearer(helper), ...ok },
        )
        expect(token.status).toBe(404)
      })

      it("describes a product the way the traceability service reads it", async () => {
        const owner = await login(
          "seller_member",
          DEMO_ACCOUNTS.sellerOwner("htx-nong-nghiep-gia-phu"),
        )
        const list = await api.get("/seller/products", { headers: bearer(owner) })
        const rice = list.data.products.find(
          (p: { handle: string }) => p.handle === "gao-seng-cu-gia-phu-5kg",
        )
        const { data } = await api.get(`/seller/products/${rice.id}`, { headers: bearer(owner) })
        expect(data.product).toMatchObject({
          title: "Gạo Séng Cù Gia Phú (túi 5 kg)",
          ocop: { stars: 3, certificate_number: expect.stringMatching(/^OCOP-GP-2024-/) },
          seller: {
            handle: "htx-nong-nghiep-gia-phu",
            kind: "cooperative",
            commune_code: "02923",
            commune_name: "Xã Gia Phú",
            province_code: "15",
            province_name: "Tỉnh Lào Cai",
            village_name: "Thôn Phú Xuân",
          },
        })
        expect(data.product.variants[0]).toMatchObject({ price: 185000 })
        // Private seller fields stay out of it.
        expect(JSON.stringify(data)).not.toMatch(/bank_account|tax_code/)
      })

      it("seeds a registry where the commune's 9 OCOP products are all online", async () => {
        const officer = await login("commune_officer", DEMO_ACCOUNTS.communeOfficer)
        const { data } = await api.get("/commune/ocop-entries?limit=100", {
          headers: bearer(officer),
        })
        expect(data.ocop_entries).toHaveLength(9)
        for (const entry of data.ocop_entries) {
          expect(entry).toMatchObject({ stars: 3, online: true, expired: false })
        }
      })
    })
  },
})
