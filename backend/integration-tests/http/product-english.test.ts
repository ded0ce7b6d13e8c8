/**
 * Issue 15, item 5: a seller's English title and description (validated, kept beside Medusa's
 * Vietnamese ones, only on the seller's own products) and a store search that finds them, and
 * finds Vietnamese without its diacritics.
 */
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { PUBLISHABLE_KEY_TITLE, seedDemoCommune } from "../../src/scripts/demo/seed-demo"
import { DEMO_ACCOUNTS } from "../../src/scripts/demo/seed-sellers"

const PASSWORD = "giaphu-demo"
const OWN = "htx-nong-nghiep-gia-phu"
const OTHER = "htx-rau-qua-sach-phu-thinh"

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    describe("English product texts", () => {
      let storeHeaders: Record<string, string>
      const ok = { validateStatus: () => true }
      const sellerHeaders = async (handle: string, lang = "vi") => {
        const { data } = await api.post("/auth/seller_member/emailpass", {
          email: DEMO_ACCOUNTS.sellerOwner(handle),
          password: PASSWORD,
        })
        return { authorization: `Bearer ${data.token}`, "accept-language": lang }
      }
      const search = async (q: string) =>
        (
          await api.get(`/store/products?fields=handle&limit=50&q=${encodeURIComponent(q)}`, {
            headers: storeHeaders,
          })
        ).data.products.map((p: { handle: string }) => p.handle) as string[]
      const metadataOf = async (id: string) =>
        (await getContainer().resolve(Modules.PRODUCT).retrieveProduct(id)).metadata

      beforeEach(async () => {
        await seedDemoCommune(getContainer())
        const [key] = await getContainer()
          .resolve(Modules.API_KEY)
          .listApiKeys({ title: PUBLISHABLE_KEY_TITLE, type: "publishable" })
        storeHeaders = { "x-publishable-api-key": key.token }
      })

      it("stores the English texts on create and edit, refusing bad ones by field and writing nothing", async () => {
        const headers = await sellerHeaders(OWN)
        const product = {
          title: "Chè xanh Gia Phú",
          description: "Chè búp hái tay.",
          en: { title: "Gia Phú green tea", description: "Hand-picked tea buds." },
          variants: [{ title: "Gói 200 g", price: 85000, stock: 10 }],
        }
        const tooLong = await api.post(
          "/seller/products",
          { ...product, en: { title: "x".repeat(201) } },
          { headers: await sellerHeaders(OWN, "en"), ...ok },
        )
        expect(tooLong.status).toBe(400)
        expect(tooLong.data.field).toBe("en.title")
        expect(tooLong.data.message).toMatch(/at most 200 characters/)
        const short = await api.post(
          "/seller/products",
          { ...product, en: { title: "x" } },
          { headers, ...ok },
        )
        expect(short.status).toBe(400)
        expect(short.data.field).toBe("en.title")
        expect(short.data.message).toMatch(/ít nhất 2 ký tự/)
        const unknown = await api.post(
          "/seller/products",
          { ...product, en: { title: "Tea", subtitle: "no" } },
          { headers, ...ok },
        )
        expect(unknown.status).toBe(400)
        const nul = await api.post(
          "/seller/products",
          { ...product, en: { title: "Tea\u0000" } },
          { headers, ...ok },
        )
        expect(nul.status).toBe(400)
        const pg = getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION)
        const { rows } = await pg.raw("select count(*)::int as n from product where title = ?", [
          product.title,
        ])
        expect(rows[0].n).toBe(0)

        const created = await api.post("/seller/products", product, { headers })
        expect(created.status).toBe(201)
        expect(created.data.product.en).toEqual(product.en)
        const id = created.data.product.id
        expect(await metadataOf(id)).toMatchObject({
          seller_handle: OWN,
          i18n: { en: product.en },
        })

        // Editing only the description keeps the title; an empty title removes it.
        const edited = await api.post(
          `/seller/products/${id}`,
          { en: { description: "Tea buds picked by hand at dawn." } },
          { headers },
        )
        expect(edited.data.product.en).toEqual({
          title: "Gia Phú green tea",
          description: "Tea buds picked by hand at dawn.",
        })
        const cleared = await api.post(`/seller/products/${id}`, { en: { title: "" } }, { headers })
        expect(cleared.data.product.en).toEqual({
          title: null,
          description: "Tea buds picked by hand at dawn.",
        })
        const metadata = await metadataOf(id)
        expect(metadata?.seller_handle).toBe(OWN)
        expect(metadata?.i18n).toEqual({ en: { description: "Tea buds picked by hand at dawn." } })
      })

      it("lets no seller set another seller's English texts", async () => {
        const [theirs] = await getContainer()
          .resolve(Modules.PRODUCT)
          .listProducts({ handle: "rau-cai-meo-phu-thinh" })
        const before = await metadataOf(theirs!.id)
        const res = await api.post(
          `/seller/products/${theirs!.id}`,
          { en: { title: "Hijacked greens" } },
          { headers: await sellerHeaders(OWN), ...ok },
        )
        expect(res.status).toBe(404)
        expect(await metadataOf(theirs!.id)).toEqual(before)
        // Its own seller may.
        const own = await api.post(
          `/seller/products/${theirs!.id}`,
          { en: { title: "Mustard greens" } },
          { headers: await sellerHeaders(OTHER), ...ok },
        )
        expect(own.status).toBe(200)
        expect(own.data.product.en.title).toBe("Mustard greens")
      })

      it("searches English texts and Vietnamese without diacritics, within the store's filters", async () => {
        const rice = ["gao-seng-cu-gia-phu-5kg", "gao-nep-nuong-gia-phu-2kg", "gao-lut-phu-lam-2kg"]
        // Phú Lâm's new-season rice (sold by pre-order, no stock yet) is rice too.
        const newSeason = "gao-moi-vu-mua-phu-lam-5kg"
        expect((await search("rice")).sort()).toEqual([...rice, newSeason].sort())
        // Words match anywhere in a word: the new-season rice's "giao tận nhà" (delivered) and "Phú Lâm"
        // answer "gia phu" too.
        expect((await search("RICE gia phu")).sort()).toEqual(
          [...rice.slice(0, 2), newSeason].sort(),
        )
        expect(await search("gao nep")).toEqual(["gao-nep-nuong-gia-phu-2kg"])
        expect(await search("Gạo nếp")).toEqual(["gao-nep-nuong-gia-phu-2kg"])
        expect(await search("mat ong")).toEqual(["mat-ong-rung-phu-hop-500ml"])
        expect(await search("honey")).toEqual(["mat-ong-rung-phu-hop-500ml"])
        expect(await search("%")).toEqual([])
        expect(await search("durian")).toEqual([])

        // An unpublished product stays out of the store's search.
        const [honey] = await getContainer()
          .resolve(Modules.PRODUCT)
          .listProducts({ handle: "mat-ong-rung-phu-hop-500ml" })
        await getContainer().resolve(Modules.PRODUCT).updateProducts(honey!.id, { status: "draft" })
        expect(await search("honey")).toEqual([])
      })
    })
  },
})
