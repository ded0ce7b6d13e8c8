import { afterEach, beforeEach, describe, expect, it, vi } from "vitest"
import { StoreUnavailableError } from "./errors"
import {
  getProductByHandle,
  getProductById,
  listProducts,
  PRODUCT_FIELDS,
  pickFeatured,
  searchProducts,
} from "./products"

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

// A product shows its seller's name, its OCOP badge and its categories: a change to any drops it.
const CACHED = { revalidate: 60, tags: ["products", "sellers", "ocop", "categories"] }

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
    const fields = productCall.url.searchParams.get("fields")?.split(",")
    expect(fields).toEqual(expect.arrayContaining(["*variants.calculated_price", "+seller.*"]))
    expect(fields).toEqual(
      expect.arrayContaining(["+ocop_entry.*", "+variants.inventory_quantity"]),
    )
    expect(productCall.init.next).toEqual(CACHED)
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
    expect(productCall.init.next).toEqual(CACHED)
  })

  it("returns null for an id the shop does not sell", async () => {
    stubBackend([])
    expect(await getProductById("prod_gone")).toBeNull()
  })
})

describe("listProducts of a category", () => {
  it("filters by the category's id", async () => {
    const calls = stubBackend([RICE])
    await listProducts({ categoryId: "pcat_gao" })
    const productCall = calls.find((c) => c.url.pathname === "/store/products")!
    expect(productCall.url.searchParams.getAll("category_id")).toEqual(["pcat_gao"])
  })
})

describe("pickFeatured", () => {
  it("keeps the OCOP products, most stars first", async () => {
    const badge = (stars: number) => ({ stars, certificate_number: `C${stars}` })
    stubBackend([
      { ...RICE, id: "three", ocop_entry: badge(3) },
      { ...RICE, id: "plain", ocop_entry: null },
      { ...RICE, id: "five", ocop_entry: badge(5) },
    ])
    const featured = pickFeatured(await listProducts())
    expect(featured.map((p) => p.id)).toEqual(["five", "three"])
    expect(pickFeatured(await listProducts(), 1).map((p) => p.id)).toEqual(["five"])
  })
})

describe("searchProducts", () => {
  it("sends the trimmed text as Medusa's q, cut to 100 characters", async () => {
    const calls = stubBackend([RICE])
    const found = await searchProducts(`  gạo ${"x".repeat(200)}`)
    expect(found).toHaveLength(1)
    const q = calls.find((c) => c.url.pathname === "/store/products")!.url.searchParams.get("q")
    expect(q?.startsWith("gạo x")).toBe(true)
    expect(q).toHaveLength(100)
  })

  it("finds nothing for blank text without asking the backend", async () => {
    const calls = stubBackend([RICE])
    expect(await searchProducts("   ")).toEqual([])
    expect(calls).toHaveLength(0)
  })
})

it("asks for every field the pages show", () => {
  expect(PRODUCT_FIELDS).toContain("*categories")
  expect(PRODUCT_FIELDS).toContain("+variants.manage_inventory")
})
