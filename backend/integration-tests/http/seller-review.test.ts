/**
 * Changes the commune reviews (issue 14, items 2 and 4): the payee is the owner's alone, and a new
 * payee, name, address or phone counts only once the commune officer (or an operator) approves
 * it. Until then VietQR is not offered for that seller and the public pages keep the reviewed
 * identity. On the demo commune, whose sellers start with confirmed payees.
 */
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { SELLER_MODULE } from "../../src/modules/seller"
import type SellerModuleService from "../../src/modules/seller/service"
import { PUBLISHABLE_KEY_TITLE, seedDemoCommune } from "../../src/scripts/demo/seed-demo"
import { DEMO_ACCOUNTS, HELPED_SELLER } from "../../src/scripts/demo/seed-sellers"
import {
  type Json,
  payAndComplete,
  prepareCart,
  storeSdk,
  tryComplete,
} from "../helpers/checkout-scenario"
import { createOperator } from "../helpers/registry-fixtures"

const PASSWORD = "giaphu-demo"
const VIETQR = "pp_vietqr_vietqr"
const COPIED = "htx-nong-nghiep-gia-phu"
const NEW_PAYEE = {
  bank_bin: "970436",
  bank_account_number: "0071000999999",
  bank_account_name: "NGUOI KHAC",
}

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    describe("seller changes reviewed by the commune", () => {
      let storeHeaders: Record<string, string>
      let sdk: ReturnType<typeof storeSdk>
      let regionId: string
      const ok = { validateStatus: () => true }
      const bearer = (token: string) => ({ authorization: `Bearer ${token}` })
      const login = async (actor: string, email: string) =>
        bearer(
          (await api.post(`/auth/${actor}/emailpass`, { email, password: PASSWORD })).data
            .token as string,
        )
      const owner = (handle: string) => login("seller_member", DEMO_ACCOUNTS.sellerOwner(handle))
      const sellers = () => getContainer().resolve<SellerModuleService>(SELLER_MODULE)
      const sellerByHandle = async (handle: string) => (await sellers().listSellers({ handle }))[0]!

      /** A staff member of a demo seller, as an accepted invitation makes one. */
      async function staffOf(handle: string) {
        const seller = await sellerByHandle(handle)
        const email = `nhanvien.${handle}@example.test`
        const member = await sellers().createSellerMembers({
          email,
          name: "Nhân viên",
          role: "staff",
          seller_id: seller.id,
        })
        const auth = getContainer().resolve(Modules.AUTH)
        const { authIdentity } = await auth.register("emailpass", {
          body: { email, password: PASSWORD },
        })
        await auth.updateAuthIdentities({
          id: authIdentity!.id,
          app_metadata: { seller_member_id: member.id, seller_id: seller.id, role: "staff" },
        })
        return login("seller_member", email)
      }

      async function auditActions(sellerId: string) {
        const { rows } = await getContainer()
          .resolve(ContainerRegistrationKeys.PG_CONNECTION)
          .raw("select action, data from audit_entry where seller_id = ? order by created_at", [
            sellerId,
          ])
        return rows as { action: string; data: Json | null }[]
      }

      async function notificationsTo(email: string) {
        return getContainer().resolve(Modules.NOTIFICATION).listNotifications({ to: email })
      }

      /** A cart with one product of the seller, shipped by pickup. */
      async function cartOf(handle: string) {
        const { data } = await getContainer()
          .resolve(ContainerRegistrationKeys.QUERY)
          .graph({
            entity: "seller",
            fields: ["products.variants.id", "products.status"],
            filters: { handle },
          })
        const product = (data[0]!.products as Json[]).find((p) => p.status === "published")!
        const { cart } = await prepareCart(sdk, {
          regionId,
          items: [{ variant_id: product.variants[0].id, quantity: 1 }],
        })
        return cart as Json
      }

      const vietQrOffered = async (cartId: string) =>
        (await api.get(`/store/carts/${cartId}/vietqr`, { headers: storeHeaders })).data

      beforeEach(async () => {
        await seedDemoCommune(getContainer())
        const [key] = await getContainer()
          .resolve(Modules.API_KEY)
          .listApiKeys({ title: PUBLISHABLE_KEY_TITLE, type: "publishable" })
        storeHeaders = { "x-publishable-api-key": key.token }
        sdk = storeSdk(api.defaults.baseURL as string, key.token)
        const [region] = await getContainer().resolve(Modules.REGION).listRegions({})
        regionId = region!.id
      })

      it("refuses payee changes by staff and helpers with 403 naming the field, changing nothing", async () => {
        const seller = await sellerByHandle(HELPED_SELLER)
        const before = await auditActions(seller.id)
        const staff = await staffOf(HELPED_SELLER)
        const helper = {
          ...(await login("helper", DEMO_ACCOUNTS.helper)),
          "x-seller-id": seller.id,
        }
        for (const headers of [staff, helper]) {
          const res = await api.post(
            "/seller/me",
            { description: "x", ...NEW_PAYEE },
            {
              headers: { ...headers, "accept-language": "en" },
              ...ok,
            },
          )
          expect(res.status).toBe(403)
          expect(res.data.field).toBe("bank_bin")
          expect(res.data.message).toMatch(/owner may change the payee/)
          const vi = await api.post(
            "/seller/me",
            { bank_account_number: "999999999" },
            {
              headers,
              ...ok,
            },
          )
          expect(vi.status).toBe(403)
          expect(vi.data.field).toBe("bank_account_number")
          expect(vi.data.message).toMatch(/Chỉ chủ tài khoản/)
        }
        const after = await sellerByHandle(HELPED_SELLER)
        expect(after).toEqual(seller)
        expect(await auditActions(seller.id)).toEqual(before)
        // Sending the payee unchanged (a form posting every field) is no change, so it is allowed.
        const same = await api.post(
          "/seller/me",
          { description: "Mật ong rừng", bank_bin: seller.bank_bin },
          { headers: staff },
        )
        expect(same.status).toBe(200)
        expect(same.data.seller.description).toBe("Mật ong rừng")
      })

      it("holds VietQR while an owner's payee change awaits the commune, then pays the confirmed account", async () => {
        const seller = await sellerByHandle(HELPED_SELLER)
        const cart = await cartOf(HELPED_SELLER)
        expect(await vietQrOffered(cart.id)).toEqual({
          available: true,
          sellers_without_payee: [],
          cod_available: true,
          deposit_percent: null,
        })

        const change = await api.post("/seller/me", NEW_PAYEE, {
          headers: await owner(HELPED_SELLER),
        })
        expect(change.status).toBe(200)
        // The live payee stays the confirmed one; the new one waits.
        expect(change.data.seller).toMatchObject({
          bank_bin: seller.bank_bin,
          bank_account_number: seller.bank_account_number,
          pending_changes: NEW_PAYEE,
        })
        // The owner is told, and the change is in the audit log with its values.
        const mails = await notificationsTo(DEMO_ACCOUNTS.sellerOwner(HELPED_SELLER))
        expect(mails.map((m) => m.template)).toContain("seller-changes-submitted")
        const submitted = (await auditActions(seller.id)).find(
          (e) => e.action === "seller.submit_changes",
        )
        expect(submitted?.data?.submitted).toEqual(NEW_PAYEE)

        // Not offered, refused when asked for anyway, in the buyer's language.
        expect(await vietQrOffered(cart.id)).toEqual({
          available: false,
          sellers_without_payee: [{ id: seller.id, name: seller.name }],
          cod_available: true,
          deposit_percent: null,
        })
        const { data: created } = await api.post(
          "/store/payment-collections",
          { cart_id: cart.id },
          { headers: storeHeaders },
        )
        const session = await api.post(
          `/store/payment-collections/${created.payment_collection.id}/payment-sessions`,
          { provider_id: VIETQR },
          { headers: storeHeaders, ...ok },
        )
        expect(session.status).toBe(400)
        expect(session.data.field).toBe("provider_id")
        expect(session.data.message).toMatch(/chưa được xã xác nhận/)

        // Another commune's officer cannot see it; a province officer cannot decide.
        const province = await login("province_officer", DEMO_ACCOUNTS.provinceOfficer)
        const readOnly = await api.post(
          `/commune/sellers/${seller.id}/changes/approve`,
          {},
          {
            headers: province,
            ...ok,
          },
        )
        expect(readOnly.status).toBe(403)
        expect((await sellerByHandle(HELPED_SELLER)).bank_bin).toBe(seller.bank_bin)

        const officer = await login("commune_officer", DEMO_ACCOUNTS.communeOfficer)
        const detail = await api.get(`/commune/sellers/${seller.id}`, { headers: officer })
        expect(detail.data.seller).toMatchObject({
          pending_changes: NEW_PAYEE,
          accepts_vietqr: false,
        })
        const approved = await api.post(
          `/commune/sellers/${seller.id}/changes/approve`,
          {},
          { headers: officer },
        )
        expect(approved.status).toBe(200)
        expect(approved.data.seller).toMatchObject({
          ...NEW_PAYEE,
          pending_changes: null,
          accepts_vietqr: true,
        })
        expect(approved.data.seller.payee_confirmed_by).toMatch(/^commune_officer:/)
        const again = await api.post(
          `/commune/sellers/${seller.id}/changes/approve`,
          {},
          {
            headers: officer,
            ...ok,
          },
        )
        expect(again.status).toBe(409)

        const mails2 = await notificationsTo(DEMO_ACCOUNTS.sellerOwner(HELPED_SELLER))
        expect(mails2.map((m) => m.template)).toContain("seller-changes-approved")
        const approval = (await auditActions(seller.id)).find(
          (e) => e.action === "seller.approve_changes",
        )
        expect(approval?.data).toMatchObject({
          changes: NEW_PAYEE,
          previous: { bank_bin: seller.bank_bin, bank_account_number: seller.bank_account_number },
        })

        // Now VietQR is offered and the order's part pays the confirmed account.
        expect((await vietQrOffered(cart.id)).available).toBe(true)
        const result = (await payAndComplete(sdk, cart, VIETQR)) as Json
        expect(result.type).toBe("order")
        const { data } = await api.get(`/store/orders/${result.order.id}/parts`, {
          headers: storeHeaders,
        })
        expect(data.parts[0].vietqr).toMatchObject({
          bank_bin: NEW_PAYEE.bank_bin,
          account_number: NEW_PAYEE.bank_account_number,
        })
      })

      it("refuses a VietQR order in the split when the payee changed after the session was opened", async () => {
        const cart = await cartOf(HELPED_SELLER)
        await sdk.store.payment.initiatePaymentSession(cart as never, { provider_id: VIETQR })
        await api.post("/seller/me", NEW_PAYEE, { headers: await owner(HELPED_SELLER) })
        const result = await tryComplete(sdk, cart.id)
        expect(result.type).not.toBe("order")
        expect(JSON.stringify(result)).toMatch(/no payee confirmed by the commune/)
        const { rows } = await getContainer()
          .resolve(ContainerRegistrationKeys.PG_CONNECTION)
          .raw("select count(*)::int as n from order_part")
        expect(rows[0].n).toBe(0)
      })

      it("makes an approved payee the one every unpaid VietQR order of the seller pays", async () => {
        const seller = await sellerByHandle(HELPED_SELLER)
        const placed = (await payAndComplete(sdk, await cartOf(HELPED_SELLER), VIETQR)) as Json
        expect(placed.type).toBe("order")
        const qr = async () =>
          (await api.get(`/store/orders/${placed.order.id}/parts`, { headers: storeHeaders })).data
            .parts[0].vietqr
        expect(await qr()).toMatchObject({ account_number: seller.bank_account_number })

        // The owner corrects the account; until the commune confirms, the order keeps the old one.
        await api.post("/seller/me", NEW_PAYEE, { headers: await owner(HELPED_SELLER) })
        expect(await qr()).toMatchObject({ account_number: seller.bank_account_number })
        const officer = await login("commune_officer", DEMO_ACCOUNTS.communeOfficer)
        await api.post(`/commune/sellers/${seller.id}/changes/approve`, {}, { headers: officer })
        expect(await qr()).toMatchObject({
          bank_bin: NEW_PAYEE.bank_bin,
          account_number: NEW_PAYEE.bank_account_number,
        })
        const approval = (await auditActions(seller.id)).find(
          (e) => e.action === "seller.approve_changes",
        )
        expect(approval?.data?.repointed_parts).toHaveLength(1)
      })

      it("lets an operator reject a change: the confirmed payee stays and VietQR resumes", async () => {
        const seller = await sellerByHandle(HELPED_SELLER)
        await api.post("/seller/me", NEW_PAYEE, { headers: await owner(HELPED_SELLER) })
        const operator = (await createOperator(getContainer(), api)).headers
        const noReason = await api.post(
          `/admin/sellers/${seller.id}/changes/reject`,
          {},
          {
            headers: operator,
            ...ok,
          },
        )
        expect(noReason.status).toBe(400)
        expect(noReason.data.field).toBe("reason")
        const rejected = await api.post(
          `/admin/sellers/${seller.id}/changes/reject`,
          { reason: "Tên chủ tài khoản không khớp" },
          { headers: operator },
        )
        expect(rejected.status).toBe(200)
        expect(rejected.data.seller).toMatchObject({
          bank_account_number: seller.bank_account_number,
          pending_changes: null,
          accepts_vietqr: true,
        })
        const mails = await notificationsTo(DEMO_ACCOUNTS.sellerOwner(HELPED_SELLER))
        expect(mails.find((m) => m.template === "seller-changes-rejected")?.data).toMatchObject({
          reason: "Tên chủ tài khoản không khớp",
        })
        expect((await auditActions(seller.id)).map((e) => e.action)).toContain(
          "seller.reject_changes",
        )
      })

      it("gives no VietQR to a seller that signed up with a payee nobody confirmed", async () => {
        const { data: registration } = await api.post("/auth/seller_member/emailpass/register", {
          email: "moi@example.test",
          password: PASSWORD,
        })
        const signUp = await api.post(
          "/seller/sign-up",
          {
            seller: {
              name: "HTX Mới Gia Phú",
              kind: "cooperative",
              commune_code: "02923",
              address: "Thôn Cóc, xã Gia Phú",
              phone: "0912 000 222",
              ...NEW_PAYEE,
            },
            member: { name: "Người mới" },
          },
          { headers: bearer(registration.token) },
        )
        expect(signUp.status).toBe(201)
        const seller = await sellers().retrieveSeller(signUp.data.seller.id)
        expect(seller).toMatchObject({
          bank_bin: null,
          pending_changes: NEW_PAYEE,
          payee_confirmed_at: null,
        })
      })

      it("keeps a copied name, address and phone off public pages until the commune approves them", async () => {
        // The attack: an owner copies another cooperative's public identity onto its own profile.
        const victim = await sellerByHandle(COPIED)
        const seller = await sellerByHandle(HELPED_SELLER)
        const copy = { name: victim.name, address: victim.address, phone: victim.phone }
        const res = await api.post("/seller/me", copy, { headers: await owner(HELPED_SELLER) })
        expect(res.status).toBe(200)
        expect(res.data.seller).toMatchObject({ name: seller.name, pending_changes: copy })

        // Every public read keeps the reviewed identity: the seller page, product listings, and
        // the seller as the traceability service reads it from /seller/products/:id.
        const page = await api.get(`/store/sellers/${HELPED_SELLER}`, { headers: storeHeaders })
        expect(page.data.seller).toMatchObject({
          name: seller.name,
          address: seller.address,
          phone: seller.phone,
        })
        expect(JSON.stringify(page.data)).not.toContain(victim.name)
        const { data: list } = await api.get("/store/products?fields=*seller&limit=100", {
          headers: storeHeaders,
        })
        const helped = list.products.filter((p: Json) => p.seller?.handle === HELPED_SELLER)
        expect(helped.length).toBeGreaterThan(0)
        for (const p of helped) {
          expect(p.seller).toMatchObject({ name: seller.name, phone: seller.phone })
        }
        const { data: own } = await api.get("/seller/products", {
          headers: await owner(HELPED_SELLER),
        })
        const one = await api.get(`/seller/products/${own.products[0].id}`, {
          headers: await owner(HELPED_SELLER),
        })
        expect(JSON.stringify(one.data)).not.toContain(victim.name)

        // The commune sees both, and its approval is what makes a new identity public.
        const officer = await login("commune_officer", DEMO_ACCOUNTS.communeOfficer)
        await api.post(
          `/commune/sellers/${seller.id}/changes/reject`,
          { reason: "Trùng tên HTX khác" },
          {
            headers: officer,
          },
        )
        const rename = { name: "Hộ kinh doanh Lò Văn Sinh (Cóc)" }
        await api.post("/seller/me", rename, { headers: await owner(HELPED_SELLER) })
        await api.post(`/commune/sellers/${seller.id}/changes/approve`, {}, { headers: officer })
        const renamed = await api.get(`/store/sellers/${HELPED_SELLER}`, { headers: storeHeaders })
        expect(renamed.data.seller.name).toBe(rename.name)
      })
    })
  },
})
