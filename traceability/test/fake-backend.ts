import http from "node:http"
import type { AddressInfo } from "node:net"
import { jwtVerify } from "jose"
import { JWT_SECRET } from "./helpers.js"

/**
 * A small real HTTP server standing in for the Medusa backend's two product lookups (the
 * product lookup contract): it verifies the bearer token it receives like the backend would,
 * scopes /seller/products to the token's seller, and records every request.
 */

export interface FakeSeller {
  id: string
  handle: string
  name: string
  kind: "cooperative" | "household"
  address: string | null
  commune_code: string
  commune_name: string
  province_code: string
  province_name: string
  village_name: string | null
  phone: string | null
  state: "pending" | "approved" | "suspended"
  state_changed_at: string | null
}

export interface FakeProduct {
  id: string
  title: string
  handle: string
  thumbnail: string | null
  /** Medusa's product status. */
  status: "draft" | "proposed" | "published" | "rejected"
  variants: {
    id: string
    sku: string | null
    ean: string | null
    upc: string | null
    barcode: string | null
  }[]
  seller: FakeSeller
  /** The commune registry's certificate linked to the listing, as /seller/products/:id gives it. */
  ocop?: { stars: 3 | 4 | 5; certificate_number: string | null; expires_on: string | null } | null
  /** Only in the store listing, as the demo seed sets it (e.g. ocop_stars). */
  metadata?: Record<string, unknown>
}

/** The publishable key the fake store API expects. */
export const PUBLISHABLE_KEY = "pk_test_fake_backend"

/** An officer as the backend's database keeps it (GET /commune/me answers from it). */
export interface FakeOfficer {
  level: "commune" | "province"
  commune_code: string | null
  province_code: string
}

/** The officers of harness.ts' tokens, by actor id. */
export const FAKE_OFFICERS: Record<string, FakeOfficer> = {
  officer_gp: { level: "commune", commune_code: "02923", province_code: "15" },
  officer_bc: { level: "commune", commune_code: "02990", province_code: "15" },
  officer_lc: { level: "province", commune_code: null, province_code: "15" },
}

export interface FakeBackend {
  url: string
  products: Map<string, FakeProduct>
  officers: Map<string, FakeOfficer>
  /** Every request: path, and the Authorization header exactly as received. */
  requests: { path: string; authorization: string | undefined }[]
  /** When set, every lookup answers this status (to test an unavailable backend). */
  failWith: number | null
  close: () => Promise<void>
}

export const GIA_PHU_SELLER: FakeSeller = {
  id: "sel_01_htx_gia_phu",
  handle: "htx-nong-nghiep-gia-phu",
  name: "HTX Nông nghiệp Gia Phú",
  kind: "cooperative",
  address: "Thôn Phú Hà, xã Gia Phú, tỉnh Lào Cai",
  commune_code: "02923",
  commune_name: "Xã Gia Phú",
  province_code: "15",
  province_name: "Tỉnh Lào Cai",
  village_name: "Thôn Phú Hà",
  phone: "0912345678",
  state: "approved",
  state_changed_at: "2026-01-05T02:00:00.000Z",
}

export const OTHER_SELLER: FakeSeller = {
  ...GIA_PHU_SELLER,
  id: "sel_02_ho_kinh_doanh",
  handle: "ho-kinh-doanh-phu-cuong",
  name: "Hộ kinh doanh Phú Cường",
  kind: "household",
  commune_code: "02990",
  commune_name: "Xã Bản Cầm",
}

export function fakeProduct(overrides: Partial<FakeProduct> & { id: string }): FakeProduct {
  return {
    title: "Gạo Séng Cù Gia Phú (túi 5 kg)",
    handle: `handle-${overrides.id}`,
    thumbnail: "https://cdn.example.vn/gao.jpg",
    status: "published",
    variants: [
      { id: `variant_${overrides.id}`, sku: "GAO-5KG", ean: null, upc: null, barcode: null },
    ],
    seller: GIA_PHU_SELLER,
    ...overrides,
  }
}

export async function startFakeBackend(products: FakeProduct[] = []): Promise<FakeBackend> {
  const key = new TextEncoder().encode(JWT_SECRET)
  const state: Omit<FakeBackend, "url" | "close"> = {
    products: new Map(products.map((p) => [p.id, p])),
    officers: new Map(Object.entries(FAKE_OFFICERS)),
    requests: [],
    failWith: null,
  }
  const send = (res: http.ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { "content-type": "application/json" })
    res.end(JSON.stringify(body))
  }
  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url ?? "/", "http://backend.test")
    state.requests.push({
      path: url.pathname + url.search,
      authorization: req.headers.authorization,
    })
    if (state.failWith) return send(res, state.failWith, { message: "down" })
    if (url.pathname === "/store/products") {
      if (req.headers["x-publishable-api-key"] !== PUBLISHABLE_KEY) {
        return send(res, 400, { message: "A valid publishable key is required" })
      }
      const products = [...state.products.values()].map(({ id, handle, title, metadata }) => ({
        id,
        handle,
        title,
        metadata: metadata ?? null,
      }))
      return send(res, 200, { products, count: products.length })
    }
    const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? "")?.[1]
    let claims: Record<string, unknown>
    try {
      claims = (await jwtVerify(token ?? "", key)).payload
    } catch {
      return send(res, 401, { message: "Unauthorized" })
    }
    const metadata = (claims.app_metadata ?? {}) as Record<string, unknown>
    const seller = /^\/seller\/products\/([^/]+)$/.exec(url.pathname)
    const admin = /^\/admin\/seller-products\/([^/]+)$/.exec(url.pathname)
    if (url.pathname === "/commune/me") {
      // As the backend: the officer is loaded by the token's actor id, its area from the database.
      const officer = state.officers.get(String(claims.actor_id))
      const level = claims.actor_type === "commune_officer" ? "commune" : "province"
      if (!officer || officer.level !== level) return send(res, 401, { message: "Unauthorized" })
      return send(res, 200, { officer: { id: claims.actor_id, ...officer } })
    }
    if (seller) {
      if (claims.actor_type !== "seller_member" && claims.actor_type !== "helper") {
        return send(res, 401, { message: "Unauthorized" })
      }
      const product = state.products.get(decodeURIComponent(seller[1]!))
      if (!product || product.seller.id !== metadata.seller_id) {
        return send(res, 404, { message: "Product not found" })
      }
      const { metadata: _metadata, ...shown } = product
      return send(res, 200, { product: shown })
    }
    if (admin) {
      if (claims.actor_type !== "user") return send(res, 401, { message: "Unauthorized" })
      const product = state.products.get(decodeURIComponent(admin[1]!))
      if (!product) return send(res, 404, { message: "Product not found" })
      const { metadata: _metadata, ...shown } = product
      return send(res, 200, { product: shown })
    }
    return send(res, 404, { message: "No route" })
  })
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
  const { port } = server.address() as AddressInfo
  return Object.assign(state, {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections()
        server.close((error) => (error ? reject(error) : resolve()))
      }),
  })
}
