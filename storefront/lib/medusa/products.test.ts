import { afterEach, beforeEach, describe, expect, it, vi } from "vitest"
import { StoreUnavailableError } from "./errors"
import { getProductByHandle, getProductById, listProducts } from "./products"

const REGIONS = {
  regions: [
    { id: "reg_usd", name: "US", currency_code: "usd" },
    { id: "reg_vn", name: "Việt Nam", currency_code: "vnd" },
  ],
}
const RICE = {
  id: "prod_1",
  handle: "gao-seng-cu-gia-phu-5kg",
  title: "Gạo Séng Cù Gia Phú (túi 5 kg)",
  variants: [{ id: "v1", calculated_price: { calculated_amount: 185000, currency_code: "vnd" } }],
}

type Call = { url: URL; init: RequestInit & { next?: { revalidate?: number; tags?: string[] } } }

function stubBackend(products: unknown[]) {
  const calls: Call[] = []
  const fetchMock = vi.fn(async (input: URL | string, init: Call["init"]) => {
    const url = new URL(input.toString())
    calls.push({ url, init })
    const body = url.pathname === "/store/regions" ? REGIONS : { products }
    return new Response(JSON.stringify(body), { headers: { "content-type": "application/json" } })
  })
  vi.stubGlobal("fetch", fetchMock)
  return calls
}

beforeEach(() => {
  vi.stubEnv("MEDUSA_BACKEND_URL", "http://backend.test:9000")
  vi.stubEnv("NEXT_PUBLIC_MEDUSA_PUBLISHABLE_KEY", "pk_first")
})

afterEach(() => {
  vi.unstubAllGlobals()
  vi.unstubAllEnvs()
})

describe("listProducts", () => {
  it("asks for calculated prices in the VND region, cached under the products tag", async () => {
    const calls = stubBackend([RICE])
    const products = await listProducts()
    expect(products.map((p) => [p.title, p.price?.amount])).toEqual([[RICE.title, 185000]])
    const productCall = calls.find((c) => c.url.pathname === "/store/products")!
    expect(productCall.url.origin).toBe("http://backend.test:9000")
    expect(productCall.url.searchParams.get("region_id")).toBe("reg_vn")
    expect(productCall.url.searchParams.get("fields")).toBe("*variants.calculated_price")
    expect(productCall.init.next).toEqual({ revalidate: 60, tags: ["products"] })
    expect(new Headers(productCall.init.headers).get("x-publishable-api-key")).toBe("pk_first")
  })

  it("reads the publishable key at request time, not at load time", async () => {
    vi.stubEnv("NEXT_PUBLIC_MEDUSA_PUBLISHABLE_KEY", "pk_second")
    const calls = stubBackend([])
    await listProducts()
    for (const call of calls) {
      expect(new Headers(call.init.headers).get("x-publishable-api-key")).toBe("pk_second")
    }
  })

  it("turns an unreachable backend into StoreUnavailableError", async () => {
    vi.stubGlobal("fetch", vi.fn().mockRejectedValue(new TypeError("fetch failed")))
    vi.spyOn(console, "error").mockImplementation(() => {})
    await expect(listProducts()).rejects.toBeInstanceOf(StoreUnavailableError)
  })
})

describe("getProductByHandle", () => {
  it("filters by handle and returns null when nothing matches", async () => {
    const calls = stubBackend([])
    expect(await getProductByHandle("khong-co")).toBeNull()
    const productCall = calls.find((c) => c.url.pathname === "/store/products")!
    expect(productCall.url.searchParams.get("handle")).toBe("khong-co")
  })
})

describe("getProductById", () => {
  it("filters by id and reshapes the match", async () => {
    const calls = stubBackend([RICE])
    const product = await getProductById("prod_1")
    expect(product?.handle).toBe(RICE.handle)
    const productCall = calls.find((c) => c.url.pathname === "/store/products")!
    expect(productCall.url.searchParams.get("id")).toBe("prod_1")
    expect(productCall.init.next).toEqual({ revalidate: 60, tags: ["products"] })
  })

  it("returns null for an id the shop does not sell", async () => {
    stubBackend([])
    expect(await getProductById("prod_gone")).toBeNull()
  })
})
