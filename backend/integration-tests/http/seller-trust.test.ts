import http from "node:http"
import type { AddressInfo } from "node:net"
import { verifyPayload } from "@coop/contracts/signature"
import type { MedusaContainer } from "@medusajs/framework/types"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { COMMUNE_MODULE } from "../../src/modules/commune"
import type CommuneModuleService from "../../src/modules/commune/service"
import { sellerHeaders } from "../helpers/checkout-scenario"
import {
  createOperator,
  createProducts,
  createSeller,
  GIA_PHU,
  setUpStore,
  XUAN_QUANG,
} from "../helpers/registry-fixtures"

type Headers = Record<string, string>

// Issue 14: what the traceability service learns from the backend to keep stamps truthful: the
// seller's state on every product lookup, each approval and suspension pushed signed, the
// registry's certificate, and one seller per GTIN.

const SECRET = "seller-trust-webhook-secret-01"
const received: { body: string; signature: string | undefined }[] = []
let traceability: http.Server

beforeAll(async () => {
  // A real HTTP server standing in for the traceability service's POST /sellers/states.
  traceability = http.createServer((req, res) => {
    let body = ""
    req.on("data", (chunk) => {
      body += chunk
    })
    req.on("end", () => {
      if (req.url === "/sellers/states") {
        received.push({ body, signature: req.headers["x-coop-signature"] as string | undefined })
      }
      res.writeHead(200, { "content-type": "application/json" })
      res.end("{}")
    })
  })
  await new Promise<void>((resolve) => traceability.listen(0, "127.0.0.1", resolve))
  process.env.TRACEABILITY_URL = `http://127.0.0.1:${(traceability.address() as AddressInfo).port}`
  process.env.INDICATORS_WEBHOOK_SECRET = SECRET
})

afterAll(async () => {
  delete process.env.TRACEABILITY_URL
  delete process.env.INDICATORS_WEBHOOK_SECRET
  await new Promise((resolve) => traceability.close(resolve))
})

const waitFor = async <T>(find: () => T | undefined, ms = 10_000): Promise<T> => {
  const until = Date.now() + ms
  for (;;) {
    const found = find()
    if (found !== undefined) return found
    if (Date.now() > until) throw new Error("timed out")
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    const call = async (method: string, url: string, headers: Headers, data?: unknown) =>
      api.request({ method, url, headers, data, validateStatus: () => true })

    describe("what traceability is told about sellers", () => {
      let container: MedusaContainer
      let operator: Headers
      let approved: { id: string; state: string }
      let other: { id: string; state: string }
      let products: Record<string, string>

      beforeEach(async () => {
        container = getContainer()
        const store = await setUpStore(container)
        approved = await createSeller(container, {
          handle: "htx-gia-phu",
          name: "HTX Gia Phú",
          commune_code: GIA_PHU,
          state: "approved",
        })
        other = await createSeller(container, {
          handle: "htx-xuan-quang",
          name: "HTX Xuân Quang",
          commune_code: XUAN_QUANG,
          state: "approved",
        })
        products = await createProducts(container, approved, [{ handle: "gao" }], store.channelId)
        await container.resolve<CommuneModuleService>(COMMUNE_MODULE).createOcopEntries({
          commune_code: GIA_PHU,
          seller_id: approved.id,
          product_name: "Gạo Gia Phú",
          group: "food",
          stars: 3,
          certificate_number: "31/2025/OCOP",
          issuing_level: "province",
          issued_on: new Date("2025-05-01T00:00:00Z"),
          expires_on: new Date("2028-05-01T00:00:00Z"),
          product_id: products.gao!,
        })
        operator = (await createOperator(container, api)).headers
        received.length = 0
      })

      it("answers a product lookup with the seller's state and the registry's certificate", async () => {
        const seller = await sellerHeaders(api, "htx-gia-phu")
        const answer = await call("get", `/seller/products/${products.gao}`, seller)
        expect(answer.status).toBe(200)
        expect(answer.data.product).toMatchObject({
          status: "published",
          ocop: { stars: 3, certificate_number: "31/2025/OCOP" },
          seller: { id: approved.id, state: "approved" },
        })
        expect(answer.data.product.ocop.expires_on).toMatch(/^2028-05-01/)
        expect(Date.parse(answer.data.product.seller.state_changed_at)).not.toBeNaN()
      })

      it("pushes a suspension and a new approval to traceability, signed", async () => {
        const suspended = await call("post", `/admin/sellers/${approved.id}/suspend`, operator, {
          reason: "Giả mạo tên HTX khác",
        })
        expect(suspended.status).toBe(200)
        const push = await waitFor(() =>
          received.find((r) => r.body.includes(approved.id) && r.body.includes("suspended")),
        )
        expect(verifyPayload(push.body, push.signature, SECRET)).toEqual({ ok: true })
        const fact = JSON.parse(push.body).sellers[0]
        expect(fact).toMatchObject({ id: approved.id, state: "suspended" })
        expect(Date.parse(fact.changed_at)).not.toBeNaN()

        const again = await call("post", `/admin/sellers/${approved.id}/approve`, operator, {})
        expect(again.status).toBe(200)
        const restored = await waitFor(() =>
          received.find((r) => r.body.includes(approved.id) && r.body.includes('"approved"')),
        )
        expect(Date.parse(JSON.parse(restored.body).sellers[0].changed_at)).toBeGreaterThan(
          Date.parse(fact.changed_at),
        )
      })

      it("refuses a barcode that another seller's product already carries, however it is spelled", async () => {
        const owner = await sellerHeaders(api, "htx-gia-phu")
        const first = await call("post", "/seller/products", owner, {
          title: "Gạo có mã vạch",
          variants: [{ title: "5 kg", ean: "0036000291452", price: 150000 }],
        })
        expect(first.status).toBe(201)
        const squatter = await sellerHeaders(api, "htx-xuan-quang")
        const before = await call("get", "/seller/products", squatter)
        for (const spelling of ["036000291452", "00036000291452"]) {
          const taken = await call(
            "post",
            "/seller/products",
            { ...squatter, "accept-language": "vi" },
            { title: "Gạo nhái", variants: [{ title: "5 kg", ean: spelling, price: 90000 }] },
          )
          expect(taken.status).toBe(409)
          expect(taken.data.field).toBe("variants.0.ean")
          expect(taken.data.message).toMatch(/người bán khác/)
        }
        const after = await call("get", "/seller/products", squatter)
        expect(after.data.count).toBe(before.data.count)
        expect(other.state).toBe("approved")
      })
    })
  },
})
