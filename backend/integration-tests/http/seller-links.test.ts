/**
 * Links and addresses a seller hands out (issue 14, item 12): a helper grant binds only to the
 * account that proves the granted address, invitation tokens are stored and logged nowhere, and
 * picture URLs are http(s) only.
 */
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { mailsTo } from "../../src/modules/mail-outbox/outbox"
import { seedDemoCommune } from "../../src/scripts/demo/seed-demo"
import { DEMO_ACCOUNTS } from "../../src/scripts/demo/seed-sellers"

const PASSWORD = "giaphu-demo"
const SELLER = "hkd-tran-van-hoa"

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    describe("links a seller hands out", () => {
      const ok = { validateStatus: () => true }
      const bearer = (token: string) => ({ authorization: `Bearer ${token}` })
      const register = async (actor: string, email: string) =>
        (await api.post(`/auth/${actor}/emailpass/register`, { email, password: PASSWORD })).data
          .token as string
      const login = async (actor: string, email: string) =>
        (await api.post(`/auth/${actor}/emailpass`, { email, password: PASSWORD })).data
          .token as string
      const signUpHelper = async (email: string, name: string) => {
        const res = await api.post(
          "/helper/sign-up",
          { name, commune_code: "02923" },
          { headers: bearer(await register("helper", email)) },
        )
        expect(res.status).toBe(201)
        return login("helper", email)
      }
      const tokenIn = (text: string | null | undefined) =>
        new URL(/https?:\/\/\S+token=\S+/.exec(text ?? "")![0]).searchParams.get("token")!

      beforeEach(async () => {
        await seedDemoCommune(getContainer())
      })

      it("does not let an account registered first under a helper's e-mail take the seller's grant", async () => {
        const owner = bearer(await login("seller_member", DEMO_ACCOUNTS.sellerOwner(SELLER)))
        const sellerId = (await api.get("/seller/me", { headers: owner })).data.seller.id
        // The attacker registers the village helper's address before the owner grants it.
        const address = "tocongnghe.phuan@giaphu.example"
        const squatter = await signUpHelper(address, "Kẻ giả danh")
        const asSquatter = { ...bearer(squatter), "x-seller-id": sellerId }

        const grant = await api.post("/seller/helpers", { email: address }, { headers: owner })
        expect(grant.status).toBe(201)
        expect(grant.data.grant.accepted_at).toBeNull()

        // The account has the login, but the grant is not live without the mailed token.
        expect((await api.get("/seller/me", { headers: asSquatter, ...ok })).status).toBe(404)
        expect(
          (await api.post("/seller/me", { description: "x" }, { headers: asSquatter, ...ok }))
            .status,
        ).toBe(404)
        expect(
          (await api.get("/helper/sellers", { headers: bearer(squatter) })).data.sellers,
        ).toEqual([])
        const minted = await api.post(
          `/helper/sellers/${sellerId}/token`,
          {},
          {
            headers: bearer(squatter),
            ...ok,
          },
        )
        expect(minted.status).toBe(404)
        const guessed = await api.post(
          "/helper/grants/accept",
          { token: "x".repeat(32) },
          { headers: bearer(squatter), ...ok },
        )
        expect(guessed.status).toBe(400)
        expect(guessed.data.field).toBe("token")

        // The token went to the mailbox. Its reader, signed in as another helper account, cannot
        // attach the grant to that account either: the grant names the account the owner chose.
        const token = tokenIn(mailsTo(address).at(-1)?.text)
        const other = await signUpHelper("nguoi.that@giaphu.example", "Người thật")
        const elsewhere = await api.post(
          "/helper/grants/accept",
          { token },
          {
            headers: bearer(other),
            ...ok,
          },
        )
        expect(elsewhere.status).toBe(400)
        expect(
          (
            await api.get("/seller/me", {
              headers: { ...bearer(other), "x-seller-id": sellerId },
              ...ok,
            })
          ).status,
        ).toBe(404)
        // The owner sees the grant as awaiting acceptance, and can withdraw it.
        const listed = await api.get("/seller/helpers", { headers: owner })
        expect(listed.data.helpers).toEqual([
          expect.objectContaining({ grant_id: grant.data.grant.id, accepted_at: null }),
        ])
        const { rows } = await getContainer()
          .resolve(ContainerRegistrationKeys.PG_CONNECTION)
          .raw("select accepted_at, token_hash from helper_grant where id = ?", [
            grant.data.grant.id,
          ])
        expect(rows[0].accepted_at).toBeNull()
        expect(rows[0].token_hash).not.toBe(token)
      })

      it("stores and logs no usable invitation or grant token", async () => {
        const owner = bearer(await login("seller_member", DEMO_ACCOUNTS.sellerOwner(SELLER)))
        await signUpHelper("hotro.b@giaphu.example", "Hỗ trợ B")
        await api.post("/seller/invites", { email: "nv.b@example.test" }, { headers: owner })
        await api.post("/seller/helpers", { email: "hotro.b@giaphu.example" }, { headers: owner })
        const tokens = [
          tokenIn(mailsTo("nv.b@example.test").at(-1)?.text),
          tokenIn(mailsTo("hotro.b@giaphu.example").at(-1)?.text),
        ]
        const db = getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION)
        for (const token of tokens) {
          for (const [table, column] of [
            ["notification", "data"],
            ["notification", "provider_data"],
            ["audit_entry", "data"],
            ["seller_invite", "token_hash"],
            ["helper_grant", "token_hash"],
          ]) {
            const { rows } = await db.raw(
              `select count(*)::int as n from ${table} where ${column}::text like ?`,
              [`%${token}%`],
            )
            expect(rows[0].n, `${table}.${column}`).toBe(0)
          }
        }
        const stored = await getContainer()
          .resolve(Modules.NOTIFICATION)
          .listNotifications({ to: ["nv.b@example.test", "hotro.b@giaphu.example"] })
        expect(stored).toHaveLength(2)
        for (const token of tokens) expect(JSON.stringify(stored)).not.toContain(token)
      })

      it("accepts only http(s) picture URLs, naming the field and changing nothing", async () => {
        const owner = bearer(await login("seller_member", DEMO_ACCOUNTS.sellerOwner(SELLER)))
        const before = (await api.get("/seller/me", { headers: owner })).data.seller
        for (const url of [
          "javascript:alert(document.cookie)",
          "JaVaScRiPt://example.com/%0Aalert(1)",
          "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
          "vbscript:msgbox(1)",
          "file:///etc/passwd",
        ]) {
          const logo = await api.post(
            "/seller/me",
            { logo_url: url },
            {
              headers: { ...owner, "accept-language": "en" },
              ...ok,
            },
          )
          expect(logo.status).toBe(400)
          expect(logo.data.field).toBe("logo_url")
          expect(logo.data.message).toMatch(/http/)
          const created = await api.post(
            "/seller/products",
            {
              title: "Gạo thử",
              images: ["https://example.com/a.png", url],
              variants: [{ title: "1 kg", price: 30000 }],
            },
            { headers: owner, ...ok },
          )
          expect(created.status).toBe(400)
          expect(created.data.field).toBe("images.1")
        }
        const { data: list } = await api.get("/seller/products", { headers: owner })
        const product = list.products[0]
        const { data: detail } = await api.get(`/seller/products/${product.id}`, { headers: owner })
        const updated = await api.post(
          `/seller/products/${product.id}`,
          { images: ["javascript:alert(1)"] },
          { headers: owner, ...ok },
        )
        expect(updated.status).toBe(400)
        expect(updated.data.field).toBe("images.0")
        expect((await api.get("/seller/me", { headers: owner })).data.seller).toEqual(before)
        const { data: after } = await api.get(`/seller/products/${product.id}`, { headers: owner })
        expect(after.product.images).toEqual(detail.product.images)
        const { rows } = await getContainer()
          .resolve(ContainerRegistrationKeys.PG_CONNECTION)
          .raw("select count(*)::int as n from product where title = 'Gạo thử'")
        expect(rows[0].n).toBe(0)
        // An http(s) address is fine.
        const good = await api.post(
          "/seller/me",
          { logo_url: "https://htx.example.vn/logo.png" },
          { headers: owner },
        )
        expect(good.data.seller.logo_url).toBe("https://htx.example.vn/logo.png")
      })
    })
  },
})
