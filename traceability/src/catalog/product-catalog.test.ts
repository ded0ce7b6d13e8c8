import http from "node:http"
import type { AddressInfo } from "node:net"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import {
  CatalogUnauthorizedError,
  CatalogUnavailableError,
  gtinOfVariants,
  HttpProductCatalog,
} from "./product-catalog.js"

// The client against a real HTTP server that answers whatever the test sets.
let server: http.Server
let base: string
let answer: { status: number; body: unknown } = { status: 200, body: {} }
const seen: { url: string; authorization?: string }[] = []

const product = {
  id: "prod_1",
  title: "Chuối tiêu hồng",
  handle: "chuoi-tieu-hong",
  thumbnail: null,
  status: "draft",
  ocop: {
    id: "ocop_1",
    stars: 4,
    certificate_number: "OCOP-LC-2025-017",
    expires_on: "2099-06-30",
  },
  variants: [{ id: "v1", sku: null, ean: null, upc: "036000291452", barcode: null }],
  seller: {
    id: "sel_1",
    handle: "htx-phu-ha",
    name: "HTX Phú Hà",
    kind: "cooperative",
    address: null,
    commune_code: "02923",
    commune_name: "Xã Gia Phú",
    province_code: "15",
    province_name: "Tỉnh Lào Cai",
    village_name: null,
    phone: null,
    state: "pending",
    state_changed_at: null,
  },
}

beforeAll(async () => {
  server = http.createServer((req, res) => {
    seen.push({ url: req.url!, authorization: req.headers.authorization })
    res.writeHead(answer.status, { "content-type": "application/json" })
    res.end(typeof answer.body === "string" ? answer.body : JSON.stringify(answer.body))
  })
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})

afterAll(() => new Promise((resolve) => server.close(resolve)))

const lookup = { productId: "prod 1/x", authorization: "Bearer abc", asOperator: false }

describe("HttpProductCatalog", () => {
  it("asks the seller API with the caller's token, and the admin API for operators", async () => {
    answer = { status: 200, body: { product } }
    const catalog = new HttpProductCatalog(base)
    const found = await catalog.findProduct(lookup)
    expect(found).toMatchObject({
      id: "prod_1",
      status: "draft",
      gtin: "00036000291452",
      ocopStars: 4,
      ocop: { stars: 4, certificateNumber: "OCOP-LC-2025-017", expiresOn: "2099-06-30" },
      seller: { communeCode: "02923", kind: "cooperative", state: "pending", stateChangedAt: null },
    })
    expect(seen.at(-1)).toEqual({
      url: "/seller/products/prod%201%2Fx",
      authorization: "Bearer abc",
    })
    await catalog.findProduct({ ...lookup, asOperator: true })
    expect(seen.at(-1)!.url).toBe("/admin/seller-products/prod%201%2Fx")
  })

  it("treats 404 and 403 as not found, 401 as a refused token", async () => {
    const catalog = new HttpProductCatalog(base)
    for (const status of [404, 403]) {
      answer = { status, body: { message: "no" } }
      expect(await catalog.findProduct(lookup)).toBeNull()
    }
    answer = { status: 401, body: {} }
    await expect(catalog.findProduct(lookup)).rejects.toBeInstanceOf(CatalogUnauthorizedError)
  })

  it("reports a failing, malformed or unreachable backend as unavailable", async () => {
    const catalog = new HttpProductCatalog(base)
    answer = { status: 500, body: {} }
    await expect(catalog.findProduct(lookup)).rejects.toBeInstanceOf(CatalogUnavailableError)
    answer = {
      status: 200,
      body: { product: { ...product, seller: { ...product.seller, kind: "shop" } } },
    }
    await expect(catalog.findProduct(lookup)).rejects.toThrow(/seller\.kind/)
    // A backend that does not say whether the seller is approved gets no write through.
    const { state: _state, ...stateless } = product.seller
    answer = { status: 200, body: { product: { ...product, seller: stateless } } }
    await expect(catalog.findProduct(lookup)).rejects.toThrow(/seller\.state/)
    answer = { status: 200, body: "<html>" }
    await expect(catalog.findProduct(lookup)).rejects.toBeInstanceOf(CatalogUnavailableError)
    await expect(
      new HttpProductCatalog("http://127.0.0.1:1").findProduct(lookup),
    ).rejects.toBeInstanceOf(CatalogUnavailableError)
  })
})

describe("gtinOfVariants", () => {
  it("drops a registry certificate past its last day (Vietnam time)", async () => {
    answer = {
      status: 200,
      body: { product: { ...product, ocop: { ...product.ocop, expires_on: "2020-01-31" } } },
    }
    const found = await new HttpProductCatalog(base).findProduct(lookup)
    expect(found).toMatchObject({ ocopStars: null, ocop: null })
  })

  it("takes the first valid GTIN among ean, upc and barcode, as GTIN-14", () => {
    const v = (ean: string | null, upc: string | null, barcode: string | null) => ({
      id: "v",
      sku: null,
      ean,
      upc,
      barcode,
    })
    expect(gtinOfVariants([v("4006381333931", null, null)])).toBe("04006381333931")
    expect(gtinOfVariants([v("4006381333932", null, null), v(null, null, "96385074")])).toBe(
      "00000096385074",
    )
    expect(gtinOfVariants([v("abc", "12345", null)])).toBeNull()
    expect(gtinOfVariants(null)).toBeNull()
  })
})
