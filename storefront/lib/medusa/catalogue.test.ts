import { afterEach, beforeEach, describe, expect, it, vi } from "vitest"
import { getCategoryByHandle, listCategories } from "./categories"
import { getCommuneIndicators, listSellerCommunes } from "./communes"
import { StoreUnavailableError } from "./errors"
import { getSellerPage, listSellers } from "./sellers"

type Call = { url: URL; init: RequestInit & { next?: { revalidate?: number; tags?: string[] } } }
type Answer = { status?: number; body: unknown }

const REGIONS = { regions: [{ id: "reg_vn", name: "Việt Nam", currency_code: "vnd" }] }
const SELLER = {
  id: "sel_1",
  handle: "htx-nong-nghiep-gia-phu",
  name: "HTX Nông nghiệp Gia Phú",
  kind: "cooperative",
  address: "Thôn Phú Xuân",
  phone: "0214 3860 101",
  commune: { code: "02923", name: "Xã Gia Phú" },
  province: { code: "15", name: "Tỉnh Lào Cai" },
  village: null,
  product_count: 1,
}

/** A backend answering each path from `answers`; anything else is a 404 like Medusa's. */
function stubBackend(answers: Record<string, Answer>) {
  const calls: Call[] = []
  vi.stubGlobal(
    "fetch",
    vi.fn(async (input: URL | string, init: Call["init"]) => {
      const url = new URL(input.toString())
      calls.push({ url, init })
      const answer =
        url.pathname === "/store/regions"
          ? { body: REGIONS }
          : (answers[url.pathname] ?? { status: 404, body: { type: "not_found", message: "no" } })
      return new Response(JSON.stringify(answer.body), {
        status: answer.status ?? 200,
        headers: { "content-type": "application/json" },
      })
    }),
  )
  return calls
}

const callTo = (calls: Call[], path: string) => calls.find((c) => c.url.pathname === path)!

beforeEach(() => {
  vi.stubEnv("MEDUSA_BACKEND_URL", "http://backend.test:9000")
  vi.stubEnv("NEXT_PUBLIC_MEDUSA_PUBLISHABLE_KEY", "pk_test")
  vi.spyOn(console, "error").mockImplementation(() => {})
})

afterEach(() => {
  vi.unstubAllGlobals()
  vi.unstubAllEnvs()
  vi.restoreAllMocks()
})

describe("categories", () => {
  const answers = {
    "/store/product-categories": {
      body: {
        product_categories: [
          { id: "c1", handle: "gao", name: "Gạo", metadata: { name_en: "Rice" } },
          { id: "c2", handle: "rau-cu-qua", name: "Rau, củ, quả", metadata: null },
        ],
      },
    },
  }

  it("lists them by rank with both names, cached for an hour under the categories tag", async () => {
    const calls = stubBackend(answers)
    const categories = await listCategories()
    expect(categories.map((c) => c.name)).toEqual([
      { vi: "Gạo", en: "Rice" },
      { vi: "Rau, củ, quả", en: "Rau, củ, quả" },
    ])
    const call = callTo(calls, "/store/product-categories")
    expect(call.url.searchParams.get("order")).toBe("rank")
    expect(call.init.next).toEqual({ revalidate: 3600, tags: ["categories"] })
  })

  it("finds one by handle, or null", async () => {
    stubBackend(answers)
    expect((await getCategoryByHandle("gao"))?.id).toBe("c1")
    expect(await getCategoryByHandle("khong-co")).toBeNull()
  })
})

describe("sellers", () => {
  it("lists a commune's sellers, cached under the sellers tag", async () => {
    const calls = stubBackend({ "/store/sellers": { body: { sellers: [SELLER] } } })
    const sellers = await listSellers({ communeCode: "02923" })
    expect(sellers[0]).toMatchObject({ name: SELLER.name, kind: "cooperative", productCount: 1 })
    const call = callTo(calls, "/store/sellers")
    expect(call.url.searchParams.get("commune_code")).toBe("02923")
    expect(call.init.next?.tags).toEqual(["sellers"])
  })

  it("pages through a province's sellers until the count, not only the first 100", async () => {
    const everyone = Array.from({ length: 250 }, (_, i) => ({
      ...SELLER,
      id: `sel_${i}`,
      handle: `htx-${i}`,
    }))
    const offsets: number[] = []
    vi.stubGlobal(
      "fetch",
      vi.fn(async (input: URL | string) => {
        const url = new URL(input.toString())
        const offset = Number(url.searchParams.get("offset"))
        const limit = Number(url.searchParams.get("limit"))
        offsets.push(offset)
        const body = { sellers: everyone.slice(offset, offset + limit), count: everyone.length }
        return new Response(JSON.stringify(body), {
          headers: { "content-type": "application/json" },
        })
      }),
    )
    const sellers = await listSellers()
    expect(sellers.map((s) => s.handle)).toEqual(everyone.map((s) => s.handle))
    expect(offsets).toEqual([0, 100, 200])
  })

  it("reads a seller's page with its products priced in the shop's region", async () => {
    const rice = {
      id: "prod_1",
      handle: "gao",
      title: "Gạo",
      variants: [
        { id: "v1", calculated_price: { calculated_amount: 185000, currency_code: "vnd" } },
      ],
      ocop_entry: { stars: 3, certificate_number: "OCOP-1" },
    }
    const path = `/store/sellers/${SELLER.handle}`
    const calls = stubBackend({ [path]: { body: { seller: SELLER, products: [rice] } } })
    const page = await getSellerPage(SELLER.handle)
    expect(page?.seller.commune).toEqual({ code: "02923", name: "Xã Gia Phú" })
    expect(page?.products[0]).toMatchObject({
      price: { amount: 185000 },
      ocop: { stars: 3 },
      seller: { handle: SELLER.handle, name: SELLER.name, communeCode: "02923" },
    })
    const call = callTo(calls, path)
    expect(call.url.searchParams.get("region_id")).toBe("reg_vn")
    expect(call.init.next?.tags).toEqual(expect.arrayContaining(["sellers", "products", "ocop"]))
  })

  it("answers null for an unknown or suspended seller (the backend's 404)", async () => {
    stubBackend({})
    expect(await getSellerPage("khong-co")).toBeNull()
  })

  it("turns any other failure into StoreUnavailableError", async () => {
    stubBackend({ "/store/sellers/x": { status: 500, body: { message: "boom" } } })
    await expect(getSellerPage("x")).rejects.toBeInstanceOf(StoreUnavailableError)
  })
})

describe("communes", () => {
  const INDICATORS = {
    commune: { code: "02923", name: "Xã Gia Phú", province: { code: "15", name: "Tỉnh Lào Cai" } },
    quarter: "2026-Q4",
    closed_at: null,
    indicators: {
      OCOP_ONLINE: { numerator: 9, denominator: 9, ratio: 1 },
      ORDERS: { numerator: 0, denominator: 0, ratio: null },
      SOMETHING_NEW: { numerator: 1, denominator: 1, ratio: 1 },
    },
  }

  it("reads the public indicators, cached under the indicators tag", async () => {
    const calls = stubBackend({ "/store/communes/02923/indicators": { body: INDICATORS } })
    const read = await getCommuneIndicators("02923")
    expect(read?.indicators).toEqual({
      OCOP_ONLINE: { numerator: 9, denominator: 9, ratio: 1 },
      ORDERS: { numerator: 0, denominator: 0, ratio: null },
    })
    expect(read?.commune.name).toBe("Xã Gia Phú")
    expect(callTo(calls, "/store/communes/02923/indicators").init.next).toEqual({
      revalidate: 300,
      tags: ["indicators"],
    })
  })

  it("is null for an unknown commune, and for a malformed code without asking", async () => {
    const calls = stubBackend({})
    expect(await getCommuneIndicators("99999")).toBeNull()
    expect(calls).toHaveLength(1)
    expect(await getCommuneIndicators("../x")).toBeNull()
    expect(calls).toHaveLength(1)
  })

  it("lists the communes with sellers", async () => {
    stubBackend({
      "/store/communes": {
        body: { communes: [{ ...INDICATORS.commune, sellers: 9 }], count: 1 },
      },
    })
    expect(await listSellerCommunes()).toEqual([
      {
        code: "02923",
        name: "Xã Gia Phú",
        province: { code: "15", name: "Tỉnh Lào Cai" },
        sellers: 9,
      },
    ])
  })
})
