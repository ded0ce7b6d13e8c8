import { Modules } from "@medusajs/framework/utils"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { PRODUCTS } from "../../src/scripts/demo/data"
import { PUBLISHABLE_KEY_TITLE, seedDemoCommune } from "../../src/scripts/demo/seed-demo"
import { type Json, payAndComplete, prepareCart, storeSdk } from "../helpers/checkout-scenario"

const vnd = (amount: number) =>
  new Intl.NumberFormat("vi-VN", { style: "currency", currency: "VND" }).format(amount)

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    describe("store API on the seeded demo commune", () => {
      let headers: Record<string, string>

      beforeEach(async () => {
        await seedDemoCommune(getContainer())
        const [key] = await getContainer()
          .resolve(Modules.API_KEY)
          .listApiKeys({ title: PUBLISHABLE_KEY_TITLE, type: "publishable" })
        headers = { "x-publishable-api-key": key.token }
      })

      it("refuses store requests without the publishable key", async () => {
        const res = await api.get("/store/products", { validateStatus: () => true })
        expect(res.status).toBe(400)
      })

      it("lists every seeded product with its whole-dong VND price", async () => {
        const { data: regions } = await api.get("/store/regions", { headers })
        const region = regions.regions.find((r: { name: string }) => r.name === "Việt Nam")
        expect(region.currency_code).toBe("vnd")
        expect(region.countries.map((c: { iso_2: string }) => c.iso_2)).toEqual(["vn"])

        const { data } = await api.get(
          `/store/products?limit=50&region_id=${region.id}&fields=title,handle,*variants.calculated_price`,
          { headers },
        )
        expect(data.count).toBe(PRODUCTS.length)
        const byHandle = new Map(
          data.products.map((p: { handle: string }) => [p.handle, p] as const),
        )
        for (const seeded of PRODUCTS) {
          const product = byHandle.get(seeded.handle) as {
            title: string
            variants: { calculated_price: { calculated_amount: number; currency_code: string } }[]
          }
          expect(product?.title).toBe(seeded.title)
          const price = product.variants[0].calculated_price
          expect(price.currency_code).toBe("vnd")
          expect(price.calculated_amount).toBe(seeded.price)
        }
        const rice = byHandle.get("gao-seng-cu-gia-phu-5kg") as {
          variants: { calculated_price: { calculated_amount: number } }[]
        }
        expect(vnd(rice.variants[0].calculated_price.calculated_amount)).toBe("185.000\u00a0₫")
      })

      it("seeds idempotently: a second run creates nothing", async () => {
        const again = await seedDemoCommune(getContainer())
        expect(again.created).toEqual([])
        const products = await getContainer().resolve(Modules.PRODUCT).listProducts({})
        expect(products).toHaveLength(PRODUCTS.length)
      })

      it("keeps stock at each seller's own location", async () => {
        const query = getContainer().resolve("query")
        const { data } = await query.graph({
          entity: "inventory_level",
          fields: ["stocked_quantity", "location_id", "inventory_item.sku"],
        })
        // Query's generated types exist only after `medusa build`/`start`: name the shape here.
        const levels = data as unknown as {
          stocked_quantity: number
          location_id: string
          inventory_item: { sku: string }
        }[]
        expect(levels).toHaveLength(PRODUCTS.length)
        const locations = new Set(levels.map((l) => l.location_id))
        expect(locations.size).toBe(new Set(PRODUCTS.map((p) => p.seller)).size)
        const rice = levels.find((l) => l.inventory_item.sku === "GAO-SENG-CU-GIA-PHU-5KG")!
        expect(rice.stocked_quantity).toBe(120)
      })

      it("sells across the demo sellers: each offers its four shipping options and gets its part", async () => {
        const sdk = storeSdk(api.defaults.baseURL as string, headers["x-publishable-api-key"]!)
        const { regions } = await sdk.store.region.list()
        const { products } = await sdk.store.product.list({
          limit: 50,
          fields: "handle,variants.id,*seller",
        } as never)
        const byHandle = new Map(products.map((p) => [p.handle, p]))
        const picks = [PRODUCTS[0]!, PRODUCTS.find((p) => p.seller !== PRODUCTS[0]!.seller)!]
        const { cart, shippingParts } = await prepareCart(sdk, {
          regionId: regions[0]!.id,
          items: picks.map((p) => ({
            variant_id: byHandle.get(p.handle)!.variants![0]!.id,
            quantity: 1,
          })),
          shipping: "delivery_commune",
        })
        expect(shippingParts.map((p) => p.seller.handle).sort()).toEqual(
          picks.map((p) => p.seller).sort(),
        )
        for (const part of shippingParts) {
          expect(part.options.map((o: { code: string }) => o.code).sort()).toEqual([
            "delivery_commune",
            "delivery_elsewhere",
            "pickup_seller",
            "pickup_village",
          ])
        }
        const result = (await payAndComplete(sdk, cart, "pp_vietqr_vietqr")) as Json
        expect(result.type).toBe("order")
        const { data } = await api.get(`/store/orders/${result.order.id}/parts`, { headers })
        expect(data.parts).toHaveLength(2)
        for (const part of data.parts) {
          expect(part.shipping).toMatchObject({ code: "delivery_commune", amount: 15000 })
          // Paid to the seller's own (demo) account at VietinBank.
          expect(part.vietqr).toMatchObject({ bank_bin: "970415", amount: part.amount })
        }
      })
    })
  },
})
